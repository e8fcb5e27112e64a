using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssociationMonthPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "association_month_plans",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    association_id = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_patrols = table.Column<int>(type: "integer", nullable: false),
                    planned_events = table.Column<int>(type: "integer", nullable: false),
                    planned_training_hours = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_association_month_plans", x => x.id);
                    table.CheckConstraint("ck_association_month_plans_counts", "planned_patrols >= 0 AND planned_events >= 0 AND planned_training_hours >= 0");
                    table.ForeignKey(
                        name: "fk_association_month_plans_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_association_month_plans_association_id_month",
                table: "association_month_plans",
                columns: new[] { "association_id", "month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "association_month_plans");
        }
    }
}
