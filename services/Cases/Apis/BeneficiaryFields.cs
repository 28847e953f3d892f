namespace Platform.Cases.Apis;

/// <summary>The rules of a person's fields, shared by registration and correction.</summary>
internal static class BeneficiaryFields
{
    public static void DateOfBirth(Validation check, DateOnly? dateOfBirth, DateTimeOffset now)
    {
        if (dateOfBirth is not { } born) check.Add("dateOfBirth", "dateOfBirth is required (yyyy-MM-dd).");
        else if (born > DateOnly.FromDateTime(now.UtcDateTime) || born.Year < 1900) check.Add("dateOfBirth", "dateOfBirth must be a past date after 1900.");
    }

    public static void Phone(Validation check, string? phone)
    {
        if (phone is not null && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-')))
            check.Add("phone", "phone holds digits, spaces, '+' and '-' (at most 20).");
    }

    public static void Languages(Validation check, IEnumerable<string?>? languages)
    {
        foreach (var language in languages ?? [])
            if (language is not { Length: 2 or 3 } || !language.All(char.IsAsciiLetterLower)) check.Add("languages", $"'{language}' is not an ISO 639 language code (ar, tr, fa, ku, ...).");
    }

    public static void Vulnerabilities(Validation check, IEnumerable<string?>? vulnerabilities)
    {
        foreach (var vulnerability in vulnerabilities ?? []) check.OneOf("vulnerabilities", vulnerability, Model.Reference.Vulnerabilities.All);
    }
}
