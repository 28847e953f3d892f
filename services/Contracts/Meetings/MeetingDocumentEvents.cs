namespace Platform.Contracts;

/// <summary>
/// A document (agenda annex, attendance sheet, presentation) was added to a meeting. The bytes stay in the
/// meetings service; consumers that need them follow a link or call the API.
/// </summary>
public sealed record MeetingDocumentAdded
{
    public required Guid MeetingId { get; init; }
    public required Guid DocumentId { get; init; }
    /// <summary>The meeting's district code; null for a city-wide meeting.</summary>
    public string? District { get; init; }
    public required string FileName { get; init; }
    /// <summary>The media type read from the bytes (application/pdf, image/png, ...), not the one the uploader declared.</summary>
    public required string ContentType { get; init; }
    public required long SizeBytes { get; init; }
    /// <summary>SHA-256 of the bytes, lowercase hex: also the document's ETag.</summary>
    public required string Sha256 { get; init; }
    public required DateTimeOffset AddedAt { get; init; }
}

/// <summary>A document of a meeting as an email lists it: a signed, expiring link that works without a partner token.</summary>
public sealed record DocumentLink
{
    public required Guid DocumentId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long SizeBytes { get; init; }
    public required string Url { get; init; }
}
