using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunityPolicing.Web.Data.Migrations
{
    /// <summary>A department gets the name of the place it serves in each language, for the public form; the demo ones are filled.</summary>
    public partial class DepartmentPlaceNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "place_en",
                table: "departments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_kk",
                table: "departments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_ru",
                table: "departments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "place_tg",
                table: "departments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE departments d SET place_en = p.en, place_ru = p.ru, place_kk = p.kk, place_tg = p.tg
                FROM (VALUES
                    ('Управление полиции г. Тараз', 'Taraz city', 'г. Тараз', 'Тараз қаласы', 'шаҳри Тароз'),
                    ('Отдел полиции Байзакского района', 'Baizak district', 'Байзакский район', 'Байзақ ауданы', 'ноҳияи Байзак'),
                    ('Отдел полиции Жамбылского района', 'Zhambyl district', 'Жамбылский район', 'Жамбыл ауданы', 'ноҳияи Ҷамбул'),
                    ('ШВКД дар шаҳри Истаравшан', 'Istaravshan city', 'г. Истаравшан', 'Истаравшан қаласы', 'шаҳри Истаравшан')
                ) AS p(name, en, ru, kk, tg)
                WHERE d.name = p.name;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "place_en",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "place_kk",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "place_ru",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "place_tg",
                table: "departments");
        }
    }
}
