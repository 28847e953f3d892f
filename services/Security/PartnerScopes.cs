namespace Platform.Security;

/// <summary>
/// The OAuth scopes a partner can hold: read or write, per service. A route's scope is decided by the
/// service that owns it and again by the gateway, from the same names.
/// </summary>
public static class PartnerScopes
{
    public const string MeetingsRead = "meetings.read";
    public const string MeetingsWrite = "meetings.write";
    public const string CasesRead = "cases.read";
    public const string CasesWrite = "cases.write";
    public const string LivelihoodsRead = "livelihoods.read";
    public const string LivelihoodsWrite = "livelihoods.write";
    public const string NotificationsRead = "notifications.read";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MeetingsRead] = "Read districts, topics, the stakeholder directory, meetings and action items",
        [MeetingsWrite] = "Register stakeholders, schedule meetings, record attendance, minutes and action items",
        [CasesRead] = "Read beneficiaries, cases, referrals and service reports of the partner's districts",
        [CasesWrite] = "Register beneficiaries, open cases, record services and make referrals",
        [LivelihoodsRead] = "Read cohorts, entrepreneurs, trainings, sales and programme reports",
        [LivelihoodsWrite] = "Run cohorts: enrol entrepreneurs, schedule trainings, record attendance and sales",
        [NotificationsRead] = "Read the delivery log of emails and invitations",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)Descriptions.Keys;

    /// <summary>The scopes of one service (<c>meetings</c>, <c>cases</c>, ...), for its OpenAPI document.</summary>
    public static IEnumerable<string> Of(string service) => All.Where(scope => scope.StartsWith(service + ".", StringComparison.Ordinal));
}
