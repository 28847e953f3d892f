namespace Platform.Meetings.ServiceOffers;

/// <summary>How much is asked of an offer: referrals made to it this month and those still open, beside what it can take.</summary>
public sealed record OfferLoad(int ReferralsThisMonth, int OpenReferrals, int? CapacityPerMonth);

/// <summary>Counts the referrals the cases service reported (<see cref="OfferReferral"/>) per offer.</summary>
public sealed class OfferLoads(MeetingsDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The load of each offer. "This month" is Istanbul's calendar month, where the desks work; open
    /// means made and neither declined nor completed (an accepted referral is still being served).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, OfferLoad>> OfAsync(IReadOnlyCollection<ServiceOffer> offers, CancellationToken cancellationToken)
    {
        var today = IstanbulTime.Today(clock);
        var firstDay = new DateOnly(today.Year, today.Month, 1);
        var (monthStarts, nextMonthStarts) = (IstanbulTime.StartOf(firstDay), IstanbulTime.StartOf(firstDay.AddMonths(1)));
        var ids = offers.Select(o => o.Id).ToList();
        var counts = await db.OfferReferrals.AsNoTracking()
            .Where(r => r.ServiceOfferId != null && ids.Contains(r.ServiceOfferId.Value))
            .GroupBy(r => r.ServiceOfferId!.Value)
            .Select(g => new
            {
                OfferId = g.Key,
                ThisMonth = g.Count(r => r.MadeAt >= monthStarts && r.MadeAt < nextMonthStarts),
                Open = g.Count(r => r.Status != OfferReferralStatuses.Declined && r.Status != OfferReferralStatuses.Completed),
            })
            .ToDictionaryAsync(c => c.OfferId, cancellationToken);
        return offers.ToDictionary(o => o.Id, o => counts.TryGetValue(o.Id, out var c)
            ? new OfferLoad(c.ThisMonth, c.Open, o.CapacityPerMonth)
            : new OfferLoad(0, 0, o.CapacityPerMonth));
    }
}
