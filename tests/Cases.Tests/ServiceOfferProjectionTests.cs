using Platform.Contracts;

namespace Platform.Cases.Tests;

/// <summary>The copy of the meetings service's service offers: kept at the newest version its events carry.</summary>
[Collection(CasesCollection.Name)]
public sealed class ServiceOfferProjectionTests(CasesService cases)
{
    private static readonly DateTimeOffset Published = DateTimeOffset.Parse("2026-11-02T09:30:00+03:00");

    private Task<T> OfferColumnAsync<T>(Guid offer, string column) => cases.ScalarAsync<T>($"SELECT {column} FROM service_offers WHERE id = $1", offer);

    [Fact]
    public async Task A_published_offer_then_its_change_are_kept_and_an_event_not_newer_than_the_copy_changes_nothing()
    {
        var (offer, institution) = (Guid.CreateVersion7(), Guid.NewGuid());
        var published = new ServiceOfferPublished { OfferId = offer, InstitutionId = institution, Terms = Offers.Terms("legal-aid", "umraniye"), Version = 1, PublishedAt = Published };
        await cases.DeliverAsync(published);
        Assert.Equal("legal-aid hizmeti", await OfferColumnAsync<string>(offer, "name_tr"));
        Assert.Equal(new[] { "umraniye" }, await OfferColumnAsync<string[]>(offer, "districts"));
        Assert.Equal(Published.UtcDateTime, await OfferColumnAsync<DateTime>(offer, "published_at"));

        var changed = Offers.Terms("legal-aid", "umraniye", "atasehir") with { NameTr = "Aile hukuku danışmanlığı", AgeFrom = 18, CapacityPerMonth = 20 };
        await cases.DeliverAsync(new ServiceOfferChanged { OfferId = offer, InstitutionId = institution, Terms = changed, Version = 2, ChangedAt = Published.AddDays(3) });
        Assert.Equal(2, await OfferColumnAsync<int>(offer, "version"));
        Assert.Equal("Aile hukuku danışmanlığı", await OfferColumnAsync<string>(offer, "name_tr"));
        Assert.Equal(new[] { "umraniye", "atasehir" }, await OfferColumnAsync<string[]>(offer, "districts"));
        Assert.Equal(20, await OfferColumnAsync<int>(offer, "capacity_per_month"));

        // A late copy of the publication, and a change of the same version again: both older than the copy.
        await cases.DeliverAsync(published);
        await cases.DeliverAsync(new ServiceOfferChanged { OfferId = offer, InstitutionId = institution, Terms = Offers.Terms("health", "fatih"), Version = 2, ChangedAt = Published.AddDays(4) });
        Assert.Equal(2, await OfferColumnAsync<int>(offer, "version"));
        Assert.Equal("legal-aid", await OfferColumnAsync<string>(offer, "category"));
        Assert.Equal("Aile hukuku danışmanlığı", await OfferColumnAsync<string>(offer, "name_tr"));
        Assert.Equal(Published.UtcDateTime, await OfferColumnAsync<DateTime>(offer, "published_at"));
    }

    [Fact]
    public async Task A_withdrawn_offer_stays_withdrawn_when_an_older_change_arrives_after_it()
    {
        var institution = Guid.NewGuid();
        var offer = await cases.OfferAsync(institution, Offers.Terms("psychosocial-support", "fatih"), Published);
        await cases.DeliverAsync(new ServiceOfferChanged { OfferId = offer, InstitutionId = institution, Terms = Offers.Terms("psychosocial-support", "fatih") with { NameTr = "Psikolojik destek" }, Version = 2, ChangedAt = Published.AddDays(1) });
        var withdrawnAt = Published.AddDays(10);
        await cases.DeliverAsync(new ServiceOfferWithdrawn { OfferId = offer, InstitutionId = institution, Version = 3, WithdrawnAt = withdrawnAt });
        Assert.Equal(withdrawnAt.UtcDateTime, await OfferColumnAsync<DateTime>(offer, "withdrawn_at"));

        await cases.DeliverAsync(new ServiceOfferChanged { OfferId = offer, InstitutionId = institution, Terms = Offers.Terms("psychosocial-support", "fatih") with { NameTr = "Eski ad" }, Version = 2, ChangedAt = Published.AddDays(1) });
        Assert.Equal(3, await OfferColumnAsync<int>(offer, "version"));
        Assert.Equal("Psikolojik destek", await OfferColumnAsync<string>(offer, "name_tr"));
        Assert.Equal(withdrawnAt.UtcDateTime, await OfferColumnAsync<DateTime>(offer, "withdrawn_at"));
    }

    [Fact]
    public async Task A_change_that_overtakes_the_publication_is_kept_and_the_publication_only_brings_its_time()
    {
        var (offer, institution) = (Guid.CreateVersion7(), Guid.NewGuid());
        await cases.DeliverAsync(new ServiceOfferChanged { OfferId = offer, InstitutionId = institution, Terms = Offers.Terms("interpretation", "*") with { Languages = ["ar", "fa"] }, Version = 2, ChangedAt = Published.AddHours(1) });
        Assert.Equal(2, await OfferColumnAsync<int>(offer, "version"));
        Assert.True(await cases.ScalarAsync<bool>("SELECT published_at IS NULL FROM service_offers WHERE id = $1", offer));

        await cases.DeliverAsync(new ServiceOfferPublished { OfferId = offer, InstitutionId = institution, Terms = Offers.Terms("interpretation", "*"), Version = 1, PublishedAt = Published });
        Assert.Equal(Published.UtcDateTime, await OfferColumnAsync<DateTime>(offer, "published_at"));
        Assert.Equal(new[] { "ar", "fa" }, await OfferColumnAsync<string[]>(offer, "languages"));
    }
}
