using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Patrols : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    association_id = table.Column<int>(type: "integer", nullable: true),
                    officer_id = table.Column<int>(type: "integer", nullable: true),
                    created_by_user_id = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.id);
                    table.CheckConstraint("ck_calendar_feeds_one", "(association_id IS NULL) <> (officer_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_calendar_feeds_asp_net_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_calendar_feeds_officers_officer_id",
                        column: x => x.officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrols",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: false),
                    association_id = table.Column<int>(type: "integer", nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    meeting_point = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    route = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    briefing = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actual_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    actual_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    incidents = table.Column<int>(type: "integer", nullable: true),
                    persons_handed_over = table.Column<int>(type: "integer", nullable: true),
                    report_notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patrols", x => x.id);
                    table.CheckConstraint("ck_patrols_report", "incidents >= 0 AND persons_handed_over >= 0");
                    table.CheckConstraint("ck_patrols_times", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_patrols_associations_association_id",
                        column: x => x.association_id,
                        principalTable: "associations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_patrols_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_patrols_precincts_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "precincts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    patrol_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    emailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_patrols_patrol_id",
                        column: x => x.patrol_id,
                        principalTable: "patrols",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrol_beats",
                columns: table => new
                {
                    beats_id = table.Column<int>(type: "integer", nullable: false),
                    patrol_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patrol_beats", x => new { x.beats_id, x.patrol_id });
                    table.ForeignKey(
                        name: "fk_patrol_beats_beats_beats_id",
                        column: x => x.beats_id,
                        principalTable: "beats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_patrol_beats_patrols_patrol_id",
                        column: x => x.patrol_id,
                        principalTable: "patrols",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrol_offences",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patrol_id = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    detected = table.Column<int>(type: "integer", nullable: false),
                    prevented = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patrol_offences", x => x.id);
                    table.CheckConstraint("ck_patrol_offences_counts", "detected >= 0 AND prevented >= 0");
                    table.ForeignKey(
                        name: "fk_patrol_offences_patrols_patrol_id",
                        column: x => x.patrol_id,
                        principalTable: "patrols",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrol_participants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patrol_id = table.Column<int>(type: "integer", nullable: false),
                    officer_id = table.Column<int>(type: "integer", nullable: true),
                    volunteer_id = table.Column<int>(type: "integer", nullable: true),
                    response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: true),
                    hours = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patrol_participants", x => x.id);
                    table.CheckConstraint("ck_patrol_participants_one", "(officer_id IS NULL) <> (volunteer_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_patrol_participants_officers_officer_id",
                        column: x => x.officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_patrol_participants_patrols_patrol_id",
                        column: x => x.patrol_id,
                        principalTable: "patrols",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_patrol_participants_volunteers_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_association_id",
                table: "calendar_feeds",
                column: "association_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_created_by_user_id",
                table: "calendar_feeds",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_officer_id",
                table: "calendar_feeds",
                column: "officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_patrol_id",
                table: "notifications",
                column: "patrol_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_patrol_id_kind",
                table: "notifications",
                columns: new[] { "user_id", "patrol_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_read_at",
                table: "notifications",
                columns: new[] { "user_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_patrol_beats_patrol_id",
                table: "patrol_beats",
                column: "patrol_id");

            migrationBuilder.CreateIndex(
                name: "ix_patrol_offences_patrol_id_category",
                table: "patrol_offences",
                columns: new[] { "patrol_id", "category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patrol_participants_officer_id",
                table: "patrol_participants",
                column: "officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_patrol_participants_patrol_id_officer_id",
                table: "patrol_participants",
                columns: new[] { "patrol_id", "officer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patrol_participants_patrol_id_volunteer_id",
                table: "patrol_participants",
                columns: new[] { "patrol_id", "volunteer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patrol_participants_volunteer_id",
                table: "patrol_participants",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "ix_patrols_association_id_date",
                table: "patrols",
                columns: new[] { "association_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_patrols_department_id_starts_at",
                table: "patrols",
                columns: new[] { "department_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_patrols_precinct_id_starts_at",
                table: "patrols",
                columns: new[] { "precinct_id", "starts_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "patrol_beats");

            migrationBuilder.DropTable(
                name: "patrol_offences");

            migrationBuilder.DropTable(
                name: "patrol_participants");

            migrationBuilder.DropTable(
                name: "patrols");
        }
    }
}
