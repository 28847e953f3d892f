namespace Platform.Contracts;

/// <summary>A stakeholder institution joined the directory kept by the meetings service.</summary>
public sealed record InstitutionRegistered
{
    public required Guid InstitutionId { get; init; }
    public required string Name { get; init; }
    /// <summary>district-governorship, municipality, migration-directorate, un-agency, public-institution, ngo, foundation or other.</summary>
    public required string Kind { get; init; }
    /// <summary>District code (e.g. <c>umraniye</c>); null for city-wide bodies.</summary>
    public string? District { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
}
