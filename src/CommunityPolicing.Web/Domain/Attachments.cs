namespace CommunityPolicing.Web.Domain;

/// <summary>A file attached to an appeal (photo or scanned letter), kept in the database with the appeal.</summary>
public sealed class AppealAttachment
{
    public long Id { get; set; }
    public long AppealId { get; set; }
    [Personal]
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

/// <summary>
/// What may be attached: images and PDF up to 10 MB, five files an appeal. The type is read from the file's
/// first bytes; the name and the browser's claimed type are never trusted, and the name's extension is the type's.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    public static string? DetectContentType(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    /// <summary>Null when the file may be attached, else the resource key of the reason.</summary>
    public static string? Check(long size, ReadOnlySpan<byte> head) =>
        size == 0 ? "Attachment.Empty"
        : size > MaxBytes ? "Attachment.TooLarge"
        : DetectContentType(head) is null ? "Attachment.WrongType"
        : null;

    /// <summary>The extension a file of the detected type is stored and served under.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "application/pdf" => ".pdf",
        "image/webp" => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not a type that may be attached."),
    };

    /// <summary>
    /// The safe name with its last extension replaced by the detected type's: a JPEG uploaded as photo.exe is
    /// photo.jpg, so a downloaded file never opens as what its name claimed instead of what it is.
    /// </summary>
    public static string StoredName(string name, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(SafeName(name));
        return (stem.Length == 0 ? "file" : stem) + Extension(contentType);
    }

    /// <summary>A file name safe to send back in a Content-Disposition header.</summary>
    public static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. file.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not ':')]).Trim();
        return clean.Length == 0 ? "file" : clean.Length > 120 ? clean[^120..] : clean;
    }
}
