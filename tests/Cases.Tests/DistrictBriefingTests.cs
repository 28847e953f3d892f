using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Cases.Tests;

/// <summary>What the host of a district meeting puts on the agenda, in one answer.</summary>
[Collection(ServiceMapCollection.Name)]
public sealed class DistrictBriefingTests(CasesService cases)
{
    [Fact]
    public async Task The_briefing_lists_the_gaps_the_overlaps_the_institutions_with_overdue_referrals_and_the_offers_added_or_withdrawn_in_the_period()
    {
        var legalAid = await cases.InstitutionAsync("Bağcılar Baro Adli Yardım", "bagcilar", ("Av. Merve Kılıç", "merve@baro.example.org", "tr"));
        var clinic = await cases.InstitutionAsync("Bağcılar Toplum Sağlığı Merkezi", "bagcilar", ("Dr. Emre Uçar", "emre@tsm.example.org", "tr"));
        var hospital = await cases.InstitutionAsync("Bağcılar Devlet Hastanesi", "bagcilar");
        var added = await cases.OfferAsync(legalAid, Offers.Terms("legal-aid", "bagcilar"));
        await cases.OfferAsync(clinic, Offers.Terms("health", "bagcilar"), publishedAt: DateTimeOffset.UtcNow.AddDays(-200));
        var withdrawn = await cases.OfferAsync(clinic, Offers.Terms("psychosocial-support", "bagcilar", "esenler"), publishedAt: DateTimeOffset.UtcNow.AddDays(-200));
        await cases.DeliverAsync(new ServiceOfferWithdrawn { OfferId = withdrawn, InstitutionId = clinic, Version = 2, WithdrawnAt = DateTimeOffset.UtcNow.AddDays(-5) });
        // Outside the district: on nobody's agenda here.
        await cases.OfferAsync(legalAid, Offers.Terms("legal-aid", "esenler"));

        using var desk = cases.Desk("bagcilar-desk", "bagcilar");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var person = await desk.RegisterAsync(Casework.Person("Rasha Kanaan", CasesService.NewForeignerId(), "1992-04-04", "bagcilar", "service-delivery", "referral"));
        var @case = await desk.OpenCaseAsync(person, "bagcilar", "health", "food-support", "psychosocial-support");
        await (await desk.RecordServiceAsync(@case, "health", clinic, today.AddDays(-4))).CreatedAsync();
        await (await desk.RecordServiceAsync(@case, "health", hospital, today.AddDays(-1))).CreatedAsync();
        foreach (var reason in new[] { "Kontrol", "Tahlil" })
        {
            var referral = await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals",
                new { toInstitutionId = hospital, category = "health", reason, dueBy = today.AddDays(3).ToString("yyyy-MM-dd") })).CreatedIdAsync();
            await cases.ExecuteAsync("UPDATE referrals SET due_by = current_date - 4 WHERE id = $1", referral);
        }

        var briefing = await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/district-briefing?district=bagcilar");

        var agenda = Assert.Single(briefing.GetProperty("districts").EnumerateArray());
        Assert.Equal("Bağcılar", agenda.GetProperty("districtName").GetString());
        Assert.Equal(new[] { "food-support", "psychosocial-support" }, agenda.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("category").GetString()).Order());
        var overlap = Assert.Single(agenda.GetProperty("overlaps").EnumerateArray());
        Assert.Equal(("health", 1), (overlap.GetProperty("category").GetString(), overlap.GetProperty("people").GetInt32()));
        Assert.Equal(new[] { clinic, hospital }.Order(), new[] { overlap.GetProperty("institutionId").GetGuid(), overlap.GetProperty("otherInstitutionId").GetGuid() }.Order());
        var late = Assert.Single(agenda.GetProperty("overdueReferrals").EnumerateArray());
        Assert.Equal((hospital, "Bağcılar Devlet Hastanesi", 2), (late.GetProperty("institutionId").GetGuid(), late.GetProperty("institutionName").GetString(), late.GetProperty("referrals").GetInt32()));
        Assert.Equal(today.AddDays(-4), DateOnly.Parse(late.GetProperty("oldestDueBy").GetString()!));
        Assert.Equal(new[] { added }, agenda.GetProperty("offersAdded").EnumerateArray().Select(o => o.GetProperty("offerId").GetGuid()));
        var gone = Assert.Single(agenda.GetProperty("offersWithdrawn").EnumerateArray());
        Assert.Equal((withdrawn, "Bağcılar Toplum Sağlığı Merkezi", "psychosocial-support"),
            (gone.GetProperty("offerId").GetGuid(), gone.GetProperty("institutionName").GetString(), gone.GetProperty("category").GetString()));
        Assert.EndsWith("+03:00", gone.GetProperty("at").GetString());
        Assert.DoesNotContain("Rasha", briefing.GetRawText());
    }
}
