using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;
using static Platform.Meetings.Tests.ServiceOfferRequests;

namespace Platform.Meetings.Tests;

/// <summary>
/// The directory's load figures from the cases service's referral events, published on the real broker
/// as cases would: redelivered, duplicated and out of order.
/// </summary>
[Collection(MeetingsCollection.Name)]
public sealed class OfferLoadTests(MeetingsService service)
{
    [Fact]
    public async Task Referrals_to_an_offer_count_this_Istanbul_month_and_while_open_once_each_whatever_the_order()
    {
        using var partner = service.Partner();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var institution = await partner.InstitutionAsync($"Kartal Hukuk Merkezi {marker}", "kartal", "ngo");
        var offer = await partner.PublishOfferIdAsync(institution, Offer("Aile Hukuku Danışmanlığı", "legal-aid", "kartal").With("""{"subjects": ["family-law"], "capacityPerMonth": 10}"""));
        var now = DateTimeOffset.UtcNow;
        var messages = new List<Guid>();

        async Task Made(Guid referral, DateTimeOffset madeAt, Guid? toOffer, Guid? messageId = null) =>
            await PublishAsync(messages, messageId, Referral(referral, madeAt, toOffer));
        async Task Answered(Guid referral, string outcome, Guid? messageId = null) =>
            await PublishAsync(messages, messageId, new ReferralAnswered
            {
                ReferralId = referral, ReferenceCode = "REF-" + referral.ToString("N")[..8], CaseId = Guid.NewGuid(), Outcome = outcome, AnsweredAt = DateTimeOffset.UtcNow,
            });

        var (open, declined, accepted, completed, lastMonth, answeredFirst, toNoOffer) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Made(open, now, offer);
        await Made(open, now, offer);                     // a second copy, with a message id of its own
        await Made(declined, now, offer);
        await Answered(declined, "declined");
        await Made(accepted, now, offer);
        var acceptance = Guid.NewGuid();
        await Answered(accepted, "accepted", acceptance);
        await Answered(accepted, "accepted", acceptance); // redelivered: the inbox drops it
        await Made(completed, now, offer);
        await Answered(completed, "completed");
        await Answered(completed, "accepted");            // arriving late, it does not reopen the referral
        await Made(lastMonth, now.AddDays(-40), offer);   // still open, but not this month's
        await Answered(answeredFirst, "declined");        // before the referral itself
        await Made(answeredFirst, now, offer);
        await Made(toNoOffer, now, null);                 // not the directory's business
        await Answered(toNoOffer, "completed");

        // Every message handled (the inbox holds each message id once), then the figures.
        var distinct = messages.Distinct().ToArray();
        await Eventually.GetAsync(() => Sql.ScalarAsync<long>(service.Database, "SELECT count(DISTINCT message_id) FROM inbox_messages WHERE message_id = ANY($1)", distinct),
            count => count == distinct.Length, TimeSpan.FromSeconds(60), "every referral event consumed");
        var page = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/service-directory?q={marker}");
        var load = Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("load");

        Assert.Equal(5, load.GetProperty("referralsThisMonth").GetInt32());   // open, declined, accepted, completed, answered-first
        Assert.Equal(3, load.GetProperty("openReferrals").GetInt32());        // open, accepted, last month's
        Assert.Equal(10, load.GetProperty("capacityPerMonth").GetInt32());
        Assert.Equal(1L, await Sql.ScalarAsync<long>(service.Database, "SELECT count(*) FROM offer_referrals WHERE referral_id = $1", open));
        // The answer to a referral made to no offer is kept (it might have overtaken its referral) and counts nowhere.
        Assert.Equal(1L, await Sql.ScalarAsync<long>(service.Database, "SELECT count(*) FROM offer_referrals WHERE referral_id = $1 AND service_offer_id IS NULL", toNoOffer));
    }

    private async Task PublishAsync<T>(List<Guid> messages, Guid? messageId, T message) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        messages.Add(id);
        await service.PublishAsync(message, id);
    }

    private static ReferralMade Referral(Guid referral, DateTimeOffset madeAt, Guid? offer) => new()
    {
        ReferralId = referral, ReferenceCode = "REF-" + referral.ToString("N")[..8], CaseId = Guid.NewGuid(), FromDistrict = "kartal",
        ToInstitutionId = Guid.NewGuid(), ServiceOfferId = offer, Category = "legal-aid",
        DueBy = DateOnly.FromDateTime(madeAt.UtcDateTime.AddDays(14)), Recipients = [], MadeAt = madeAt,
    };
}
