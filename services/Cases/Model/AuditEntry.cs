namespace Platform.Cases.Model;

/// <summary>
/// One read or change of a person's data: who (partner and institution), when, what. Written in the
/// same transaction as a change, and before a read's answer leaves the service.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public Guid BeneficiaryId { get; init; }
    public required string Partner { get; init; }
    public string? Institution { get; init; }
    /// <summary>read, create, update, match (a duplicate check found the person), refer.</summary>
    public required string Action { get; init; }
    /// <summary>Which record: beneficiary, case, case-notes, service, referral.</summary>
    public required string What { get; init; }
    public Guid? RecordId { get; init; }
    public DateTimeOffset At { get; init; }
}

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
