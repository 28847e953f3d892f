namespace Platform.Livelihoods.Model;

/// <summary>
/// The programme's copy of the stakeholder directory (owned by meetings, learnt from its
/// <c>InstitutionRegistered</c> events): the institutions a cohort may be run with and a licence
/// step may be supported by. An id livelihoods has not learnt is refused, never stored on trust.
/// </summary>
public sealed class KnownInstitution
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string? District { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}
