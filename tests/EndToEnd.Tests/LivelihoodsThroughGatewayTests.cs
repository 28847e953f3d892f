using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>The women's entrepreneurship programme through the gateway, with cases and notifications running beside it.</summary>
[Collection(RunningPlatform.Name)]
public sealed class LivelihoodsThroughGatewayTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task The_Gaziosmanpasa_pilot_loads_from_the_demo_command_after_the_meetings_demo_and_its_summary_adds_up()
    {
        using var coordinator = await platform.PartnerAsync("platform-dev");
        var municipality = await DemoMunicipalityAsync("gaziosmanpasa", "Gaziosmanpaşa Belediyesi");
        // Livelihoods runs the pilot with the municipality once the directory's event has reached it; until then it answers 409.
        var loaded = await Eventually.GetAsync(() => coordinator.PostAsync("/api/v1/cohorts/demo-data", null), response => response.StatusCode != HttpStatusCode.Conflict,
            TimeSpan.FromSeconds(30), "livelihoods to learn the Gaziosmanpaşa municipality");
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var demo = await loaded.Content.ReadFromJsonAsync<JsonElement>();
        var cohort = demo.GetProperty("cohortId").GetGuid();
        Assert.Equal(30, demo.GetProperty("entrepreneurs").GetInt32());
        Assert.False((await (await coordinator.PostAsync("/api/v1/cohorts/demo-data", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetBoolean());

        using var desk = await platform.PartnerAsync("gaziosmanpasa-desk");
        Assert.Equal(municipality, (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{cohort}")).GetProperty("partnerInstitutionId").GetGuid());
        var clock = Stopwatch.StartNew();
        var summary = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{cohort}/summary");
        output.WriteLine($"summary through the gateway: {clock.Elapsed.TotalMilliseconds:0} ms (first call)");
        var figures = summary.GetProperty("figures");
        Assert.Equal(30, figures.GetProperty("enrolled").GetInt32());
        Assert.Equal(1, figures.GetProperty("licencesGranted").GetInt32());
        Assert.Equal(30, figures.GetProperty("firstSales").GetInt32());
        var march = figures.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("period").GetString() == "2021-03");
        Assert.Equal(figures.GetProperty("sales").GetDecimal(), march.GetProperty("sales").GetDecimal());
        Assert.Equal(decimal.Round(march.GetProperty("sales").GetDecimal() / 30, 2), march.GetProperty("incomePerWoman").GetDecimal());
        var workshops = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{cohort}")).GetProperty("workshops").EnumerateArray().ToList();
        Assert.Equal(["kitchen:15", "sewing:15"], workshops.Select(w => $"{w.GetProperty("kind").GetString()}:{w.GetProperty("enrolled").GetInt32()}").Order());
        var report = await desk.GetStringAsync("/api/v1/reports/livelihoods?district=gaziosmanpasa&from=2021-02-01&to=2021-06-30&format=csv");
        Assert.StartsWith("month,enrolled,sales_try", report);
        Assert.Equal(HttpStatusCode.NotFound, (await (await platform.PartnerAsync("umraniye-desk")).GetAsync($"/api/v1/cohorts/{cohort}/summary")).StatusCode);
    }

    [Fact]
    public async Task A_training_invitation_reaches_each_woman_by_email_in_Turkish_or_Arabic_with_a_calendar_event()
    {
        using var programme = await platform.PartnerAsync("gaziosmanpasa-desk");
        var municipality = await DemoMunicipalityAsync("gaziosmanpasa", "Gaziosmanpaşa Belediyesi");
        var created = await CreateCohortAsync(programme, new
        {
            name = "Sultangazi-Gaziosmanpaşa dikiş grubu", district = "gaziosmanpasa", partnerInstitutionId = municipality, startsOn = "2026-11-01", endsOn = "2027-04-30",
            workshops = new[] { new { kind = "sewing", name = "Dikiş atölyesi", capacity = 10, location = "Kadın merkezi" } },
        });
        var cohort = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (cohortId, workshop) = (cohort.GetProperty("id").GetGuid(), cohort.GetProperty("workshops")[0].GetProperty("id").GetGuid());
        var marker = Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, language) in new[] { ("Elif Karaca", "tr"), ("ياسمين درويش", "ar") })
            Assert.Equal(HttpStatusCode.Created, (await programme.PostAsJsonAsync("/api/v1/entrepreneurs", new
            {
                fullName = name, district = "gaziosmanpasa", phone = "+90 555 000 00 00", email = $"{language}.{marker}@pilot.example.org", language, cohortId, workshopId = workshop,
            })).StatusCode);

        var scheduled = await programme.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/trainings", new
        {
            topic = "entrepreneurship", title = "Girişimcilik eğitimi", startsAt = "2026-12-03T10:00:00+03:00", endsAt = "2026-12-03T13:00:00+03:00", location = "Gaziosmanpaşa Kadın Merkezi",
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);

        using var inbox = new HttpClient { BaseAddress = new Uri(platform.App.GetEndpoint("smtp", "http")) };
        var mail = await Eventually.GetAsync(async () =>
            (await inbox.GetFromJsonAsync<JsonElement[]>("/email"))!.Where(m => m.GetProperty("to")[0].GetProperty("address").GetString()!.Contains(marker)).ToList(),
            found => found.Count == 2, TimeSpan.FromSeconds(30), "two training invitations");
        var byLanguage = mail.ToDictionary(m => m.GetProperty("to")[0].GetProperty("address").GetString()![..2]);
        Assert.StartsWith("Eğitim daveti: Girişimcilik eğitimi", byLanguage["tr"].GetProperty("subject").GetString());
        Assert.StartsWith("دعوة إلى تدريب: Girişimcilik eğitimi", byLanguage["ar"].GetProperty("subject").GetString());
        Assert.Contains("dir=\"rtl\"", byLanguage["ar"].GetProperty("html").GetString());
        var raw = await inbox.GetStringAsync($"/email/{byLanguage["tr"].GetProperty("id").GetString()}/source");
        Assert.Contains("METHOD:REQUEST", raw);
        Assert.Contains("TZID=Europe/Istanbul", raw);
    }

    [Fact]
    public async Task A_desk_referral_to_the_programme_becomes_an_applicant_and_her_placement_shows_on_the_desks_referral()
    {
        using var desk = await platform.PartnerAsync("umraniye-desk");
        var person = await (await desk.PostAsJsonAsync("/api/v1/beneficiaries", new
        {
            fullName = "Leyla Mansour", foreignerIdNumber = ForeignerIds.New(), dateOfBirth = "1990-10-10", sex = "female", nationality = "SY", legalStatus = "temporary-protection",
            phone = "+90 544 321 00 11", district = "umraniye", householdSize = 4, languages = new[] { "ar", "tr" },
            consents = Consents("service-delivery", "referral", "data-sharing"),
        })).CreatedIdAsync();
        var referral = await ReferToLivelihoodsAsync(desk, person);

        // The programme (here acting in Ümraniye too) finds her among its applicants.
        using var programme = await platform.PartnerAsync("umraniye-desk");
        var her = await Eventually.GetAsync(() => ApplicantNamedAsync(programme, "Leyla Mansour"), found => found is not null, TimeSpan.FromSeconds(30), "the referral to become an applicant");
        var cohort = await CreateCohortAsync(programme, new
        {
            name = "Ümraniye mutfak grubu", district = "umraniye", partnerInstitutionId = await DemoMunicipalityAsync("umraniye", "Ümraniye Belediyesi"), startsOn = "2026-11-01", endsOn = "2027-03-31",
            workshops = new[] { new { kind = "kitchen", name = "Mutfak", capacity = 12, location = "Ümraniye" } },
        });
        var created = await cohort.Content.ReadFromJsonAsync<JsonElement>();
        (await programme.PostAsJsonAsync($"/api/v1/entrepreneurs/{her!.Value}/enrol", new { cohortId = created.GetProperty("id").GetGuid(), workshopId = created.GetProperty("workshops")[0].GetProperty("id").GetGuid() })).EnsureSuccessStatusCode();

        var answered = await Eventually.GetAsync(async () => (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referral}")).GetProperty("status").GetString(),
            status => status == "accepted", TimeSpan.FromSeconds(30), "the programme's answer to reach the desk");
        Assert.Equal("accepted", answered);
    }

    /// <summary>Loads the meetings demo directory (again: it adds nothing the second time) and returns the id meetings gave the district's municipality.</summary>
    private async Task<Guid> DemoMunicipalityAsync(string district, string name)
    {
        using var coordinator = await platform.PartnerAsync("platform-dev");
        (await coordinator.PostAsync("/api/v1/meetings/demo-data", null)).EnsureSuccessStatusCode();
        var found = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?district={district}&kind=municipality&pageSize=100");
        return found.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("name").GetString() == name)
            .OrderBy(i => i.GetProperty("registeredAt").GetDateTimeOffset()).First().GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_person_erased_at_the_desk_leaves_no_trace_of_her_name_in_a_dump_of_livelihoodsdb()
    {
        using var desk = await platform.PartnerAsync("umraniye-desk");
        const string name = "Nisreen Qabbani";
        var person = await (await desk.PostAsJsonAsync("/api/v1/beneficiaries", new
        {
            fullName = name, foreignerIdNumber = ForeignerIds.New(), dateOfBirth = "1989-04-14", sex = "female", nationality = "SY", legalStatus = "temporary-protection",
            phone = "+90 544 987 65 43", district = "umraniye", householdSize = 3, languages = new[] { "ar" },
            consents = Consents("service-delivery", "referral", "data-sharing"),
        })).CreatedIdAsync();
        await ReferToLivelihoodsAsync(desk, person);
        using var programme = await platform.PartnerAsync("umraniye-desk");
        var applicant = await Eventually.GetAsync(() => ApplicantNamedAsync(programme, name), found => found is not null, TimeSpan.FromSeconds(30), "the referral to become an applicant");
        var livelihoodsDb = platform.App.GetConnectionString("livelihoodsdb");

        (await desk.PostAsJsonAsync($"/api/v1/beneficiaries/{person}/erasure", new { reason = "She asked for it." })).EnsureSuccessStatusCode();
        await Eventually.GetAsync(() => Sql.ScalarAsync<long>(livelihoodsDb, "SELECT count(*) FROM entrepreneurs WHERE id = $1 AND erased_at IS NOT NULL", applicant!.Value),
            count => count == 1, TimeSpan.FromSeconds(30), "livelihoods to erase the applicant on BeneficiaryErased");

        Assert.Equal("(erased)", (await programme.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{applicant}")).GetProperty("fullName").GetString());
        var dump = await DatabaseDump.OfAsync(livelihoodsDb);
        Assert.Contains("entrepreneurs", dump);
        foreach (var secret in new[] { "Nisreen", "Qabbani", "544 987 65 43" })
            Assert.False(dump.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is in the dump of livelihoodsdb");
        var casesDump = await DatabaseDump.OfAsync(platform.App.GetConnectionString("casesdb"));
        Assert.DoesNotContain("Qabbani", casesDump, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_gateway_routes_retention_to_cases()
    {
        using var desk = await platform.PartnerAsync("umraniye-desk");
        var due = await desk.GetAsync("/api/v1/retention/due");
        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.True((await due.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("items", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync($"/api/v1/retention/{Guid.NewGuid()}/renewal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/api/v1/retention/runs")).StatusCode);
    }

    private static object[] Consents(params string[] purposes) => purposes.Select(purpose => (object)new { purpose, givenAt = DateTimeOffset.UtcNow.AddDays(-1) }).ToArray();

    private static async Task<Guid> ReferToLivelihoodsAsync(HttpClient desk, Guid person)
    {
        var @case = await (await desk.PostAsJsonAsync("/api/v1/cases", new { beneficiaryId = person, district = "umraniye", needs = new[] { "livelihoods" }, priority = "normal" })).CreatedIdAsync();
        return await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new
        {
            toProgramme = "livelihoods", category = "livelihoods", reason = "Mutfak atölyesine katılmak istiyor", dueBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(21)).ToString("yyyy-MM-dd"),
        })).CreatedIdAsync();
    }

    /// <summary>Creates a cohort once livelihoods has learnt its partner institution from the directory (a 422 until then, which writes nothing).</summary>
    private static async Task<HttpResponseMessage> CreateCohortAsync(HttpClient programme, object cohort)
    {
        var created = await Eventually.GetAsync(() => programme.PostAsJsonAsync("/api/v1/cohorts", cohort), response => response.StatusCode != HttpStatusCode.UnprocessableEntity,
            TimeSpan.FromSeconds(30), "livelihoods to learn the cohort's partner institution");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return created;
    }

    private static async Task<Guid?> ApplicantNamedAsync(HttpClient programme, string name)
    {
        var applicants = (await programme.GetFromJsonAsync<JsonElement>("/api/v1/entrepreneurs?district=umraniye&status=applicant&pageSize=100")).GetProperty("items").EnumerateArray();
        foreach (var id in applicants.Select(a => a.GetProperty("id").GetGuid()))
            if ((await programme.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{id}")).GetProperty("fullName").GetString() == name) return id;
        return null;
    }
}
