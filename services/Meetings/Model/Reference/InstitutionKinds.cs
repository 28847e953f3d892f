namespace Platform.Meetings.Model.Reference;

public static class InstitutionKinds
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "district-governorship", "municipality", "migration-directorate", "un-agency",
        "public-institution", "ngo", "foundation", "other",
    };
}
