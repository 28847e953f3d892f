namespace Platform.Livelihoods.Model;

/// <summary>
/// A woman in the programme. Her name, phone and email exist here only sealed (as in cases); the
/// reference code, district, status and language stay readable for the programme's figures.
/// </summary>
public sealed class Entrepreneur
{
    public Guid Id { get; init; }
    public required string ReferenceCode { get; init; }
    public required string District { get; init; }
    public required string Language { get; set; }
    public List<string> Skills { get; set; } = [];
    public required byte[] SealedDetails { get; set; }
    public bool HasEmail { get; set; }
    public string Status { get; set; } = EntrepreneurStatuses.Applicant;
    public Guid? CohortId { get; set; }
    public Guid? WorkshopId { get; set; }
    public string? WithdrawalReason { get; set; }
    public DateTimeOffset? WaitingSince { get; set; }
    public DateTimeOffset? EnrolledAt { get; set; }
    public DateOnly? FirstSaleOn { get; set; }
    public DateOnly? LicenceGrantedOn { get; set; }
    /// <summary>The cases referral she came from (unique: a redelivered referral is never a second applicant).</summary>
    public Guid? ReferralId { get; init; }
    public string? ReferralCode { get; init; }
    public Guid? ReferralCaseId { get; init; }
    public required string RegisteredBy { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    /// <summary>When her details were erased with the person at the desk that referred her; the figures stay.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public uint Version { get; set; }

    public static string Context(Guid id) => $"entrepreneur/{id}";
}

public sealed record EntrepreneurDetails(string FullName, string? Phone, string? Email);
