namespace Platform.Cases.Identity;

/// <summary>The kinds of identifier a person may be registered and matched by; each is hashed under its own purpose.</summary>
public static class IdentifierKinds
{
    /// <summary>The purpose strings are the hash labels: "foreigner-id" is the label every hash before issue 19 was made with.</summary>
    public const string NationalId = "national-id";
    public const string ForeignerId = "foreigner-id";
    public const string Passport = "passport";
    public const string UnhcrCase = "unhcr-case";

    /// <summary>The kinds a partner names in <c>document.kind</c>.</summary>
    public static readonly IReadOnlyList<string> Documents = [Passport, UnhcrCase];

    /// <summary>
    /// Identity numbers given for life: two registrations with different numbers of the same such kind are
    /// two people, however alike their names. A passport is renewed under a new number, so it proves nothing.
    /// </summary>
    public static bool IsLifelong(string kind) => kind is NationalId or ForeignerId or UnhcrCase;

    /// <summary>Which identifier stands for the person in counts of people (reports): the most lasting first.</summary>
    public static int Rank(string kind) => kind switch { NationalId => 0, ForeignerId => 1, UnhcrCase => 2, _ => 3 };
}

/// <summary>
/// One identifier of a person, normalised (a document number upper-cased, without spaces or dashes), so that
/// the same number typed two ways hashes the same. Never stored or logged in the clear.
/// </summary>
public sealed record PersonIdentifier(string Kind, string Value)
{
    public static PersonIdentifier Of(string kind, string value) => new(kind, Normalise(kind, value));

    private static string Normalise(string kind, string value) => kind is IdentifierKinds.NationalId or IdentifierKinds.ForeignerId
        ? value.Trim()
        : string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();

    /// <summary>The identifiers sealed in a person's details, most lasting first.</summary>
    public static IReadOnlyList<PersonIdentifier> Of(PersonalDetails details)
    {
        var identifiers = new List<PersonIdentifier>();
        if (details.NationalIdNumber is { } national) identifiers.Add(Of(IdentifierKinds.NationalId, national));
        if (details.ForeignerIdNumber is { } foreigner) identifiers.Add(Of(IdentifierKinds.ForeignerId, foreigner));
        if (details.Document is { } document) identifiers.Add(Of(document.Kind, document.Number));
        return identifiers;
    }
}

/// <summary>A passport or a UNHCR case number, as sealed in a person's details and as partners send it.</summary>
public sealed record IdentityDocument(string Kind, string Number);
