namespace Platform.Cases.Model.Reference;

// Service categories and legal statuses are shared with the meetings service's service offers:
// see Platform.Contracts.ServiceCategories and Platform.Contracts.LegalStatuses.

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
