namespace Platform.Contracts;

// A case moving between desks: ids, districts and reference codes only. The reason for the move and
// a decline's reason stay sealed in the cases service (they tend to describe the person's life).

/// <summary>A desk asked another desk (a district, and an institution when named) to take a case over.</summary>
public sealed record CaseTransferRequested
{
    public required Guid TransferId { get; init; }
    public required string ReferenceCode { get; init; }
    public required Guid CaseId { get; init; }
    public required string CaseReference { get; init; }
    public required string FromDistrict { get; init; }
    public required string ToDistrict { get; init; }
    public Guid? ToInstitutionId { get; init; }
    public string? ToInstitutionName { get; init; }
    /// <summary>The receiving desk's focal points, emailed the reference code (empty when the directory names none).</summary>
    public required IReadOnlyList<Recipient> Recipients { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>The receiving desk took the case over: the case and the person are now of <see cref="ToDistrict"/>.</summary>
public sealed record CaseTransferAccepted
{
    public required Guid TransferId { get; init; }
    public required string ReferenceCode { get; init; }
    public required Guid CaseId { get; init; }
    public required string CaseReference { get; init; }
    public required string FromDistrict { get; init; }
    public required string ToDistrict { get; init; }
    public Guid? ToInstitutionId { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
}

/// <summary>The receiving desk declined: the case stays where it was.</summary>
public sealed record CaseTransferDeclined
{
    public required Guid TransferId { get; init; }
    public required string ReferenceCode { get; init; }
    public required Guid CaseId { get; init; }
    public required string CaseReference { get; init; }
    public required string FromDistrict { get; init; }
    public required string ToDistrict { get; init; }
    public Guid? ToInstitutionId { get; init; }
    public required DateTimeOffset DeclinedAt { get; init; }
}
