namespace Platform.Contracts;

/// <summary>
/// A desk corrected a registered person's details. Carries which fields changed (their names, not their
/// values): a consumer that keeps anything about the person reads it again through the API.
/// </summary>
public sealed record BeneficiaryCorrected
{
    public required Guid BeneficiaryId { get; init; }
    public required string ReferenceCode { get; init; }
    /// <summary>fullName, dateOfBirth, phone, legalStatus, languages, vulnerabilities.</summary>
    public required IReadOnlyList<string> Fields { get; init; }
    public required DateTimeOffset CorrectedAt { get; init; }
}
