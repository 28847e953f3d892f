namespace Platform.Contracts;

/// <summary>
/// A person's data was erased at a desk (the right to erasure, or the end of retention). Ids only: a
/// consumer that received anything about the person (livelihoods, by referral) erases it too.
/// </summary>
public sealed record BeneficiaryErased
{
    public required Guid BeneficiaryId { get; init; }
    /// <summary>The person's referrals: livelihoods knows its applicants by the referral that brought them.</summary>
    public required IReadOnlyList<Guid> ReferralIds { get; init; }
    public required DateTimeOffset ErasedAt { get; init; }
}
