using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The service map of issue 17 through the gateway, on the whole platform: two institutions offer legal aid
/// in one district, two desks (the person moved) record legal aid for the same person, the who-does-what-where report shows
/// the duplicated programme without naming the person, and a referral to the other offer closes the loop
/// with both emails.
/// </summary>
[Collection(RunningPlatform.Name)]
public sealed class ServiceMapThroughGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Two_legal_aid_offers_one_person_served_by_both_shows_one_overlap_and_a_referral_to_an_offer_closes_the_loop_by_email()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        using var coordinator = await platform.PartnerAsync("platform-dev");
        var bar = await (await coordinator.PostAsJsonAsync("/api/v1/institutions", new { name = $"Ümraniye Barosu Adli Yardım {marker}", kind = "public-institution", district = "umraniye" })).CreatedIdAsync();
        var ngo = await (await coordinator.PostAsJsonAsync("/api/v1/institutions", new { name = $"Mülteci Hukuk Derneği {marker}", kind = "ngo", district = "umraniye" })).CreatedIdAsync();
        (await coordinator.PostAsJsonAsync($"/api/v1/institutions/{ngo}/contacts", new { fullName = "Zeynep Kaya", email = $"ngo.{marker}@hukuk.example.org", language = "tr", phone = "+905321112233" })).EnsureSuccessStatusCode();
        // The referring desk is Ümraniye's Social Protection Desk of the demo directory (loading it again adds nothing).
        (await coordinator.PostAsync("/api/v1/meetings/demo-data", null)).EnsureSuccessStatusCode();
        object LegalAid(string tr) => new
        {
            category = "legal-aid", subjects = new[] { "family-law" }, name = new { tr, ar = "مساعدة قانونية", en = "Legal aid" },
            districts = new[] { "umraniye" }, languages = new[] { "tr", "ar" }, channels = new[] { "in-person", "phone" },
            eligibility = new { gender = "any" }, capacityPerMonth = 40,
        };
        await (await coordinator.PostAsJsonAsync($"/api/v1/institutions/{bar}/service-offers", LegalAid("Adli yardım bürosu"))).CreatedAsync();
        var ngoOffer = await (await coordinator.PostAsJsonAsync($"/api/v1/institutions/{ngo}/service-offers", LegalAid("Aile hukuku danışmanlığı"))).CreatedIdAsync();

        var directory = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/service-directory?district=umraniye&category=legal-aid&q={Uri.EscapeDataString($"MÜLTECİ HUKUK DERNEĞİ {marker.ToUpperInvariant()}")}");
        var listed = Assert.Single(directory.GetProperty("items").EnumerateArray());
        Assert.Equal(ngoOffer, listed.GetProperty("offer").GetProperty("id").GetGuid());

        // One person, registered by two desks (the same identity number), served legal aid by both institutions.
        var number = ForeignerIds.New();
        object Person(string name, string district) => new
        {
            fullName = name, foreignerIdNumber = number, dateOfBirth = "1984-02-14", sex = "female", nationality = "SY", legalStatus = "temporary-protection",
            phone = "+90 532 000 44 55", district, householdSize = 5, languages = new[] { "ar" },
            consents = new[] { new { purpose = "service-delivery", givenAt = DateTimeOffset.UtcNow.AddDays(-10) }, new { purpose = "referral", givenAt = DateTimeOffset.UtcNow.AddDays(-10) } },
        };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var umraniye = await platform.PartnerAsync("umraniye-desk");
        var first = await (await umraniye.PostAsJsonAsync("/api/v1/beneficiaries", Person("Huda Al-Khatib", "umraniye"))).CreatedIdAsync();
        var firstCase = await (await umraniye.PostAsJsonAsync("/api/v1/cases", new { beneficiaryId = first, district = "umraniye", needs = new[] { "legal-aid" }, priority = "high" })).CreatedIdAsync();
        await WhenCasesKnowsAsync(() => umraniye.PostAsJsonAsync($"/api/v1/cases/{firstCase}/services",
            new { category = "legal-aid", subject = "family-law", providerInstitutionId = bar, deliveredOn = today.AddDays(-3).ToString("yyyy-MM-dd") }));
        // She moved: Gaziosmanpaşa's desk registers her again and the association's lawyer sees her there too.
        using var gaziosmanpasa = await platform.PartnerAsync("gaziosmanpasa-desk");
        var second = await (await gaziosmanpasa.PostAsJsonAsync("/api/v1/beneficiaries", Person("هدى الخطيب", "gaziosmanpasa"))).CreatedIdAsync();
        var secondCase = await (await gaziosmanpasa.PostAsJsonAsync("/api/v1/cases", new { beneficiaryId = second, district = "gaziosmanpasa", needs = new[] { "legal-aid" }, priority = "normal" })).CreatedIdAsync();
        await WhenCasesKnowsAsync(() => gaziosmanpasa.PostAsJsonAsync($"/api/v1/cases/{secondCase}/services",
            new { category = "legal-aid", subject = "family-law", providerInstitutionId = ngo, deliveredOn = today.ToString("yyyy-MM-dd") }));

        var report = await umraniye.GetAsync($"/api/v1/reports/who-does-what-where?district=umraniye&from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var body = await report.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var umraniyeMap = JsonDocument.Parse(body).RootElement.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("district").GetString() == "umraniye");
        var legalAid = umraniyeMap.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "legal-aid");
        var overlap = Assert.Single(legalAid.GetProperty("overlaps").EnumerateArray(),
            o => new[] { o.GetProperty("institutionId").GetGuid(), o.GetProperty("otherInstitutionId").GetGuid() }.ToHashSet().SetEquals([bar, ngo]));
        Assert.Equal(1, overlap.GetProperty("people").GetInt32());
        Assert.Contains(legalAid.GetProperty("deliveredBy").EnumerateArray(), d => d.GetProperty("institutionId").GetGuid() == bar && d.GetProperty("people").GetInt32() == 1);
        Assert.Contains(legalAid.GetProperty("offeredBy").EnumerateArray(), i => i.GetProperty("institutionId").GetGuid() == ngo);
        foreach (var personal in new[] { "Huda", "Khatib", "هدى", number, first.ToString(), second.ToString() }) Assert.DoesNotContain(personal, body);

        // The desk refers the first case to the other institution's offer; the loop closes by email.
        var referral = await (await WhenCasesKnowsAsync(() => umraniye.PostAsJsonAsync($"/api/v1/cases/{firstCase}/referrals", new
        {
            serviceOfferId = ngoOffer, reason = "Boşanma davası için avukat", dueBy = today.AddDays(14).ToString("yyyy-MM-dd"),
        }))).CreatedAsync();
        var code = referral.GetProperty("referenceCode").GetString()!;
        (await coordinator.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/accept", new { })).EnsureSuccessStatusCode();

        using var inbox = new HttpClient { BaseAddress = new Uri(platform.App.GetEndpoint("smtp", "http")) };
        var mail = await Eventually.GetAsync(async () => (await inbox.GetFromJsonAsync<JsonElement[]>("/email"))!
                .Where(m => m.GetProperty("subject").GetString()!.Contains(code)).ToList(),
            found => found.Count >= 2, TimeSpan.FromSeconds(30), "the referral and its answer in the inbox");
        Assert.Single(mail, m => m.GetProperty("to")[0].GetProperty("address").GetString() == $"ngo.{marker}@hukuk.example.org");
        var toDesk = Assert.Single(mail, m => m.GetProperty("to")[0].GetProperty("address").GetString()!.EndsWith("@umraniye-skm.example.org"));
        Assert.Contains("kabul edildi", toDesk.GetProperty("subject").GetString());
        foreach (var email in mail)
        {
            var text = email.GetProperty("text").GetString() + email.GetProperty("subject").GetString();
            foreach (var personal in new[] { "Huda", "Khatib", "هدى", number, "Boşanma" }) Assert.DoesNotContain(personal, text);
        }
    }

    /// <summary>Cases learns institutions and offers from meetings' events: a 422 until it has, which writes nothing.</summary>
    private static Task<HttpResponseMessage> WhenCasesKnowsAsync(Func<Task<HttpResponseMessage>> request) =>
        Eventually.GetAsync(request, response => response.StatusCode != HttpStatusCode.UnprocessableEntity, TimeSpan.FromSeconds(30), "cases to learn the directory");
}
