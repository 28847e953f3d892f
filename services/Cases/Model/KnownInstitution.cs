namespace Platform.Cases.Model;

/// <summary>
/// The cases service's copy of the stakeholder directory (owned by meetings, learnt from its events):
/// providers of services and receivers of referrals.
/// </summary>
public sealed class KnownInstitution
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string? District { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}
