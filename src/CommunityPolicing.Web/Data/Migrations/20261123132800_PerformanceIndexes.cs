using Microsoft.EntityFrameworkCore.Migrations;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appeals_category_id",
                table: "appeals");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_patrols_department_id_date",
                table: "patrols",
                columns: new[] { "department_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_category_id_id",
                table: "appeals",
                columns: new[] { "category_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_department_id",
                table: "appeals",
                column: "department_id")
                .Annotation("Npgsql:IndexInclude", new[] { "precinct_id", "category_id", "status", "registered_at", "due_date", "answered_at", "rated_at", "rating" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_department_id_id",
                table: "appeals",
                columns: new[] { "department_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_department_id_search_vector",
                table: "appeals",
                columns: new[] { "department_id", "search_vector" })
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_status_id",
                table: "appeals",
                columns: new[] { "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patrols_department_id_date",
                table: "patrols");

            migrationBuilder.DropIndex(
                name: "ix_appeals_category_id_id",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_department_id",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_department_id_id",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_department_id_search_vector",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_status_id",
                table: "appeals");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_category_id",
                table: "appeals",
                column: "category_id");
        }
    }
}
