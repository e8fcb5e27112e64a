using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LogEntryCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "appeal_id",
                table: "log_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "corrected_at",
                table: "log_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "log_entries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Entries written before corrections existed count as written when they happened: long past correcting.
            migrationBuilder.Sql("UPDATE log_entries SET created_at = at;");

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_appeal_id",
                table: "log_entries",
                column: "appeal_id");

            migrationBuilder.AddForeignKey(
                name: "fk_log_entries_appeals_appeal_id",
                table: "log_entries",
                column: "appeal_id",
                principalTable: "appeals",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_log_entries_appeals_appeal_id",
                table: "log_entries");

            migrationBuilder.DropIndex(
                name: "ix_log_entries_appeal_id",
                table: "log_entries");

            migrationBuilder.DropColumn(
                name: "appeal_id",
                table: "log_entries");

            migrationBuilder.DropColumn(
                name: "corrected_at",
                table: "log_entries");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "log_entries");
        }
    }
}
