namespace Platform.Cases.Protection;

/// <summary>
/// A person's own 256-bit data key, which her details are sealed under, stored wrapped by the service's key
/// ring (<c>person-key/{id}</c>). Erasure deletes the row: her details, in the live database and in every
/// backup of <c>beneficiaries</c>, can no longer be opened (crypto-shredding). Table <c>person_keys</c>.
/// </summary>
public sealed class PersonKey
{
    public Guid BeneficiaryId { get; init; }
    public required byte[] WrappedKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static string Context(Guid beneficiaryId) => $"person-key/{beneficiaryId}";

    public static PersonKey New(PersonalDataProtector protector, Guid beneficiaryId, DateTimeOffset now) => new()
    {
        BeneficiaryId = beneficiaryId, WrappedKey = protector.SealBytes(PersonalDataProtector.NewDataKey(), Context(beneficiaryId)), CreatedAt = now,
    };

    public byte[] Unwrap(PersonalDataProtector protector) => protector.OpenBytes(WrappedKey, Context(BeneficiaryId));
}
