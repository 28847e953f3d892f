namespace Platform.Meetings.Documents;

/// <summary>The links to a meeting's documents that its minutes email carries.</summary>
public static class DocumentLinks
{
    /// <summary>Long enough to read the minutes' annexes after a holiday, short enough that an old forwarded email stops opening them.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public static async Task<IReadOnlyList<DocumentLink>> ForMinutesAsync(MeetingsDbContext db, LinkSigner links, Guid meetingId, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        var expiresAt = publishedAt + Lifetime;
        var documents = await db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == meetingId)
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.FileName, d.ContentType, d.SizeBytes })
            .ToListAsync(cancellationToken);
        return documents.Select(d => new DocumentLink
        {
            DocumentId = d.Id, FileName = d.FileName, ContentType = d.ContentType, SizeBytes = d.SizeBytes,
            Url = links.DocumentUrl(meetingId, d.Id, expiresAt),
        }).ToList();
    }
}
