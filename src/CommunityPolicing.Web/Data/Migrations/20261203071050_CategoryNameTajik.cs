using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunityPolicing.Web.Data.Migrations
{
    /// <summary>Categories get a Tajik name; the default ones theirs, a department's own ones the Russian name until an administrator writes one.</summary>
    public partial class CategoryNameTajik : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_tg",
                table: "appeal_categories",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE appeal_categories SET name_tg = name_ru WHERE name_tg = '';");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 1,
                column: "name_tg",
                value: "Тартиботи ҷамъиятӣ, ғавғо");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 2,
                column: "name_tg",
                value: "Низои оилавию маишӣ");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 3,
                column: "name_tg",
                value: "Дуздӣ");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 4,
                column: "name_tg",
                value: "Қаллобӣ");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 5,
                column: "name_tg",
                value: "Бехатарии ҳаракат дар роҳ");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 6,
                column: "name_tg",
                value: "Ноболиғон");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 7,
                column: "name_tg",
                value: "Савдои ғайриқонунӣ");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 8,
                column: "name_tg",
                value: "Муҳоҷират");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 9,
                column: "name_tg",
                value: "Шикоят аз корманд");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 10,
                column: "name_tg",
                value: "Пешниҳод");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 11,
                column: "name_tg",
                value: "Миннатдорӣ");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 12,
                column: "name_tg",
                value: "Дигар");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "name_tg",
                table: "appeal_categories");
        }
    }
}
