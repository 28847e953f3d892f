using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Platform.Contracts;

namespace Platform.Cases.Tests;

/// <summary>
/// Who does what where, on one scenario: two institutions offer legal aid in Küçükçekmece; the Küçükçekmece
/// and Sultangazi desks each record legal aid for the same woman (registered by both, same identity number),
/// one from each institution: one overlap between them, in both districts, without naming her.
/// </summary>
[Collection(ServiceMapCollection.Name)]
public sealed class WhoDoesWhatWhereTests(CasesService cases)
{
    private static Task<Scenario>? _scenario;

    private sealed record Scenario(Guid Municipality, Guid Association, Guid Clinic, string SharedNumber, IReadOnlyList<Guid> People, IReadOnlyList<Guid> Cases);

    private const string SharedName = "Meryem Al-Hamwi";

    private Task<Scenario> ScenarioAsync() => _scenario ??= BuildAsync();

    private async Task<Scenario> BuildAsync()
    {
        var municipality = await cases.InstitutionAsync("Küçükçekmece Belediyesi Hukuk Danışma", "kucukcekmece", ("Av. Selim Ertaş", "selim@kucukcekmece-bel.example.org", "tr"));
        var association = await cases.InstitutionAsync("جمعية العون القانوني", "sultangazi", ("سارة الحلبي", "sara@awn.example.org", "ar"));
        var clinic = await cases.InstitutionAsync("Sultangazi Göçmen Sağlığı Merkezi", "sultangazi", ("Dr. Can Ateş", "can@gsm.example.org", "tr"));
        await cases.OfferAsync(municipality, Offers.Terms("legal-aid", "kucukcekmece"));
        await cases.OfferAsync(association, Offers.Terms("legal-aid", "kucukcekmece", "sultangazi"));
        await cases.OfferAsync(clinic, Offers.Terms("health", "sultangazi"));
        var withdrawn = await cases.OfferAsync(municipality, Offers.Terms("psychosocial-support", "kucukcekmece"));
        await cases.DeliverAsync(new ServiceOfferWithdrawn { OfferId = withdrawn, InstitutionId = municipality, Version = 2, WithdrawnAt = DateTimeOffset.UtcNow });

        using var kucukcekmece = cases.Desk("kucukcekmece-desk", "kucukcekmece");
        using var sultangazi = cases.Desk("sultangazi-desk", "sultangazi");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var shared = CasesService.NewForeignerId();
        var meryem = await kucukcekmece.RegisterAsync(Casework.Person(SharedName, shared, "1990-02-14", "kucukcekmece", "service-delivery", "referral"));
        var meryemAgain = await sultangazi.RegisterAsync(Casework.Person(SharedName, shared, "1990-02-14", "sultangazi", "service-delivery"));
        var hiba = await kucukcekmece.RegisterAsync(Casework.Person("Hiba Qassab", CasesService.NewForeignerId(), "1985-06-01", "kucukcekmece", "service-delivery", "referral"));
        var dima = await kucukcekmece.RegisterAsync(Casework.Person("Dima Rifai", null, "1979-11-30", "kucukcekmece", "service-delivery"));

        var meryemCase = await kucukcekmece.OpenCaseAsync(meryem, "kucukcekmece", "legal-aid", "shelter-household-items");
        var meryemCaseAgain = await sultangazi.OpenCaseAsync(meryemAgain, "sultangazi", "legal-aid");
        var hibaCase = await kucukcekmece.OpenCaseAsync(hiba, "kucukcekmece", "legal-aid");
        var dimaCase = await kucukcekmece.OpenCaseAsync(dima, "kucukcekmece", "legal-aid", "psychosocial-support");
        await (await kucukcekmece.RecordServiceAsync(meryemCase, "legal-aid", municipality, today.AddDays(-3), subject: "family-law")).CreatedAsync();
        await (await sultangazi.RecordServiceAsync(meryemCaseAgain, "legal-aid", association, today.AddDays(-1), subject: "family-law")).CreatedAsync();
        await (await kucukcekmece.RecordServiceAsync(hibaCase, "legal-aid", municipality, today.AddDays(-20), subject: "family-law")).CreatedAsync();
        await (await kucukcekmece.RecordServiceAsync(hibaCase, "legal-aid", municipality, today.AddDays(-2), subject: "family-law")).CreatedAsync();
        await (await kucukcekmece.RecordServiceAsync(dimaCase, "legal-aid", association, today.AddDays(-2), subject: "family-law")).CreatedAsync();

        var due = today.AddDays(10).ToString("yyyy-MM-dd");
        var accepted = await (await kucukcekmece.PostAsJsonAsync($"/api/v1/cases/{hibaCase}/referrals", new { toInstitutionId = association, category = "legal-aid", reason = "Velayet", dueBy = due })).CreatedIdAsync();
        using (var awn = cases.Institution(association)) (await awn.PostAsync($"/api/v1/referrals/{accepted}/accept", null)).EnsureSuccessStatusCode();
        var late = await (await kucukcekmece.PostAsJsonAsync($"/api/v1/cases/{meryemCase}/referrals", new { toInstitutionId = association, category = "legal-aid", reason = "Nafaka", dueBy = due })).CreatedIdAsync();
        await cases.ExecuteAsync("UPDATE referrals SET due_by = current_date - 1 WHERE id = $1", late);
        return new Scenario(municipality, association, clinic, shared, [meryem, meryemAgain, hiba, dima], [meryemCase, meryemCaseAgain, hibaCase, dimaCase]);
    }

    private static JsonElement District(JsonElement report, string code) =>
        report.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("district").GetString() == code);

    private static JsonElement Category(JsonElement district, string category) =>
        district.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == category);

    [Fact]
    public async Task The_report_shows_per_district_and_category_who_offers_who_delivers_the_referrals_the_overlap_and_the_gaps()
    {
        var scenario = await ScenarioAsync();
        using var desk = cases.Desk("kucukcekmece-desk", "kucukcekmece");
        var response = await desk.GetAsync("/api/v1/reports/who-does-what-where?district=kucukcekmece");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(body).RootElement;

        var district = District(report, "kucukcekmece");
        Assert.Equal("Küçükçekmece", district.GetProperty("districtName").GetString());
        var legalAid = Category(district, "legal-aid");
        Assert.Equal(new[] { scenario.Municipality, scenario.Association }.Order(),
            legalAid.GetProperty("offeredBy").EnumerateArray().Select(o => o.GetProperty("institutionId").GetGuid()).Order());
        var delivered = legalAid.GetProperty("deliveredBy").EnumerateArray().ToDictionary(d => d.GetProperty("institutionId").GetGuid());
        Assert.Equal((3, 2), (delivered[scenario.Municipality].GetProperty("services").GetInt32(), delivered[scenario.Municipality].GetProperty("people").GetInt32()));
        Assert.Equal((1, 1), (delivered[scenario.Association].GetProperty("services").GetInt32(), delivered[scenario.Association].GetProperty("people").GetInt32()));
        var referrals = legalAid.GetProperty("referrals");
        Assert.Equal((2, 1, 0, 0, 1), (referrals.GetProperty("made").GetInt32(), referrals.GetProperty("accepted").GetInt32(), referrals.GetProperty("declined").GetInt32(),
            referrals.GetProperty("completed").GetInt32(), referrals.GetProperty("overdue").GetInt32()));
        Assert.True(referrals.GetProperty("medianDaysToAnswer").GetDouble() >= 0);
        var overlap = Assert.Single(legalAid.GetProperty("overlaps").EnumerateArray());
        Assert.Equal(1, overlap.GetProperty("people").GetInt32());
        Assert.Equal(new[] { scenario.Municipality, scenario.Association }.Order(),
            new[] { overlap.GetProperty("institutionId").GetGuid(), overlap.GetProperty("otherInstitutionId").GetGuid() }.Order());
        // The psychosocial offer was withdrawn, nobody offers shelter: both needs are gaps; legal aid is not.
        Assert.Equal(new[] { ("psychosocial-support", 1), ("shelter-household-items", 1) },
            district.GetProperty("gaps").EnumerateArray().Select(g => (g.GetProperty("category").GetString()!, g.GetProperty("openCases").GetInt32())).OrderBy(g => g.Item1));
        Assert.DoesNotContain(district.GetProperty("categories").EnumerateArray(), c => c.GetProperty("category").GetString() == "psychosocial-support");

        // The same woman seen from Sultangazi is the same overlap.
        using var other = cases.Desk("sultangazi-desk", "sultangazi");
        var fromSultangazi = District(await other.GetFromJsonAsync<JsonElement>("/api/v1/reports/who-does-what-where"), "sultangazi");
        Assert.Equal(1, Assert.Single(Category(fromSultangazi, "legal-aid").GetProperty("overlaps").EnumerateArray()).GetProperty("people").GetInt32());

        // Counts and institutions only: no name, identity number, person or case.
        foreach (var identity in new[] { "Meryem", "Hiba", "Dima", scenario.SharedNumber }.Concat(scenario.People.Concat(scenario.Cases).Select(id => id.ToString())))
            Assert.DoesNotContain(identity, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_and_keeps_Turkish_and_Arabic_names()
    {
        await ScenarioAsync();
        using var desk = cases.Desk("kucukcekmece-desk", "kucukcekmece");
        var response = await desk.GetAsync("/api/v1/reports/who-does-what-where?district=kucukcekmece&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("who-does-what-where-kucukcekmece-", response.Content.Headers.ContentDisposition?.FileName ?? response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("district,district_name,category,measure,institution_id,institution,other_institution_id,other_institution,value", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("kucukcekmece,Küçükçekmece,legal-aid,offers,") && l.Contains("جمعية العون القانوني"));
        Assert.Contains(lines, l => l.StartsWith("kucukcekmece,Küçükçekmece,legal-aid,services,") && l.Contains("Küçükçekmece Belediyesi Hukuk Danışma") && l.EndsWith(",3"));
        var overlap = Assert.Single(lines, l => l.Contains(",overlap_people,"));
        Assert.EndsWith(",1", overlap);
        Assert.Contains(lines, l => l == "kucukcekmece,Küçükçekmece,shelter-household-items,gap_open_cases,,,,,1");
        Assert.Contains(lines, l => l == "kucukcekmece,Küçükçekmece,legal-aid,referrals_overdue,,,,,1");
        Assert.DoesNotContain(SharedName, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task The_xlsx_has_a_sheet_for_each_part_with_the_same_figures()
    {
        await ScenarioAsync();
        using var desk = cases.Desk("kucukcekmece-desk", "kucukcekmece");
        var response = await desk.GetAsync("/api/v1/reports/who-does-what-where?district=kucukcekmece&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(new[] { "Offered by", "Delivered by", "Referrals", "Overlaps", "Gaps" }, new MemoryStream(bytes).GetSheetNames());
        List<IDictionary<string, object>> Rows(string sheet) =>
            new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
        var delivered = Rows("Delivered by").Single(r => (string)r["Institution"] == "Küçükçekmece Belediyesi Hukuk Danışma");
        Assert.Equal(("Küçükçekmece", "legal-aid", 3d, 2d), ((string)delivered["District"], (string)delivered["Category"], Convert.ToDouble(delivered["Services"]), Convert.ToDouble(delivered["People"])));
        var overlap = Assert.Single(Rows("Overlaps"));
        Assert.Equal(1d, Convert.ToDouble(overlap["People"]));
        Assert.Contains("جمعية العون القانوني", new[] { (string)overlap["Institution"], (string)overlap["Other institution"] });
        var referrals = Assert.Single(Rows("Referrals"));
        Assert.Equal((2d, 1d, 1d), (Convert.ToDouble(referrals["Made"]), Convert.ToDouble(referrals["Accepted"]), Convert.ToDouble(referrals["Overdue"])));
        Assert.Equal(new[] { "psychosocial-support", "shelter-household-items" }, Rows("Gaps").Select(g => (string)g["Category"]).Order());
        Assert.Equal(2, Rows("Offered by").Count);
    }

    [Fact]
    public async Task A_partner_sees_its_own_districts_gets_403_for_another_and_a_city_wide_partner_sees_all()
    {
        await ScenarioAsync();
        using var desk = cases.Desk("kucukcekmece-desk", "kucukcekmece");
        var refused = await desk.GetAsync("/api/v1/reports/who-does-what-where?district=sultangazi");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync("/api/v1/reports/district-briefing?district=sultangazi")).StatusCode);

        var own = await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/who-does-what-where");
        Assert.Equal(new[] { "kucukcekmece" }, own.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("district").GetString()));

        using var cityWide = cases.Desk("city-coordination");
        var all = await cityWide.GetFromJsonAsync<JsonElement>("/api/v1/reports/who-does-what-where");
        var districts = all.GetProperty("districts").EnumerateArray().Select(d => d.GetProperty("district").GetString()).ToList();
        Assert.Contains("kucukcekmece", districts);
        Assert.Contains("sultangazi", districts);
        Assert.Equal(HttpStatusCode.BadRequest, (await cityWide.GetAsync("/api/v1/reports/who-does-what-where?format=pdf")).StatusCode);
    }
}
