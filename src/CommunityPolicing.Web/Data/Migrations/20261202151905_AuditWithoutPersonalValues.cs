using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace CommunityPolicing.Web.Data.Migrations
{
    /// <summary>
    /// The audit trail names personal fields instead of copying them (<c>personal_fields</c>), and the values already
    /// copied are removed: the one sanctioned change of recorded rows, made as the table's owner with the append-only
    /// trigger off for this transaction only, and recorded as one <c>Redact</c> row. The field list is the
    /// <c>[Personal]</c> marking as of this migration.
    /// </summary>
    public partial class AuditWithoutPersonalValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "personal_fields",
                table: "audit_entries",
                type: "text[]",
                nullable: true);

            migrationBuilder.Sql("""
                ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;

                WITH personal(entity_type, fields) AS (VALUES
                    ('Appeal', ARRAY['TrackingCode', 'IdempotencyKey', 'ApplicantName', 'ApplicantPhone', 'ApplicantEmail',
                        'ApplicantAddress', 'Description', 'Address', 'Latitude', 'Longitude', 'Answer', 'RatingComment']),
                    ('AppealEvent', ARRAY['Note']),
                    ('AppealAttachment', ARRAY['FileName']),
                    ('PreventiveRecord', ARRAY['Category', 'FullName', 'BirthDate', 'Address', 'Grounds', 'RemovalReason']),
                    ('RecordCheck', ARRAY['Note']),
                    ('BeatContact', ARRAY['FullName', 'Phone', 'Notes']),
                    ('BeatPlace', ARRAY['Address', 'Notes']),
                    ('LogEntry', ARRAY['Place', 'Note']),
                    ('Volunteer', ARRAY['FullName', 'BirthDate', 'Phone', 'Address', 'DocumentNumber', 'StatusReason'])),
                redacted AS (
                    UPDATE audit_entries a SET
                        old_values = a.old_values - p.fields,
                        new_values = a.new_values - p.fields,
                        personal_fields = ARRAY(SELECT f FROM unnest(p.fields) f
                            WHERE coalesce(a.old_values ? f, false) OR coalesce(a.new_values ? f, false))
                    FROM personal p
                    WHERE a.entity_type = p.entity_type
                      AND a.action IN ('Insert', 'Update', 'Delete')
                      AND (coalesce(a.old_values ?| p.fields, false) OR coalesce(a.new_values ?| p.fields, false))
                    RETURNING a.id)
                INSERT INTO audit_entries (at, action, entity_type, new_values)
                SELECT now(), 'Redact', 'AuditEntry', jsonb_build_object('rows', count(*),
                    'reason', 'personal values removed from the audit trail; the fields changed stay named')
                FROM redacted HAVING count(*) > 0;

                ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "personal_fields",
                table: "audit_entries");
        }
    }
}
