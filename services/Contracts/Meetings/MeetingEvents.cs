namespace Platform.Contracts;

/// <summary>A meeting was scheduled: every invitee gets an invitation (iTIP REQUEST, SEQUENCE 0).</summary>
public sealed record MeetingScheduled
{
    public required MeetingSnapshot Meeting { get; init; }
    public required IReadOnlyList<Invitation> Invitees { get; init; }
}

/// <summary>The time or place changed: every invitee gets the updated invitation (same UID, higher SEQUENCE).</summary>
public sealed record MeetingRescheduled
{
    public required MeetingSnapshot Meeting { get; init; }
    public required IReadOnlyList<Invitation> Invitees { get; init; }
    public required DateTimeOffset PreviousStartsAt { get; init; }
    public required DateTimeOffset PreviousEndsAt { get; init; }
}

/// <summary>The meeting will not take place: every invitee gets a cancellation (iTIP CANCEL).</summary>
public sealed record MeetingCancelled
{
    public required MeetingSnapshot Meeting { get; init; }
    public required IReadOnlyList<Invitation> Invitees { get; init; }
    public string? Reason { get; init; }
}

/// <summary>One more person invited: they get the current invitation.</summary>
public sealed record InviteeAdded
{
    public required MeetingSnapshot Meeting { get; init; }
    public required Invitation Invitee { get; init; }
}

/// <summary>One person uninvited: they get a cancellation of their invitation only.</summary>
public sealed record InviteeRemoved
{
    public required MeetingSnapshot Meeting { get; init; }
    public required Invitation Invitee { get; init; }
}

/// <summary>An invitee answered through their reply link.</summary>
public sealed record InvitationAnswered
{
    public required Guid MeetingId { get; init; }
    public required Guid ContactId { get; init; }
    /// <summary>accepted, declined or tentative.</summary>
    public required string Reply { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
}

/// <summary>The minutes of a meeting were published: invitees get the decisions and action items.</summary>
public sealed record MinutesPublished
{
    public required MeetingSnapshot Meeting { get; init; }
    public required IReadOnlyList<Invitation> Invitees { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Decisions { get; init; }
    public required IReadOnlyList<ActionItemSummary> ActionItems { get; init; }
    public required IReadOnlyList<Guid> AttendedContactIds { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    /// <summary>The meeting's documents when the minutes were published, each with a link that expires 90 days later.</summary>
    public IReadOnlyList<DocumentLink> Documents { get; init; } = [];
}

public sealed record ActionItemSummary
{
    public required Guid ActionItemId { get; init; }
    public required string Description { get; init; }
    public required Guid OwnerInstitutionId { get; init; }
    public required string OwnerInstitutionName { get; init; }
    public required DateOnly DueOn { get; init; }
}

/// <summary>An action item is past its due date and still open: its owner's focal points are reminded (once a day).</summary>
public sealed record ActionItemOverdue
{
    public required Guid ActionItemId { get; init; }
    public required Guid MeetingId { get; init; }
    public required string MeetingTitle { get; init; }
    /// <summary>Null for an item of a city-wide meeting.</summary>
    public required string? District { get; init; }
    public required string Description { get; init; }
    public required Guid OwnerInstitutionId { get; init; }
    public required string OwnerInstitutionName { get; init; }
    public required DateOnly DueOn { get; init; }
    /// <summary>The Istanbul date of this reminder.</summary>
    public required DateOnly RemindedOn { get; init; }
    public required IReadOnlyList<Recipient> Recipients { get; init; }
}
