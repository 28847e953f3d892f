namespace Platform.Livelihoods.Model.Reference;

public static class WorkshopKinds
{
    public static readonly IReadOnlyList<string> All = ["kitchen", "sewing", "handicraft", "other"];
}

/// <summary>applicant (not placed yet), waiting (workshop full), enrolled, graduated, withdrawn (with a reason).</summary>
public static class EntrepreneurStatuses
{
    public const string Applicant = "applicant";
    public const string Waiting = "waiting";
    public const string Enrolled = "enrolled";
    public const string Graduated = "graduated";
    public const string Withdrawn = "withdrawn";
    public static readonly IReadOnlyList<string> All = [Applicant, Waiting, Enrolled, Graduated, Withdrawn];
}

public static class TrainingTopics
{
    public static readonly IReadOnlyList<string> All = ["entrepreneurship", "language", "computer", "business-licensing"];
}

public static class SaleChannels
{
    public static readonly IReadOnlyList<string> All = ["bazaar", "shop", "online", "order"];
}

/// <summary>The business licence (iş yeri ruhsatı) checklist, in the order the municipality works through it.</summary>
public static class LicenceSteps
{
    public const string Granted = "licence-granted";
    public static readonly IReadOnlyList<string> InOrder = ["application-filed", "documents-submitted", "inspection-passed", Granted];
}

public static class Languages
{
    public static readonly IReadOnlyList<string> All = ["tr", "ar", "en"];
}
