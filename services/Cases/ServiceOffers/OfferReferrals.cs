namespace Platform.Cases.ServiceOffers;

/// <summary>
/// A referral to a service offer: refused (422, saying why) when the offer is unknown, withdrawn, does not
/// serve the case's district or the person is outside its eligibility; accepted with a warning when the
/// offer already has its monthly capacity of referrals. The date of birth is unsealed only for an offer
/// with an age limit, and that read is audited by the caller's <c>dateOfBirth</c>.
/// </summary>
public static class OfferReferrals
{
    private const string RefusedType = "https://coordination-platform.example/problems/service-offer-refused";

    /// <summary>What the desk is told on a referral that was made anyway.</summary>
    public sealed record Warning(string Code, string Message);

    public static ProblemHttpResult Unknown(Guid offerId) =>
        Refused(offerId, "unknown-offer", "Unknown service offer", "serviceOfferId is not a service offer of the directory.");

    /// <summary>The request named an institution or category besides the offer, and they are not the offer's.</summary>
    public static ProblemHttpResult? Disagreement(KnownServiceOffer offer, Guid? toInstitutionId, string? category)
    {
        if (toInstitutionId is { } named && named != offer.InstitutionId)
            return Refused(offer.Id, "institution-mismatch", "Not the offer's institution", "toInstitutionId is not the institution of the service offer; give the offer alone.");
        if (category is not null && category != offer.Category)
            return Refused(offer.Id, "category-mismatch", "Not the offer's category", $"The service offer is for {offer.Category}, not {category}; give the offer alone.");
        return null;
    }

    public static async Task<ProblemHttpResult?> RefusalAsync(
        KnownServiceOffer offer, string district, Beneficiary beneficiary, Func<CancellationToken, Task<DateOnly>> dateOfBirth, DateOnly today, CancellationToken cancellationToken)
    {
        if (!offer.IsActive)
            return Refused(offer.Id, "offer-withdrawn", "Service offer withdrawn", $"The service offer was withdrawn on {offer.WithdrawnAt!.Value.ToIstanbul():yyyy-MM-dd}: choose another offer.");
        if (!offer.Serves(district))
            return Refused(offer.Id, "district-not-served", "District not served", $"The service offer serves {string.Join(", ", offer.Districts)}, not {district} (the case's district).");
        if (offer.LegalStatuses.Count > 0 && !offer.LegalStatuses.Contains(beneficiary.LegalStatus))
            return Refused(offer.Id, "legal-status", "Not eligible: legal status", $"The service offer is open to {string.Join(", ", offer.LegalStatuses)}; the person's legal status is {beneficiary.LegalStatus}.");
        if ((offer.Gender is "women" && beneficiary.Sex != "female") || (offer.Gender is "men" && beneficiary.Sex != "male"))
            return Refused(offer.Id, "gender", "Not eligible: gender", $"The service offer is for {offer.Gender} only.");
        if (offer.AgeFrom is not null || offer.AgeTo is not null)
        {
            var age = AgeOn(await dateOfBirth(cancellationToken), today);
            if (age < (offer.AgeFrom ?? 0) || age > (offer.AgeTo ?? int.MaxValue))
                return Refused(offer.Id, "age", "Not eligible: age", $"The service offer is for ages {Ages(offer)}; the person is not in that range on {today:yyyy-MM-dd}.");
        }
        return null;
    }

    /// <summary>The offer's referrals this Istanbul month: at its capacity, one more is made with a warning.</summary>
    public static async Task<Warning?> CapacityWarningAsync(CasesDbContext db, KnownServiceOffer offer, DateOnly today, CancellationToken cancellationToken)
    {
        if (offer.CapacityPerMonth is not { } capacity) return null;
        var monthStart = IstanbulTime.StartOf(new DateOnly(today.Year, today.Month, 1));
        var made = await db.Referrals.CountAsync(r => r.ServiceOfferId == offer.Id && r.MadeAt >= monthStart, cancellationToken);
        return made < capacity ? null : new Warning("over-capacity",
            $"The service offer takes {capacity} referrals a month and has {made} this month already: the referral was made, but expect a wait or choose another offer.");
    }

    /// <summary>Full years on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly born, DateOnly day) => day.Year - born.Year - (day < born.AddYears(day.Year - born.Year) ? 1 : 0);

    private static string Ages(KnownServiceOffer offer) => (offer.AgeFrom, offer.AgeTo) switch
    {
        ({ } from, { } to) => $"{from} to {to}",
        ({ } from, null) => $"{from} and over",
        (null, { } to) => $"up to {to}",
        _ => "any",
    };

    private static ProblemHttpResult Refused(Guid offerId, string reason, string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail, type: RefusedType,
            extensions: new Dictionary<string, object?> { ["serviceOfferId"] = offerId, ["reason"] = reason });
}
