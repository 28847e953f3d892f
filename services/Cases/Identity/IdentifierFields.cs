namespace Platform.Cases.Identity;

/// <summary>A document as a request names it: <c>{kind: passport|unhcr-case, number}</c>.</summary>
public sealed record DocumentRequest(string? Kind, string? Number);

/// <summary>
/// The identifier fields every request that names a person shares (registration, duplicate checks): checked
/// the same way, with a message that says which rule a number broke.
/// </summary>
public static class IdentifierFields
{
    public const string ForeignerRule = "A foreigner identity number has 11 digits, starts with 99 and passes its checksum.";
    public const string NationalRule = "A T.C. identity number has 11 digits, does not start with 0 and passes its two check digits (checksum).";

    /// <summary>The identifiers named (blank fields count as absent), with a field error for each that breaks its rules.</summary>
    public static IReadOnlyList<PersonIdentifier> Read(Validation check, string? nationalIdNumber, string? foreignerIdNumber, DocumentRequest? document, string prefix = "")
    {
        var identifiers = new List<PersonIdentifier>();
        if (!string.IsNullOrWhiteSpace(nationalIdNumber))
        {
            var number = nationalIdNumber.Trim();
            if (NationalIdNumber.IsValid(number)) identifiers.Add(PersonIdentifier.Of(IdentifierKinds.NationalId, number));
            else if (ForeignerIdNumber.IsValid(number)) check.Add($"{prefix}nationalIdNumber", "This is a foreigner identity number (it starts with 99): send it as foreignerIdNumber.");
            else check.Add($"{prefix}nationalIdNumber", NationalRule);
        }
        if (!string.IsNullOrWhiteSpace(foreignerIdNumber))
        {
            var number = foreignerIdNumber.Trim();
            if (ForeignerIdNumber.IsValid(number)) identifiers.Add(PersonIdentifier.Of(IdentifierKinds.ForeignerId, number));
            else check.Add($"{prefix}foreignerIdNumber", ForeignerRule);
        }
        if (document is not null)
        {
            check.OneOf($"{prefix}document.kind", document.Kind, IdentifierKinds.Documents);
            var number = document.Number?.Trim();
            if (string.IsNullOrEmpty(number)) check.Add($"{prefix}document.number", "document.number is required.");
            else if (number.Length > 30 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or ' '))
                check.Add($"{prefix}document.number", "document.number holds letters, digits, '-', '/' and spaces (at most 30).");
            else if (document.Kind is { } kind && IdentifierKinds.Documents.Contains(kind)) identifiers.Add(PersonIdentifier.Of(kind, number));
        }
        return identifiers;
    }
}
