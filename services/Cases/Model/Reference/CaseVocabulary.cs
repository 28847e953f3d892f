namespace Platform.Cases.Model.Reference;

/// <summary>The codes partners send; every list is closed, so reports add up across desks.</summary>
public static class ServiceCategories
{
    public const string LegalAid = "legal-aid";
    public const string Livelihoods = "livelihoods";

    public static readonly IReadOnlyList<string> All =
    [
        "health", "education", "identification-registration", "food-support", "cash-assistance", LegalAid,
        "psychosocial-support", "interpretation", "social-cohesion", "language-training", "shelter-household-items", Livelihoods,
    ];

    /// <summary>Legal aid is mostly family law at the desks (see the seeds).</summary>
    public static readonly IReadOnlyList<string> LegalAidSubjects = ["family-law", "residence-and-status", "labour", "civil-registration", "criminal", "other"];
}

public static class LegalStatuses
{
    public static readonly IReadOnlyList<string> All = ["temporary-protection", "international-protection", "residence-permit", "citizen", "other"];
}

public static class ConsentPurposes
{
    public const string ServiceDelivery = "service-delivery";
    public const string Referral = "referral";
    public const string DataSharing = "data-sharing";
    public static readonly IReadOnlyList<string> All = [ServiceDelivery, Referral, DataSharing];
}

public static class CasePriorities
{
    public static readonly IReadOnlyList<string> All = ["low", "normal", "high", "urgent"];
}

public static class CaseStatuses
{
    public const string Open = "open";
    public const string InProgress = "in-progress";
    public const string Referred = "referred";
    public const string Closed = "closed";
    public static readonly IReadOnlyList<string> All = [Open, InProgress, Referred, Closed];
}

public static class Sexes
{
    public static readonly IReadOnlyList<string> All = ["female", "male", "other"];
}

public static class Vulnerabilities
{
    public static readonly IReadOnlyList<string> All =
    [
        "disability", "chronic-illness", "single-parent", "elderly", "unaccompanied-child", "pregnant",
        "survivor-of-violence", "child-labour-risk", "early-marriage-risk",
    ];
}
