using Platform.Cases.Identity;

namespace Platform.Cases.Protection;

/// <summary>Sealing and opening a beneficiary's personal details under her own key (<see cref="PersonKey"/>), bound to her id.</summary>
public static class BeneficiaryDetails
{
    public static string Context(Guid beneficiaryId) => $"beneficiary/{beneficiaryId}";

    public static PersonalDetails Open(this PersonalDataProtector protector, Beneficiary beneficiary) =>
        protector.Open(beneficiary.SealedDetails, beneficiary.Id, beneficiary.Key);

    /// <summary>Details sealed under the person's key, or under the ring when she has none (erased, or not yet re-sealed).</summary>
    public static PersonalDetails Open(this PersonalDataProtector protector, byte[] sealedDetails, Guid beneficiaryId, PersonKey? key) =>
        protector.Open<PersonalDetails>(sealedDetails, Context(beneficiaryId), key?.Unwrap(protector));

    /// <summary>Seals the details under the person's key, giving her one if she has none.</summary>
    public static void SealDetails(this PersonalDataProtector protector, Beneficiary beneficiary, PersonalDetails details, DateTimeOffset now)
    {
        beneficiary.Key ??= PersonKey.New(protector, beneficiary.Id, now);
        beneficiary.SealedDetails = protector.Seal(details, Context(beneficiary.Id), beneficiary.Key.Unwrap(protector));
    }

    /// <summary>The one way every kind of identifier is hashed: under its kind as the purpose, normalised.</summary>
    public static byte[] IdentifierHash(this PersonalDataProtector protector, PersonIdentifier identifier) =>
        protector.Hash(identifier.Kind, identifier.Value);

    public static byte[] BirthDateHash(this PersonalDataProtector protector, DateOnly dateOfBirth) =>
        protector.Hash("date-of-birth", dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Seals the details and writes every keyed hash they call for (identifiers, date of birth) onto the
    /// registration: the one path for a new registration and for a correction. A person without a key gets one.
    /// </summary>
    public static void SealInto(this PersonalDataProtector protector, Beneficiary beneficiary, PersonalDetails details, DateTimeOffset now)
    {
        protector.SealDetails(beneficiary, details, now);
        beneficiary.BirthDateHash = protector.BirthDateHash(details.DateOfBirth);
        var identifiers = PersonIdentifier.Of(details).Select(i => (i.Kind, Hash: protector.IdentifierHash(i))).ToList();
        beneficiary.IdentifierHash = identifiers.OrderBy(i => IdentifierKinds.Rank(i.Kind)).Select(i => i.Hash).FirstOrDefault();
        beneficiary.Identifiers.RemoveAll(existing => !identifiers.Any(i => i.Kind == existing.Kind && i.Hash.AsSpan().SequenceEqual(existing.Hash)));
        foreach (var (kind, hash) in identifiers.Where(i => !beneficiary.Identifiers.Any(e => e.Kind == i.Kind)))
            beneficiary.Identifiers.Add(new BeneficiaryIdentifier { BeneficiaryId = beneficiary.Id, Kind = kind, Hash = hash });
    }
}
