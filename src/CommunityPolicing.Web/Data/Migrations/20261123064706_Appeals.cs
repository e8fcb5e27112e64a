using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;


#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CommunityPolicing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "appeal_numbers");

            migrationBuilder.CreateTable(
                name: "appeal_categories",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_ru = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_kk = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_complaint_about_officer = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeal_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_days", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deadline_rules",
                columns: table => new
                {
                    jurisdiction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    answer_days = table.Column<int>(type: "integer", nullable: false),
                    working_days = table.Column<bool>(type: "boolean", nullable: false),
                    max_extensions = table.Column<int>(type: "integer", nullable: false),
                    max_extension_days = table.Column<int>(type: "integer", nullable: true),
                    max_total_months = table.Column<int>(type: "integer", nullable: true),
                    redirect_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_rules", x => x.jurisdiction);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    registration_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    tracking_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    precinct_id = table.Column<int>(type: "integer", nullable: true),
                    beat_id = table.Column<int>(type: "integer", nullable: true),
                    assigned_officer_id = table.Column<int>(type: "integer", nullable: true),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    applicant_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    applicant_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    applicant_address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    publish_details = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    original_due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    extensions = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    redirected_to = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    redirected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    rating_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                        .Annotation("Npgsql:TsVectorConfig", "simple")
                        .Annotation("Npgsql:TsVectorProperties", new[] { "registration_number", "description" })
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                    table.CheckConstraint("ck_appeals_anonymous", "NOT is_anonymous OR (applicant_name IS NULL AND applicant_phone IS NULL AND applicant_email IS NULL AND applicant_address IS NULL)");
                    table.CheckConstraint("ck_appeals_rating", "rating BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_appeals_appeal_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "appeal_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appeals_beats_beat_id",
                        column: x => x.beat_id,
                        principalTable: "beats",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appeals_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appeals_officers_assigned_officer_id",
                        column: x => x.assigned_officer_id,
                        principalTable: "officers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_appeals_precincts_precinct_id",
                        column: x => x.precinct_id,
                        principalTable: "precincts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appeal_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    note = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeal_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_appeal_events_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "appeal_categories",
                columns: new[] { "id", "active", "code", "is_complaint_about_officer", "name_en", "name_kk", "name_ru", "sort_order" },
                values: new object[,]
                {
                    { 1, true, "public-order", false, "Public order, noise", "Қоғамдық тәртіп, шу", "Общественный порядок, шум", 1 },
                    { 2, true, "domestic", false, "Domestic conflict", "Отбасылық-тұрмыстық жанжал", "Семейно-бытовой конфликт", 2 },
                    { 3, true, "theft", false, "Theft", "Ұрлық", "Кража", 3 },
                    { 4, true, "fraud", false, "Fraud", "Алаяқтық", "Мошенничество", 4 },
                    { 5, true, "road-safety", false, "Road safety", "Жол қозғалысы қауіпсіздігі", "Безопасность дорожного движения", 5 },
                    { 6, true, "juveniles", false, "Juveniles", "Кәмелетке толмағандар", "Несовершеннолетние", 6 },
                    { 7, true, "illegal-trade", false, "Illegal trade", "Заңсыз сауда", "Незаконная торговля", 7 },
                    { 8, true, "migration", false, "Migration", "Көші-қон", "Миграция", 8 },
                    { 9, true, "officer-complaint", true, "Complaint about an officer", "Қызметкерге шағым", "Жалоба на сотрудника", 9 },
                    { 10, true, "suggestion", false, "Suggestion", "Ұсыныс", "Предложение", 10 },
                    { 11, true, "gratitude", false, "Gratitude", "Алғыс", "Благодарность", 11 },
                    { 12, true, "other", false, "Other", "Басқа", "Другое", 12 }
                });

            migrationBuilder.InsertData(
                table: "deadline_rules",
                columns: new[] { "jurisdiction", "answer_days", "max_extension_days", "max_extensions", "max_total_months", "redirect_days", "working_days" },
                values: new object[,]
                {
                    { "Kazakhstan", 15, null, 3, 2, 3, true },
                    { "Russia", 30, 30, 1, null, 7, false },
                    { "Tajikistan", 30, 30, 1, null, 5, false }
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeal_categories_code",
                table: "appeal_categories",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeal_events_appeal_id_at",
                table: "appeal_events",
                columns: new[] { "appeal_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_assigned_officer_id_status_due_date",
                table: "appeals",
                columns: new[] { "assigned_officer_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_beat_id",
                table: "appeals",
                column: "beat_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_category_id",
                table: "appeals",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_department_id_registered_at",
                table: "appeals",
                columns: new[] { "department_id", "registered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_department_id_status_due_date",
                table: "appeals",
                columns: new[] { "department_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_precinct_id_status_due_date",
                table: "appeals",
                columns: new[] { "precinct_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_registration_number",
                table: "appeals",
                column: "registration_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_search_vector",
                table: "appeals",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_tracking_code",
                table: "appeals",
                column: "tracking_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_days_jurisdiction_date",
                table: "calendar_days",
                columns: new[] { "jurisdiction", "date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeal_events");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "deadline_rules");

            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropTable(
                name: "appeal_categories");

            migrationBuilder.DropSequence(
                name: "appeal_numbers");
        }
    }
}
