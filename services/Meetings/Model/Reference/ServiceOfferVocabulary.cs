namespace Platform.Meetings.Model.Reference;

// The closed lists of a service offer. Categories, legal-aid subjects and legal statuses are the whole
// network's (Platform.Contracts.ServiceCategories, LegalStatuses): what is offered and what desks record meet.

/// <summary>
/// The languages a service can be given in, as ISO 639-1 codes: those of Istanbul's refugee and migrant
/// communities (Syria, Afghanistan, Iran, Iraq, Pakistan, Somalia, Central Asia, Ukraine) and of the
/// agencies. Kurdish is <c>ku</c> for Kurmanji and Sorani alike (Sorani's <c>ckb</c> is not ISO 639-1).
/// </summary>
public static class OfferLanguages
{
    public static readonly IReadOnlyList<string> All =
    [
        "tr", "ar", "en", "fa", "ps", "ku", "ur", "fr", "de", "ru", "so",
        "uz", "tk", "ky", "az", "uk", "ka", "ti", "am", "bn", "es",
    ];
}

/// <summary>How a person receives the service.</summary>
public static class OfferChannels
{
    public static readonly IReadOnlyList<string> All = ["in-person", "phone", "online", "home-visit"];
}

/// <summary>Whom an offer is for; a person asking the directory is one of <see cref="People"/>.</summary>
public static class OfferGenders
{
    public const string Any = "any";
    public static readonly IReadOnlyList<string> All = ["women", "men", Any];
    public static readonly IReadOnlyList<string> People = ["women", "men"];
}

public static class ServiceOfferStatuses
{
    public const string Active = "active";
    public const string Withdrawn = "withdrawn";
}

/// <summary>The districts of an offer that serves the whole city: exactly <c>["*"]</c>.</summary>
public static class OfferDistricts
{
    public const string Everywhere = "*";
}

/// <summary>Where a referral to an offer stands, as the cases service reports it (<see cref="ReferralAnswered.Outcome"/>).</summary>
public static class OfferReferralStatuses
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Completed = "completed";
    public static readonly IReadOnlyList<string> Answers = [Accepted, Declined, Completed];
}
