namespace Platform.Meetings.Invitations;

/// <summary>
/// The HMAC key of the signed links (reply links and document links), made once and kept in meetingsdb so
/// every instance and restart agrees. The name is older than the document links.
/// </summary>
public sealed class ReplyLinkKey
{
    public int Id { get; init; }
    public required byte[] Secret { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
