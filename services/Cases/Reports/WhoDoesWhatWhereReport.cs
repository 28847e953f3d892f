namespace Platform.Cases.Reports;

// The answer of GET /api/v1/reports/who-does-what-where: counts and institutions, never a person.

public sealed record WhoDoesWhatWhereReport(string? District, DateOnly From, DateOnly To, IReadOnlyList<DistrictMap> Districts);

/// <summary>One district: each category someone offers, delivers or is referred to, and the needs nobody offers to meet.</summary>
public sealed record DistrictMap(string District, string DistrictName, IReadOnlyList<CategoryMap> Categories, IReadOnlyList<Gap> Gaps);

public sealed record CategoryMap(
    string Category, IReadOnlyList<Offering> OfferedBy, IReadOnlyList<Delivering> DeliveredBy, ReferralCounts Referrals, IReadOnlyList<Overlap> Overlaps);

/// <summary>An institution with active offers of the category serving the district.</summary>
public sealed record Offering(Guid InstitutionId, string InstitutionName, int Offers);

/// <summary>Services of the category an institution delivered in the district in the period, and the distinct people served.</summary>
public sealed record Delivering(Guid InstitutionId, string InstitutionName, int Services, int People);

/// <summary>
/// Referrals of the category made from the district in the period: made (all of them), and how many are
/// now accepted, declined, completed, or overdue (unanswered after their due date); days from made to first answer.
/// </summary>
public sealed record ReferralCounts(int Made, int Accepted, int Declined, int Completed, int Overdue, double? MedianDaysToAnswer)
{
    public static readonly ReferralCounts None = new(0, 0, 0, 0, 0, null);
}

/// <summary>People of the district who received the category from both institutions in the period: a duplicated programme.</summary>
public sealed record Overlap(Guid InstitutionId, string InstitutionName, Guid OtherInstitutionId, string OtherInstitutionName, int People);

/// <summary>A need recorded on open cases of the district that no active offer serving the district meets.</summary>
public sealed record Gap(string Category, int OpenCases);
