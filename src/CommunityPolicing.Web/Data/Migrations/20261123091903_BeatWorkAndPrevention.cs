using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BeatWorkAndPrevention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "officer_assigned_on",
                table: "beats",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "beat_contacts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    beat_id = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beat_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_beat_contacts_beats_beat_id",
                        column: x => x.beat_id,
                        principalTable: "beats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "beat_places",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    beat_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beat_places", x => x.id);
                    table.ForeignKey(
                        name: "fk_beat_places_beats_beat_id",
                        column: x => x.beat_id,
                        principalTable: "beats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "briefings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    association_id = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    created_by_user_id = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_briefings", x => x.id);
                    table.ForeignKey(
                        name: "fk_briefings_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_briefings_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_briefings_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_briefings_precincts_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "precincts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "joint_meetings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    attendees = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    minutes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_joint_meetings_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_joint_meetings_precincts_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "precincts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "log_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    officer_id = table.Column<int>(type: "integer", nullable: false),
                    beat_id = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    households = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_log_entries", x => x.id);
                    table.CheckConstraint("ck_log_entries_households", "households IS NULL OR households BETWEEN 0 AND 10000");
                    table.ForeignKey(
                        name: "fk_log_entries_beats_beat_id",
                        column: x => x.beat_id,
                        principalTable: "beats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_log_entries_officers_officer_id",
                        column: x => x.officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prevention_activities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    beat_id = table.Column<int>(type: "integer", nullable: true),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    responsible_officer_id = table.Column<int>(type: "integer", nullable: true),
                    participants = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    target_group = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    attendance = table.Column<int>(type: "integer", nullable: true),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prevention_activities", x => x.id);
                    table.CheckConstraint("ck_prevention_activities_attendance", "attendance IS NULL OR attendance >= 0");
                    table.ForeignKey(
                        name: "fk_prevention_activities_beats_beat_id",
                        column: x => x.beat_id,
                        principalTable: "beats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_prevention_activities_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_prevention_activities_officers_responsible_officer_id",
                        column: x => x.responsible_officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_prevention_activities_precincts_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "precincts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "preventive_records",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    beat_id = table.Column<int>(type: "integer", nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    grounds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    check_every_days = table.Column<int>(type: "integer", nullable: false),
                    removed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    removal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_preventive_records", x => x.id);
                    table.CheckConstraint("ck_preventive_records_frequency", "check_every_days BETWEEN 1 AND 366");
                    table.ForeignKey(
                        name: "fk_preventive_records_beats_beat_id",
                        column: x => x.beat_id,
                        principalTable: "beats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_preventive_records_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_preventive_records_precincts_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "precincts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreed_actions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreed_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreed_actions_joint_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "joint_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "record_checks",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    record_id = table.Column<int>(type: "integer", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    officer_id = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_record_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_record_checks_officers_officer_id",
                        column: x => x.officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_record_checks_preventive_records_record_id",
                        column: x => x.record_id,
                        principalTable: "preventive_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreed_actions_meeting_id",
                table: "agreed_actions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_beat_contacts_beat_id",
                table: "beat_contacts",
                column: "beat_id");

            migrationBuilder.CreateIndex(
                name: "ix_beat_places_beat_id",
                table: "beat_places",
                column: "beat_id");

            migrationBuilder.CreateIndex(
                name: "ix_briefings_association_id",
                table: "briefings",
                column: "association_id");

            migrationBuilder.CreateIndex(
                name: "ix_briefings_created_by_user_id",
                table: "briefings",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_briefings_department_id",
                table: "briefings",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_briefings_precinct_id_valid_until",
                table: "briefings",
                columns: new[] { "precinct_id", "valid_until" });

            migrationBuilder.CreateIndex(
                name: "ix_joint_meetings_department_id",
                table: "joint_meetings",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_joint_meetings_precinct_id_held_on",
                table: "joint_meetings",
                columns: new[] { "precinct_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_beat_id_kind_date",
                table: "log_entries",
                columns: new[] { "beat_id", "kind", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_log_entries_officer_id_at",
                table: "log_entries",
                columns: new[] { "officer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_prevention_activities_beat_id",
                table: "prevention_activities",
                column: "beat_id");

            migrationBuilder.CreateIndex(
                name: "ix_prevention_activities_department_id_planned_on",
                table: "prevention_activities",
                columns: new[] { "department_id", "planned_on" });

            migrationBuilder.CreateIndex(
                name: "ix_prevention_activities_precinct_id_planned_on",
                table: "prevention_activities",
                columns: new[] { "precinct_id", "planned_on" });

            migrationBuilder.CreateIndex(
                name: "ix_prevention_activities_responsible_officer_id",
                table: "prevention_activities",
                column: "responsible_officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_preventive_records_beat_id",
                table: "preventive_records",
                column: "beat_id");

            migrationBuilder.CreateIndex(
                name: "ix_preventive_records_department_id_category",
                table: "preventive_records",
                columns: new[] { "department_id", "category" });

            migrationBuilder.CreateIndex(
                name: "ix_preventive_records_precinct_id_removed_on",
                table: "preventive_records",
                columns: new[] { "precinct_id", "removed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_record_checks_officer_id",
                table: "record_checks",
                column: "officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_record_checks_record_id_checked_on",
                table: "record_checks",
                columns: new[] { "record_id", "checked_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreed_actions");

            migrationBuilder.DropTable(
                name: "beat_contacts");

            migrationBuilder.DropTable(
                name: "beat_places");

            migrationBuilder.DropTable(
                name: "briefings");

            migrationBuilder.DropTable(
                name: "log_entries");

            migrationBuilder.DropTable(
                name: "prevention_activities");

            migrationBuilder.DropTable(
                name: "record_checks");

            migrationBuilder.DropTable(
                name: "joint_meetings");

            migrationBuilder.DropTable(
                name: "preventive_records");

            migrationBuilder.DropColumn(
                name: "officer_assigned_on",
                table: "beats");
        }
    }
}
