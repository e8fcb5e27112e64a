using Microsoft.EntityFrameworkCore.Migrations;

#nullable enable

namespace CommunityPolicing.Web.Data.Migrations
{
    /// <summary>The audit trail is append-only: the database itself rejects UPDATE, DELETE and TRUNCATE.</summary>
    public partial class AuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END $$;

                CREATE TRIGGER audit_entries_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

                CREATE TRIGGER audit_entries_no_truncate
                    BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER audit_entries_no_truncate ON audit_entries;
                DROP TRIGGER audit_entries_no_update_or_delete ON audit_entries;
                DROP FUNCTION audit_entries_append_only();
                """);
        }
    }
}
