namespace Platform.Cases.Model;

/// <summary>
/// A person registered at a desk. Personal fields exist here only encrypted (<see cref="Protection.PersonalDataProtector"/>);
/// matching uses keyed hashes: of the identity number, and of the date of birth to find the few people a
/// name could belong to. District, status and household size stay readable for reports.
/// </summary>
public sealed class Beneficiary
{
    public Guid Id { get; init; }
    public required string ReferenceCode { get; init; }
    /// <summary>The district whose desks may read the person: moves with an accepted case transfer.</summary>
    public required string District { get; set; }
    public required string LegalStatus { get; set; }
    public required string Sex { get; set; }
    public required string Nationality { get; set; }
    public int HouseholdSize { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Vulnerabilities { get; set; } = [];

    /// <summary>
    /// AES-GCM sealed <see cref="PersonalDetails"/> (name, identifiers, date of birth, phone), under the person's
    /// own <see cref="Key"/>; under the ring once erased (the placeholder), or when registered before issue 19.
    /// </summary>
    public byte[] SealedDetails { get; set; } = [];
    /// <summary>Her data key, loaded with her (auto-included); null once erased.</summary>
    public Protection.PersonKey? Key { get; set; }
    /// <summary>
    /// HMAC-SHA256 of the identifier that stands for the person in counts of people (the most lasting one,
    /// <see cref="IdentifierKinds.Rank"/>); null when the person has none. Matching uses <see cref="Identifiers"/>.
    /// </summary>
    public byte[]? IdentifierHash { get; set; }
    /// <summary>The keyed hash of every identifier the person was registered with, one per kind.</summary>
    public List<BeneficiaryIdentifier> Identifiers { get; init; } = [];
    /// <summary>HMAC-SHA256 of the date of birth: narrows a name search to a handful of people.</summary>
    public byte[] BirthDateHash { get; set; } = [];

    public List<Consent> Consents { get; init; } = [];
    public required string RegisteredBy { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The row version (PostgreSQL's xmin): a read's ETag, checked by a correction's If-Match.</summary>
    public uint Version { get; set; }
    /// <summary>
    /// When the person's data was erased (the right to erasure, or the retention job): the row stays as a
    /// tombstone that only anonymous statistics point to; every personal field is gone.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public bool IsErased => ErasedAt is not null;

    public bool HasConsent(string purpose) => Consents.Any(c => c.Purpose == purpose && c.WithdrawnAt is null);
}

/// <summary>
/// What is sealed: never stored, logged or published in the clear. Details sealed before issue 16 also
/// hold a "NameKey"; it is ignored, because names are matched from the full name itself. Details sealed
/// before issue 19 have no national id number or document: they open with those null.
/// </summary>
public sealed record PersonalDetails(string FullName, string? ForeignerIdNumber, DateOnly DateOfBirth, string? Phone,
    string? NationalIdNumber = null, IdentityDocument? Document = null);

/// <summary>Consent per purpose, checked before the data is used for it.</summary>
public sealed class Consent
{
    public Guid Id { get; init; }
    public Guid BeneficiaryId { get; init; }
    public required string Purpose { get; init; }
    public DateTimeOffset GivenAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}
