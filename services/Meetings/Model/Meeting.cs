namespace Platform.Meetings.Model;

/// <summary>A coordination meeting: when and where, what is on the agenda, who is invited, and what came of it.</summary>
public sealed class Meeting
{
    public Guid Id { get; init; }
    public required string Title { get; set; }
    public required string Kind { get; set; }
    /// <summary>Null for a city-wide meeting (a <see cref="MeetingKinds.PlatformWorkshop"/>).</summary>
    public string? District { get; set; }
    public Guid HostInstitutionId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Location { get; set; }
    public string? OnlineUrl { get; set; }
    public string Status { get; set; } = MeetingStatuses.Scheduled;
    /// <summary>iCalendar SEQUENCE: grows with every change invitees must hear about (reschedule, cancel).</summary>
    public int Sequence { get; set; }
    public string? CancellationReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>PostgreSQL's xmin: the ETag, and the optimistic-concurrency token.</summary>
    public uint Version { get; set; }
    public List<AgendaItem> Agenda { get; init; } = [];
    public List<Invitee> Invitees { get; init; } = [];
    public Minutes? Minutes { get; set; }

    public bool IsCancelled => Status == MeetingStatuses.Cancelled;
}

public sealed class AgendaItem
{
    public int Position { get; set; }
    public required string Topic { get; set; }
    public required string Title { get; set; }
    public Guid? PresenterInstitutionId { get; set; }
    /// <summary>Set when the item was carried over from an open action item of an earlier meeting.</summary>
    public Guid? FollowsUpActionItemId { get; set; }
}

public sealed class Invitee
{
    public Guid ContactId { get; init; }
    public string Reply { get; set; } = Replies.Pending;
    public DateTimeOffset? RepliedAt { get; set; }
    /// <summary>Null until attendance is recorded.</summary>
    public bool? Attended { get; set; }
}

public sealed class Minutes
{
    public required string Summary { get; set; }
    public List<string> Decisions { get; set; } = [];
    public DateTimeOffset PublishedAt { get; set; }
}
