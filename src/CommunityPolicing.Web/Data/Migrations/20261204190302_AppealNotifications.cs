using Microsoft.EntityFrameworkCore.Migrations;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppealNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "appeal_id",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_appeal_id",
                table: "notifications",
                column: "appeal_id");

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications",
                column: "appeal_id",
                principalTable: "appeals",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_appeal_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "appeal_id",
                table: "notifications");
        }
    }
}
