namespace Platform.Meetings.Model.Reference;

/// <summary>The small closed lists the API accepts, compared ordinally (codes are ASCII).</summary>
public static class Languages
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "tr", "ar", "en" };
}

public static class MeetingKinds
{
    /// <summary>A workshop of the city-wide Coordination Platform: no district, institutions of every district invited.</summary>
    public const string PlatformWorkshop = "platform-workshop";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "district-coordination", "thematic", "other", PlatformWorkshop };

    /// <summary>Only a platform workshop is city-wide; every other kind of meeting takes place in one district.</summary>
    public static bool IsCityWide(string kind) => kind == PlatformWorkshop;
}

public static class MeetingStatuses
{
    public const string Scheduled = "scheduled";
    public const string Cancelled = "cancelled";
    /// <summary>Minutes published: the meeting took place.</summary>
    public const string Held = "held";
}

public static class Replies
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Tentative = "tentative";

    /// <summary>What a reply link's <c>reply</c> parameter may say, and what it records.</summary>
    public static readonly IReadOnlyDictionary<string, string> FromLink = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["accept"] = Accepted, ["decline"] = Declined, ["tentative"] = Tentative,
    };
}

public static class ActionItemStatuses
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Dropped = "dropped";
    public static readonly IReadOnlySet<string> Closing = new HashSet<string>(StringComparer.Ordinal) { Done, Dropped };
}
