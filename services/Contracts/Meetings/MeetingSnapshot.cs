namespace Platform.Contracts;

/// <summary>
/// A meeting as it stands when an event is written: everything an email or calendar invitation shows,
/// so that no consumer has to call the meetings service back.
/// </summary>
public sealed record MeetingSnapshot
{
    public required Guid MeetingId { get; init; }
    /// <summary>iCalendar SEQUENCE: 0 when scheduled, one more with every change invitees must hear about.</summary>
    public required int Sequence { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    /// <summary>Null for a city-wide meeting of the Coordination Platform (kind <c>platform-workshop</c>).</summary>
    public required string? District { get; init; }
    public required Guid HostInstitutionId { get; init; }
    public required string HostInstitutionName { get; init; }
    public required DateTimeOffset StartsAt { get; init; }
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>IANA zone the meeting lives in: always <c>Europe/Istanbul</c>.</summary>
    public required string TimeZone { get; init; }
    public string? Location { get; init; }
    public string? OnlineUrl { get; init; }
    public required string Status { get; init; }
    public required IReadOnlyList<AgendaEntry> Agenda { get; init; }
}

public sealed record AgendaEntry
{
    public required int Position { get; init; }
    /// <summary>Topic code (<c>legal-aid</c>, ...).</summary>
    public required string Topic { get; init; }
    public required string Title { get; init; }
    public string? PresenterInstitutionName { get; init; }
}

/// <summary>One person invited, with the signed one-click reply links their email carries.</summary>
public sealed record Invitation
{
    public required Guid ContactId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string Language { get; init; }
    public required string InstitutionName { get; init; }
    /// <summary>pending, accepted, declined or tentative.</summary>
    public required string Reply { get; init; }
    public required ReplyLinks ReplyLinks { get; init; }
}

public sealed record ReplyLinks
{
    public required string Accept { get; init; }
    public required string Decline { get; init; }
    public required string Tentative { get; init; }
}

/// <summary>Someone to write to: a focal point of an institution.</summary>
public sealed record Recipient
{
    public required Guid ContactId { get; init; }
    public required string FullName { get; init; }
    public required string Email { get; init; }
    public required string Language { get; init; }
}
