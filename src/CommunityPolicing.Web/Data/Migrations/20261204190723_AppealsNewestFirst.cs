using Microsoft.EntityFrameworkCore.Migrations;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppealsNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_appeals_registered_at_id",
                table: "appeals",
                columns: new[] { "registered_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appeals_registered_at_id",
                table: "appeals");
        }
    }
}
