using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Associations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "associations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    register_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_associations", x => x.id);
                    table.ForeignKey(
                        name: "fk_associations_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_topic_rules",
                columns: table => new
                {
                    topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    validity_months = table.Column<int>(type: "integer", nullable: true),
                    required_for_patrol = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_topic_rules", x => x.topic);
                });

            migrationBuilder.CreateTable(
                name: "association_coordinators",
                columns: table => new
                {
                    association_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_association_coordinators", x => new { x.association_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_association_coordinators_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_association_coordinators_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "association_precincts",
                columns: table => new
                {
                    association_id = table.Column<int>(type: "integer", nullable: false),
                    precincts_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_association_precincts", x => new { x.association_id, x.precincts_id });
                    table.ForeignKey(
                        name: "fk_association_precincts_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_association_precincts_precincts_precincts_id",
                        column: x => x.precincts_id,
                        principalTable: "precincts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    association_id = table.Column<int>(type: "integer", nullable: false),
                    topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    instructor_officer_id = table.Column<int>(type: "integer", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_sessions_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_sessions_officers_instructor_officer_id",
                        column: x => x.instructor_officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "volunteers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    association_id = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    document_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    badge_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    background_check_on = table.Column<DateOnly>(type: "date", nullable: true),
                    background_check_passed = table.Column<bool>(type: "boolean", nullable: true),
                    consent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteers", x => x.id);
                    table.ForeignKey(
                        name: "fk_volunteers_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_attendance",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    training_session_id = table.Column<int>(type: "integer", nullable: false),
                    volunteer_id = table.Column<int>(type: "integer", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_attendance_training_sessions_training_session_id",
                        column: x => x.training_session_id,
                        principalTable: "training_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_training_attendance_volunteers_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "training_topic_rules",
                columns: new[] { "topic", "required_for_patrol", "validity_months" },
                values: new object[,]
                {
                    { "FirstAid", true, 12 },
                    { "LawfulForce", true, 12 },
                    { "LegalBasics", true, 24 },
                    { "Other", false, null },
                    { "PatrolTactics", false, 24 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_association_coordinators_user_id",
                table: "association_coordinators",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_association_precincts_precincts_id",
                table: "association_precincts",
                column: "precincts_id");

            migrationBuilder.CreateIndex(
                name: "ix_associations_department_id_name",
                table: "associations",
                columns: new[] { "department_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_attendance_training_session_id_volunteer_id",
                table: "training_attendance",
                columns: new[] { "training_session_id", "volunteer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_attendance_volunteer_id",
                table: "training_attendance",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_association_id_held_on",
                table: "training_sessions",
                columns: new[] { "association_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_instructor_officer_id",
                table: "training_sessions",
                column: "instructor_officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_association_id_status_full_name",
                table: "volunteers",
                columns: new[] { "association_id", "status", "full_name" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_document_number",
                table: "volunteers",
                column: "document_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "association_coordinators");

            migrationBuilder.DropTable(
                name: "association_precincts");

            migrationBuilder.DropTable(
                name: "training_attendance");

            migrationBuilder.DropTable(
                name: "training_topic_rules");

            migrationBuilder.DropTable(
                name: "training_sessions");

            migrationBuilder.DropTable(
                name: "volunteers");

            migrationBuilder.DropTable(
                name: "associations");
        }
    }
}
