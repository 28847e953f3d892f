using Platform.Cases.Identity;

namespace Platform.Cases.Protection;

/// <summary>Sealing and opening a beneficiary's personal details, bound to the beneficiary's id.</summary>
public static class BeneficiaryDetails
{
    public static string Context(Guid beneficiaryId) => $"beneficiary/{beneficiaryId}";

    public static PersonalDetails Open(this PersonalDataProtector protector, Beneficiary beneficiary) =>
        protector.Open<PersonalDetails>(beneficiary.SealedDetails, Context(beneficiary.Id));

    /// <summary>The one way every kind of identifier is hashed: under its kind as the purpose, normalised.</summary>
    public static byte[] IdentifierHash(this PersonalDataProtector protector, PersonIdentifier identifier) =>
        protector.Hash(identifier.Kind, identifier.Value);

    public static byte[] BirthDateHash(this PersonalDataProtector protector, DateOnly dateOfBirth) =>
        protector.Hash("date-of-birth", dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Seals the details and writes every keyed hash they call for (identifiers, date of birth) onto the
    /// registration: the one path for a new registration and for a correction.
    /// </summary>
    public static void SealInto(this PersonalDataProtector protector, Beneficiary beneficiary, PersonalDetails details)
    {
        beneficiary.SealedDetails = protector.Seal(details, Context(beneficiary.Id));
        beneficiary.BirthDateHash = protector.BirthDateHash(details.DateOfBirth);
        var identifiers = PersonIdentifier.Of(details).Select(i => (i.Kind, Hash: protector.IdentifierHash(i))).ToList();
        beneficiary.IdentifierHash = identifiers.OrderBy(i => IdentifierKinds.Rank(i.Kind)).Select(i => i.Hash).FirstOrDefault();
        beneficiary.Identifiers.RemoveAll(existing => !identifiers.Any(i => i.Kind == existing.Kind && i.Hash.AsSpan().SequenceEqual(existing.Hash)));
        foreach (var (kind, hash) in identifiers.Where(i => !beneficiary.Identifiers.Any(e => e.Kind == i.Kind)))
            beneficiary.Identifiers.Add(new BeneficiaryIdentifier { BeneficiaryId = beneficiary.Id, Kind = kind, Hash = hash });
    }
}
