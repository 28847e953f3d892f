namespace Platform.Livelihoods.Model;

/// <summary>Something a woman makes and sells (börek by the tray, a dress, a tablecloth).</summary>
public sealed class Product
{
    public Guid Id { get; init; }
    public Guid EntrepreneurId { get; init; }
    public required string Name { get; init; }
    public required string Unit { get; init; }
}

/// <summary>
/// One line of the sales ledger, in TRY. A mistake is corrected by a reversing line (negative quantity
/// and total, <see cref="Reverses"/> set), never by editing: what was reported once stays explainable.
/// </summary>
public sealed class Sale
{
    public Guid Id { get; init; }
    public Guid EntrepreneurId { get; init; }
    public Guid? CohortId { get; init; }
    public required string District { get; init; }
    public Guid ProductId { get; init; }
    public DateOnly SoldOn { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal Total { get; init; }
    public required string Channel { get; init; }
    public Guid? Reverses { get; init; }
    public string? Reason { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>A training session of a cohort, in Istanbul time.</summary>
public sealed class Training
{
    public Guid Id { get; init; }
    public Guid CohortId { get; init; }
    public required string Topic { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    public List<Attendance> Attendance { get; init; } = [];
}

public sealed class Attendance
{
    public Guid TrainingId { get; init; }
    public Guid EntrepreneurId { get; init; }
    public bool Present { get; set; }
}

/// <summary>One step of the business licence checklist, done on a date, with the supporting institution.</summary>
public sealed class LicenceStep
{
    public Guid Id { get; init; }
    public Guid EntrepreneurId { get; init; }
    public required string Step { get; init; }
    public DateOnly CompletedOn { get; init; }
    public string? LicenceNumber { get; init; }
    public Guid? SupportingInstitutionId { get; init; }
    public required string RecordedBy { get; init; }
}
