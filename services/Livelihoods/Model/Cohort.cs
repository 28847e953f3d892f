namespace Platform.Livelihoods.Model;

/// <summary>A group of women going through the programme together, in one district, with its workshops.</summary>
public sealed class Cohort
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string District { get; init; }
    /// <summary>The municipality (or other institution) that runs it with the programme.</summary>
    public Guid PartnerInstitutionId { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
    public List<Workshop> Workshops { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A kitchen, sewing or handicraft workshop: places for <see cref="Capacity"/> women; more wait.</summary>
public sealed class Workshop
{
    public Guid Id { get; init; }
    public Guid CohortId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public int Capacity { get; init; }
    public string? Location { get; init; }
}
