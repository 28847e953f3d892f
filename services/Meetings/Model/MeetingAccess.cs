namespace Platform.Meetings.Model;

/// <summary>
/// Who may read and change what belongs to a meeting (its documents): exactly who may read and change the
/// meeting. One place, so that city-wide meetings (no district: everyone reads, only partners of every
/// district change) are decided here and nowhere else.
/// </summary>
internal static class MeetingAccess
{
    public static bool MayRead(this Partner partner, Meeting meeting) => partner.MayRead(meeting.District);

    public static bool MayChange(this Partner partner, Meeting meeting) => partner.MayChange(meeting.District);
}
