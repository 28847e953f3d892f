using System.IO.Compression;

namespace Platform.Meetings.Documents;

/// <summary>
/// What a document is, read from its bytes rather than from its name or the uploader's Content-Type: a
/// renamed executable is not a PDF because it is called <c>.pdf</c>. PDF, PNG and JPEG have their
/// signatures; DOCX and XLSX are ZIP packages (Office Open XML) told apart by the parts they must hold.
/// </summary>
public static class DocumentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> All = [Pdf, Docx, Xlsx, Png, Jpeg];

    /// <summary>The extension a document of this type is saved with, for a file that came without a name.</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        Pdf => ".pdf", Png => ".png", Jpeg => ".jpg", Docx => ".docx", Xlsx => ".xlsx", _ => "",
    };

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The media type of <paramref name="content"/>, or null when it is none of the accepted five.</summary>
    public static string? Sniff(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith(PdfSignature)) return Pdf;
        if (bytes.StartsWith(PngSignature)) return Png;
        if (bytes.StartsWith(JpegSignature)) return Jpeg;
        if (bytes.StartsWith(ZipSignature)) return OfficePackage(content);
        return null;
    }

    /// <summary>
    /// DOCX or XLSX by the parts of the package; any other ZIP is refused. Only the central directory is
    /// read (entry names), nothing is decompressed, so a ZIP bomb costs nothing here.
    /// </summary>
    private static string? OfficePackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var parts = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!parts.Contains("[Content_Types].xml")) return null;
            if (parts.Contains("word/document.xml")) return Docx;
            if (parts.Contains("xl/workbook.xml")) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not one
        }
    }

    /// <summary>
    /// Whether a Content-Type the uploader declared contradicts the sniffed type. Generic or missing
    /// declarations (<c>application/octet-stream</c>, none) say nothing; common aliases (<c>image/jpg</c>)
    /// agree with their type.
    /// </summary>
    public static bool Contradicts(string? declared, string sniffed)
    {
        if (string.IsNullOrWhiteSpace(declared)) return false;
        var mediaType = declared.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is "" or "application/octet-stream") return false;
        return Canonical(mediaType) != sniffed;
    }

    private static string Canonical(string mediaType) => mediaType switch
    {
        "image/jpg" or "image/pjpeg" => Jpeg,
        "application/x-pdf" => Pdf,
        _ => mediaType,
    };
}
