namespace Platform.Contracts;

/// <summary>
/// Who came to a meeting was recorded (or corrected): every invitee is either attended or absent. Ids and
/// codes only; whoever needs names reads the directory.
/// </summary>
public sealed record AttendanceRecorded
{
    public required Guid MeetingId { get; init; }
    /// <summary>Null for a city-wide meeting.</summary>
    public required string? District { get; init; }
    public required IReadOnlyList<Guid> AttendedContactIds { get; init; }
    public required IReadOnlyList<Guid> AbsentContactIds { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>An action item was closed: done, or dropped; it no longer joins the district's agendas.</summary>
public sealed record ActionItemClosed
{
    public required Guid ActionItemId { get; init; }
    public required Guid MeetingId { get; init; }
    /// <summary>Null for a city-wide meeting.</summary>
    public required string? District { get; init; }
    public required Guid OwnerInstitutionId { get; init; }
    /// <summary>done or dropped.</summary>
    public required string Status { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
}
