namespace Platform.Meetings.ServiceOffers;

/// <summary>Who sees which offer, and which offers a person can turn to: the directory's filters, each one query extension.</summary>
public static class ServiceOfferQueries
{
    /// <summary>
    /// A partner sees the offers of the institutions it sees (its districts' and the city-wide bodies')
    /// and every offer that serves one of its districts, the city-wide ones included (the offer's
    /// <see cref="ServiceOffer.Institution"/> loaded).
    /// </summary>
    public static bool IsVisibleTo(this ServiceOffer offer, Partner partner) =>
        offer.Institution.District is null || partner.MayActIn(offer.Institution.District) || offer.ServesEveryDistrict || offer.Districts.Any(partner.MayActIn);

    /// <summary>
    /// Whether the partner may publish an offer for these districts: only its own, the whole city only
    /// when it acts in every district. Otherwise <paramref name="refused"/> is the first it may not name
    /// (null for the whole city), for <see cref="DistrictProblems.NotGranted"/>.
    /// </summary>
    public static bool MayOffer(this Partner partner, IEnumerable<string> districts, out string? refused)
    {
        refused = null;
        foreach (var district in districts)
        {
            if (district == OfferDistricts.Everywhere ? partner.ActsInAllDistricts : partner.MayActIn(district)) continue;
            refused = district == OfferDistricts.Everywhere ? null : district;
            return false;
        }
        return true;
    }

    public static IQueryable<ServiceOffer> Active(this IQueryable<ServiceOffer> offers) =>
        offers.Where(o => o.Status == ServiceOfferStatuses.Active);

    /// <summary>Offers that serve <paramref name="district"/>: an offer for <c>*</c> serves every district.</summary>
    public static IQueryable<ServiceOffer> Serving(this IQueryable<ServiceOffer> offers, string district) =>
        offers.Where(o => o.Districts.Contains(district) || o.Districts.Contains(OfferDistricts.Everywhere));

    /// <summary>Offers that serve at least one of <paramref name="districts"/>, the city-wide ones included.</summary>
    public static IQueryable<ServiceOffer> ServingAnyOf(this IQueryable<ServiceOffer> offers, IEnumerable<string> districts)
    {
        var served = districts.Append(OfferDistricts.Everywhere).ToList();
        return offers.Where(o => o.Districts.Any(d => served.Contains(d)));
    }

    /// <summary>Offers whose eligibility admits a person of this legal status, age and gender (each optional).</summary>
    public static IQueryable<ServiceOffer> Admitting(this IQueryable<ServiceOffer> offers, string? legalStatus, int? age, string? gender)
    {
        if (legalStatus is not null) offers = offers.Where(o => o.LegalStatuses.Count == 0 || o.LegalStatuses.Contains(legalStatus));
        if (age is { } years) offers = offers.Where(o => (o.AgeFrom == null || o.AgeFrom <= years) && (o.AgeTo == null || years <= o.AgeTo));
        if (gender is not null) offers = offers.Where(o => o.Gender == OfferGenders.Any || o.Gender == gender);
        return offers;
    }

    /// <summary>
    /// Offers whose names, or whose institution's name, contain <paramref name="q"/>: folded the Turkish way,
    /// and for the English names also the invariant way (<see cref="ServiceOffer.SearchNameOf"/>).
    /// </summary>
    public static IQueryable<ServiceOffer> Matching(this IQueryable<ServiceOffer> offers, string q)
    {
        var (turkish, invariant) = (Institution.SearchKey(q), q.Trim().ToLowerInvariant());
        return offers.Where(o => o.SearchName.Contains(turkish) || o.SearchName.Contains(invariant) || o.Institution.SearchName.Contains(turkish));
    }
}
