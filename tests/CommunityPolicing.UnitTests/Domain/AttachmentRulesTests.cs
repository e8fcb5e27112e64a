using System.Text;
using CommunityPolicing.Web.Domain;

namespace CommunityPolicing.UnitTests.Domain;

public sealed class AttachmentRulesTests
{
    public static readonly TheoryData<byte[], string?> Heads = new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "image/jpeg" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "image/png" },
        { Encoding.ASCII.GetBytes("%PDF-1.7\n"), "application/pdf" },
        { Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 "), "image/webp" },
        { Encoding.ASCII.GetBytes("MZ\x90\0 a Windows program"), null },
        { Encoding.ASCII.GetBytes("<svg onload=alert(1)>"), null },
        { Encoding.ASCII.GetBytes("RIFF\0\0\0\0WAVEfmt "), null },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void The_type_comes_from_the_first_bytes_not_the_name(byte[] head, string? type) =>
        Assert.Equal(type, AttachmentRules.DetectContentType(head));

    [Fact]
    public void Empty_oversized_and_unknown_files_are_refused()
    {
        byte[] pdf = [.. "%PDF-1.7"u8];

        Assert.Null(AttachmentRules.Check(pdf.Length, pdf));
        Assert.Equal("Attachment.Empty", AttachmentRules.Check(0, []));
        Assert.Equal("Attachment.TooLarge", AttachmentRules.Check(AttachmentRules.MaxBytes + 1, pdf));
        Assert.Equal("Attachment.WrongType", AttachmentRules.Check(3, "MZ\0"u8));
    }

    [Theory]
    [InlineData("photo.jpg", "photo.jpg")]
    [InlineData("C:\\Users\\x\\Desktop\\scan.pdf", "scan.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a\"b\r\n.png", "ab.png")]
    [InlineData("   ", "file")]
    public void File_names_are_made_safe_to_send_back(string name, string safe) => Assert.Equal(safe, AttachmentRules.SafeName(name));
}
