namespace Platform.Meetings.Model;

internal static class Validation
{
    public const int InstitutionNameMaxLength = 200;
}
