namespace Platform.Meetings.Model;

/// <summary>A stakeholder in the district coordination meetings: governorship, municipality, UN agency, NGO...</summary>
public sealed class Institution
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    /// <summary>District code; null for city-wide bodies.</summary>
    public string? District { get; set; }
    public DateTimeOffset RegisteredAt { get; init; }
}
