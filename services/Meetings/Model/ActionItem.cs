namespace Platform.Meetings.Model;

/// <summary>Something a meeting decided an institution will do, followed until it is done.</summary>
public sealed class ActionItem
{
    public Guid Id { get; init; }
    public Guid MeetingId { get; init; }
    /// <summary>
    /// The meeting's district: open items are carried into that district's next meeting. Null for an item of a
    /// city-wide meeting, which is carried into the next city-wide meeting and never into a district's.
    /// </summary>
    public string? District { get; init; }
    public required string Description { get; set; }
    public Guid OwnerInstitutionId { get; set; }
    public DateOnly DueOn { get; set; }
    public string Status { get; set; } = ActionItemStatuses.Open;
    /// <summary>The Istanbul date of the last overdue reminder: at most one a day.</summary>
    public DateOnly? LastRemindedOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; set; }
    public uint Version { get; set; }
}
