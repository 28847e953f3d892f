namespace Platform.Contracts;

/// <summary>
/// What a service is about: the codes desks record services and needs under, institutions publish their
/// offers under, and reports add up by. One closed list for the whole network, so that what is offered
/// and what is delivered meet.
/// </summary>
public static class ServiceCategories
{
    public const string LegalAid = "legal-aid";
    public const string Livelihoods = "livelihoods";

    public static readonly IReadOnlyList<string> All =
    [
        "health", "education", "identification-registration", "food-support", "cash-assistance", LegalAid,
        "psychosocial-support", "interpretation", "social-cohesion", "language-training", "shelter-household-items", Livelihoods,
        // Named in the source texts (Küçükçekmece, the livelihoods programme) and missing before.
        "literacy-course", "computer-course", "awareness-seminar", "employment-support", "workplace-licensing-support",
    ];

    /// <summary>Legal aid is mostly family law at the desks (see the seeds).</summary>
    public static readonly IReadOnlyList<string> LegalAidSubjects = ["family-law", "residence-and-status", "labour", "civil-registration", "criminal", "other"];
}

/// <summary>A person's legal status in Türkiye, as desks record it and offers are open to.</summary>
public static class LegalStatuses
{
    public static readonly IReadOnlyList<string> All = ["temporary-protection", "international-protection", "residence-permit", "citizen", "other"];
}
