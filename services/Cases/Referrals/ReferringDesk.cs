using System.Globalization;

namespace Platform.Cases.Referrals;

/// <summary>
/// The desk a referral came from, whose focal points hear the answer: the institution the referring
/// partner acted for (its token's <c>institution</c> claim, when that is an institution of the directory),
/// otherwise the Social Protection Desk of the referral's district, found in the directory by its name
/// (the desks are registered as "… Sosyal Koruma Masası"; the directory has no kind for them).
/// </summary>
public static class ReferringDesk
{
    private static readonly string[] DeskNames = ["Sosyal Koruma Masası", "Social Protection Desk", "مكتب الحماية الاجتماعية"];
    private static readonly CompareInfo Turkish = CultureInfo.GetCultureInfo("tr-TR").CompareInfo;

    /// <summary>The referring partner's own institution, if the directory knows it (kept on the referral when it is made).</summary>
    public static async Task<Guid?> OfPartnerAsync(CasesDbContext db, Partner partner, CancellationToken cancellationToken) =>
        Guid.TryParse(partner.Institution, out var own) && await db.Institutions.AnyAsync(i => i.Id == own, cancellationToken) ? own : null;

    public static async Task<Guid?> OfAsync(CasesDbContext db, Referral referral, CancellationToken cancellationToken)
    {
        if (referral.FromInstitutionId is { } own) return own;
        return await OfDistrictAsync(db, referral.FromDistrict, cancellationToken);
    }

    /// <summary>The Social Protection Desk of <paramref name="district"/>, as the directory names it; null when it has none.</summary>
    public static async Task<Guid?> OfDistrictAsync(CasesDbContext db, string district, CancellationToken cancellationToken)
    {
        var inDistrict = await db.Institutions.AsNoTracking().Where(i => i.District == district)
            .OrderBy(i => i.RegisteredAt).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
        return inDistrict.FirstOrDefault(i => DeskNames.Any(desk => Turkish.IndexOf(i.Name, desk, CompareOptions.IgnoreCase) >= 0))?.Id;
    }
}
