using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppealRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "anonymised_at",
                table: "appeals",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "anonymised_at",
                table: "appeals");
        }
    }
}
