using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Platform.Meetings.Tests.ServiceOfferRequests;

namespace Platform.Meetings.Tests;

/// <summary>
/// The service directory: which active offers serve a district and admit a person, found the Turkish way.
/// Each test's offers carry a marker of their own in the institution's name, and every query names it in
/// <c>q</c>, so offers of other tests in the shared database never count.
/// </summary>
[Collection(MeetingsCollection.Name)]
public sealed class ServiceDirectoryTests(MeetingsService service)
{
    private sealed record Offers(string Marker, Guid Institution, Guid Clinic, Guid LegalAid, Guid HomeSchool, Guid Withdrawn);

    /// <summary>
    /// Şile's clinic (tr, ar, in person, anyone); a city-wide legal aid line for women of 18 to 60 under
    /// international protection (fa, ps, by phone and online); Beykoz home schooling for children (tr,
    /// home visits); and a withdrawn Şile offer that must never be listed.
    /// </summary>
    private async Task<Offers> OffersAsync(HttpClient partner)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var institution = await partner.InstitutionAsync($"Şile Dayanışma Derneği {marker}", "sile", "ngo");
        await partner.ContactAsync(institution, "Elif Şahin");
        var clinic = await partner.PublishOfferIdAsync(institution, Offer("Sağlık Taraması", "health", "sile"));
        var legalAid = await partner.PublishOfferIdAsync(institution, Offer("Hukuk Danışma Hattı", "legal-aid", "*").With("""
            {"subjects": ["family-law"], "languages": ["fa", "ps"], "channels": ["phone", "online"],
             "eligibility": {"legalStatuses": ["international-protection"], "ageFrom": 18, "ageTo": 60, "gender": "women"}}
            """));
        var homeSchool = await partner.PublishOfferIdAsync(institution, Offer("Evde Eğitim", "education", "beykoz").With("""
            {"languages": ["tr"], "channels": ["home-visit"], "eligibility": {"ageTo": 17}}
            """));
        var withdrawn = await partner.PublishOfferIdAsync(institution, Offer("Eski Sağlık Taraması", "health", "sile"));
        (await partner.WithdrawOfferAsync(withdrawn)).EnsureSuccessStatusCode();
        return new Offers(marker, institution, clinic, legalAid, homeSchool, withdrawn);
    }

    private static async Task<Guid[]> FoundAsync(HttpClient partner, Offers offers, string filters)
    {
        var page = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/service-directory?q={offers.Marker}&pageSize=100&{filters}");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("offer").GetProperty("id").GetGuid()).Order().ToArray();
    }

    private static Guid[] Sorted(params Guid[] ids) => ids.Order().ToArray();

    [Fact]
    public async Task A_district_finds_its_own_and_the_city_wide_active_offers()
    {
        using var partner = service.Partner();
        var o = await OffersAsync(partner);

        Assert.Equal(Sorted(o.Clinic, o.LegalAid), await FoundAsync(partner, o, "district=sile"));
        Assert.Equal(Sorted(o.LegalAid, o.HomeSchool), await FoundAsync(partner, o, "district=beykoz"));
        Assert.Equal(Sorted(o.LegalAid), await FoundAsync(partner, o, "district=fatih"));
        Assert.Equal(Sorted(o.Clinic, o.LegalAid, o.HomeSchool), await FoundAsync(partner, o, ""));
    }

    [Fact]
    public async Task Category_language_and_channel_filter_the_offers()
    {
        using var partner = service.Partner();
        var o = await OffersAsync(partner);

        Assert.Equal(Sorted(o.LegalAid), await FoundAsync(partner, o, "category=legal-aid"));
        Assert.Equal(Sorted(o.Clinic), await FoundAsync(partner, o, "category=health"));
        Assert.Equal(Sorted(o.LegalAid), await FoundAsync(partner, o, "language=ps"));
        Assert.Equal(Sorted(o.Clinic), await FoundAsync(partner, o, "language=ar&district=sile"));
        Assert.Equal(Sorted(o.HomeSchool), await FoundAsync(partner, o, "channel=home-visit"));
        Assert.Equal(Sorted(o.LegalAid), await FoundAsync(partner, o, "channel=online"));
        Assert.Empty(await FoundAsync(partner, o, "category=shelter-household-items"));
    }

    [Fact]
    public async Task Legal_status_age_and_gender_find_the_offers_whose_eligibility_admits_the_person()
    {
        using var partner = service.Partner();
        var o = await OffersAsync(partner);

        Assert.Equal(Sorted(o.Clinic, o.HomeSchool), await FoundAsync(partner, o, "legalStatus=temporary-protection"));
        Assert.Equal(Sorted(o.Clinic, o.LegalAid, o.HomeSchool), await FoundAsync(partner, o, "legalStatus=international-protection"));
        Assert.Equal(Sorted(o.Clinic, o.LegalAid), await FoundAsync(partner, o, "age=30"));
        Assert.Equal(Sorted(o.Clinic, o.HomeSchool), await FoundAsync(partner, o, "age=10"));
        Assert.Equal(Sorted(o.Clinic, o.LegalAid), await FoundAsync(partner, o, "age=18"));   // the bounds are inclusive
        Assert.Equal(Sorted(o.Clinic), await FoundAsync(partner, o, "age=61"));
        Assert.Equal(Sorted(o.Clinic, o.HomeSchool), await FoundAsync(partner, o, "gender=men"));
        Assert.Equal(Sorted(o.Clinic, o.LegalAid, o.HomeSchool), await FoundAsync(partner, o, "gender=women"));
        Assert.Equal(Sorted(o.LegalAid), await FoundAsync(partner, o, "district=sile&legalStatus=international-protection&age=30&gender=women&language=fa&category=legal-aid"));
        Assert.Empty(await FoundAsync(partner, o, "district=sile&legalStatus=international-protection&age=30&gender=men&language=fa"));
    }

    [Fact]
    public async Task Q_matches_offer_and_institution_names_with_dotted_and_dotless_i_the_Turkish_way()
    {
        using var partner = service.Partner();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var institution = await partner.InstitutionAsync($"IĞDIR YARDIMLAŞMA {marker}", "sile", "ngo");
        await partner.PublishOfferIdAsync(institution, Offer($"İŞ VE MESLEK DANIŞMANLIĞI {marker}", "employment-support", "sile").With("""{"name": {"en": "Interpreting and JOB Counselling MARKER"}}""".Replace("MARKER", marker)));

        async Task<int> Found(string q) => (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/service-directory?q={Uri.EscapeDataString(q)}"))
            .GetProperty("totalItems").GetInt32();

        Assert.Equal(1, await Found($"iş ve meslek danışmanlığı {marker}"));   // İ→i, I→ı
        Assert.Equal(1, await Found($"İş ve Meslek Danışmanlığı {marker}"));
        Assert.Equal(0, await Found($"ış ve meslek danışmanlığı {marker}"));   // İ folds to i, never to ı
        Assert.Equal(1, await Found($"ığdır yardımlaşma {marker}"));          // the institution's name
        Assert.Equal(0, await Found($"igdir yardimlasma {marker}"));
        Assert.Equal(1, await Found($"interpreting and job counselling {marker}"));   // the English name, by English rules
        Assert.Equal(1, await Found($"INTERPRETING AND JOB COUNSELLING {marker}"));
    }

    [Fact]
    public async Task Each_entry_carries_its_institution_focal_points_and_load_and_the_list_is_paged()
    {
        using var partner = service.Partner();
        var o = await OffersAsync(partner);
        var focal = await partner.PostAsJsonAsync($"/api/v1/institutions/{o.Institution}/contacts",
            new { fullName = "Ahmet Yıldız", email = $"{Guid.NewGuid():N}@sile.example.org", language = "tr", phone = "+90 216 711 00 00" });
        focal.EnsureSuccessStatusCode();

        var first = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/service-directory?q={o.Marker}&district=sile&pageSize=1");
        var second = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/service-directory?q={o.Marker}&district=sile&pageSize=1&page=2");

        Assert.Equal(2, first.GetProperty("totalItems").GetInt32());
        Assert.Equal(2, first.GetProperty("totalPages").GetInt32());
        var entries = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(Sorted(o.Clinic, o.LegalAid), entries.Select(e => e.GetProperty("offer").GetProperty("id").GetGuid()).Order().ToArray());
        var clinic = entries.Single(e => e.GetProperty("offer").GetProperty("id").GetGuid() == o.Clinic);
        var institution = clinic.GetProperty("institution");
        Assert.Equal(o.Institution, institution.GetProperty("id").GetGuid());
        Assert.StartsWith("Şile Dayanışma Derneği", institution.GetProperty("name").GetString());
        Assert.Equal("ngo", institution.GetProperty("kind").GetString());
        Assert.Equal("sile", institution.GetProperty("district").GetString());
        var points = clinic.GetProperty("focalPoints").EnumerateArray().ToList();
        Assert.Equal(["Ahmet Yıldız", "Elif Şahin"], points.Select(p => p.GetProperty("fullName").GetString()));
        Assert.Equal("+902167110000", points[0].GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, points[1].GetProperty("phone").ValueKind);
        Assert.Contains("@", points[0].GetProperty("email").GetString());
        var load = clinic.GetProperty("load");
        Assert.Equal(0, load.GetProperty("referralsThisMonth").GetInt32());
        Assert.Equal(0, load.GetProperty("openReferrals").GetInt32());
        Assert.Equal(40, load.GetProperty("capacityPerMonth").GetInt32());
    }

    [Fact]
    public async Task A_partner_of_some_districts_asks_only_about_them_and_sees_what_serves_them()
    {
        using var city = service.Partner();
        using var sile = service.Partner("sile-desk", "meetings.read", "sile");
        using var beykoz = service.Partner("beykoz-desk", "meetings.read", "beykoz");
        var o = await OffersAsync(city);

        var elsewhere = await sile.GetAsync($"/api/v1/service-directory?q={o.Marker}&district=beykoz");

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("https://coordination-platform.example/problems/district-not-granted", (await elsewhere.ProblemAsync()).GetProperty("type").GetString());
        Assert.Equal(Sorted(o.Clinic, o.LegalAid), await FoundAsync(sile, o, ""));
        Assert.Equal(Sorted(o.LegalAid, o.HomeSchool), await FoundAsync(beykoz, o, ""));
        Assert.Equal(Sorted(o.LegalAid, o.HomeSchool), await FoundAsync(beykoz, o, "district=beykoz"));
    }

    [Theory]
    [InlineData("district=ankara", "district")]
    [InlineData("district=*", "district")]
    [InlineData("category=banking", "category")]
    [InlineData("language=ckb", "language")]
    [InlineData("channel=fax", "channel")]
    [InlineData("legalStatus=refugee", "legalStatus")]
    [InlineData("age=121", "age")]
    [InlineData("age=-1", "age")]
    [InlineData("age=abc", "age")]
    [InlineData("gender=any", "gender")]
    [InlineData("gender=female", "gender")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task An_unknown_filter_value_is_a_400_problem_that_names_it(string filter, string field)
    {
        using var partner = service.Partner(scopes: "meetings.read");

        var response = await partner.GetAsync($"/api/v1/service-directory?{filter}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], (await response.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
