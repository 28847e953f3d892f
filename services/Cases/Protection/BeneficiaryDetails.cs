namespace Platform.Cases.Protection;

/// <summary>Sealing and opening a beneficiary's personal details, bound to the beneficiary's id.</summary>
public static class BeneficiaryDetails
{
    public static string Context(Guid beneficiaryId) => $"beneficiary/{beneficiaryId}";

    public static PersonalDetails Open(this PersonalDataProtector protector, Beneficiary beneficiary) =>
        protector.Open<PersonalDetails>(beneficiary.SealedDetails, Context(beneficiary.Id));

    public static byte[] IdentifierHash(this PersonalDataProtector protector, string foreignerIdNumber) =>
        protector.Hash("foreigner-id", foreignerIdNumber);

    public static byte[] BirthDateHash(this PersonalDataProtector protector, DateOnly dateOfBirth) =>
        protector.Hash("date-of-birth", dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
