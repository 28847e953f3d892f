namespace Platform.Meetings.Model;

internal static class Validation
{
    public const int InstitutionNameMaxLength = 200;
    public const int PersonNameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public static readonly TimeSpan LongestMeeting = TimeSpan.FromHours(12);
}
