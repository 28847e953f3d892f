namespace Platform.Cases.Model;

/// <summary>A duplicate check that found matches: counted in the reports ("duplicates prevented").</summary>
public sealed class DuplicateFlag
{
    public Guid Id { get; init; }
    public required string District { get; init; }
    public required string Category { get; init; }
    public int Matches { get; init; }
    public bool Prevented { get; init; }
    public required string CheckedBy { get; init; }
    public DateTimeOffset CheckedAt { get; init; }
}

/// <summary>A focal point of an institution (from meetings' events): who is emailed about a referral.</summary>
public sealed class KnownContact
{
    public Guid Id { get; init; }
    public Guid InstitutionId { get; set; }
    public required string FullName { get; set; }
    public required string Email { get; set; }
    public required string Language { get; set; }
}
