using Microsoft.EntityFrameworkCore.Migrations;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Open311PublicCategoriesAndIdempotencyHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idempotency_hash",
                table: "appeals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_public",
                table: "appeal_categories",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            // Categories administrators added stay published as before; complaints about officers never are.
            migrationBuilder.Sql("UPDATE appeal_categories SET is_public = false WHERE is_complaint_about_officer;");

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 1,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 2,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 3,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 4,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 5,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 6,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 7,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 8,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 9,
                column: "is_public",
                value: false);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 10,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 11,
                column: "is_public",
                value: true);

            migrationBuilder.UpdateData(
                table: "appeal_categories",
                keyColumn: "id",
                keyValue: 12,
                column: "is_public",
                value: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "idempotency_hash",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "is_public",
                table: "appeal_categories");
        }
    }
}
