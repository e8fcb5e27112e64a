using Microsoft.EntityFrameworkCore.Migrations;


namespace CommunityPolicing.Web.Data.Migrations
{
    /// <summary>Attachments stored before their names followed the detected type get that type's extension (AttachmentRules.StoredName).</summary>
    public partial class AttachmentNamesFollowType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The last extension replaced, as StoredName does; a name that was only an extension becomes "file".
            migrationBuilder.Sql("""
                UPDATE appeal_attachments
                SET file_name = coalesce(nullif(regexp_replace(file_name, '\.[^.]*$', ''), ''), 'file')
                    || CASE content_type WHEN 'image/jpeg' THEN '.jpg' WHEN 'image/png' THEN '.png'
                                         WHEN 'application/pdf' THEN '.pdf' WHEN 'image/webp' THEN '.webp' END
                WHERE content_type IN ('image/jpeg', 'image/png', 'application/pdf', 'image/webp');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The names as uploaded are gone: they were what the fix removes.
        }
    }
}
