namespace Platform.Meetings.Model;

/// <summary>
/// A file added to a meeting (an annex, an attendance sheet, a presentation), kept in meetingsdb with its
/// bytes: at 10 MiB a file, PostgreSQL keeps them as durably as the meeting itself, in the same backups.
/// </summary>
public sealed class MeetingDocument
{
    public Guid Id { get; init; }
    public Guid MeetingId { get; init; }
    /// <summary>The name as the uploader gave it, without any folder part; Turkish and Arabic letters kept.</summary>
    public required string FileName { get; init; }
    /// <summary>The media type the bytes are, as the sniffer read them.</summary>
    public required string ContentType { get; init; }
    public long SizeBytes { get; init; }
    public required byte[] Sha256 { get; init; }
    /// <summary>The bytes; never loaded by a listing (see <c>MeetingDocumentsApi</c>).</summary>
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    /// <summary>The partner (OAuth client id) that uploaded it.</summary>
    public required string UploadedBy { get; init; }

    public string ETag => $"\"{Convert.ToHexStringLower(Sha256)}\"";
}
