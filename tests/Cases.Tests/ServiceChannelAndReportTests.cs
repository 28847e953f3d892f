using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>
/// Services as the desks record them: by which channel (in person unless told), and the services report
/// breaking legal aid down by subject and every category by providing institution.
/// </summary>
[Collection(CasesCollection.Name)]
public sealed class ServiceChannelAndReportTests(CasesService cases)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static Task<HttpResponseMessage> RecordAsync(HttpClient desk, Guid @case, string category, Guid provider, string? channel, string? subject = null, decimal? amount = null) =>
        desk.PostAsJsonAsync($"/api/v1/cases/{@case}/services", new
        {
            category, subject, channel, providerInstitutionId = provider, deliveredOn = Today.AddDays(-1).ToString("yyyy-MM-dd"), amount, currency = amount is null ? null : "TRY",
        });

    [Fact]
    public async Task A_service_is_recorded_with_its_channel_in_person_unless_told_and_an_unknown_channel_is_a_field_error()
    {
        using var desk = cases.Desk("kartal-desk", "kartal");
        var provider = await cases.InstitutionAsync("Kartal Belediyesi", "kartal");
        var person = await desk.RegisterAsync(Casework.Person("Reem Sabbagh", CasesService.NewForeignerId(), "1980-01-20", "kartal", "service-delivery"));
        var @case = await desk.OpenCaseAsync(person, "kartal", "psychosocial-support", "interpretation");

        var byPhone = await (await RecordAsync(desk, @case, "psychosocial-support", provider, "phone")).CreatedAsync();
        Assert.Equal("phone", byPhone.GetProperty("channel").GetString());
        Assert.Equal("in-person", (await (await RecordAsync(desk, @case, "interpretation", provider, null)).CreatedAsync()).GetProperty("channel").GetString());
        await (await RecordAsync(desk, @case, "interpretation", provider, "home-visit")).CreatedAsync();
        var wrong = await (await RecordAsync(desk, @case, "interpretation", provider, "carrier-pigeon")).AssertProblemAsync(400);
        Assert.Contains("home-visit", wrong.GetProperty("errors").GetProperty("channel")[0].GetString());

        var read = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case}");
        Assert.Equal(new[] { "home-visit", "in-person", "phone" }, read.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("channel").GetString()).Order());
        var delivered = (await cases.EventsOfAsync(@case)).Where(e => e.Type == "ServiceDelivered").Select(e => e.Body.GetProperty("channel").GetString()).Order();
        Assert.Equal(new[] { "home-visit", "in-person", "phone" }, delivered);
    }

    [Fact]
    public async Task The_services_report_breaks_legal_aid_down_by_subject_and_each_category_by_providing_institution()
    {
        using var desk = cases.Desk("tuzla-desk", "tuzla");
        var bar = await cases.InstitutionAsync("Tuzla Baro Adli Yardım", "tuzla");
        var municipality = await cases.InstitutionAsync("Tuzla Belediyesi", "tuzla");
        var person = await desk.RegisterAsync(Casework.Person("Walaa Homsi", CasesService.NewForeignerId(), "1989-09-19", "tuzla", "service-delivery"));
        var @case = await desk.OpenCaseAsync(person, "tuzla", "legal-aid", "food-support");
        // Family law is the most frequent legal matter at the desks.
        await (await RecordAsync(desk, @case, "legal-aid", bar, "in-person", "family-law")).CreatedAsync();
        await (await RecordAsync(desk, @case, "legal-aid", bar, "phone", "family-law")).CreatedAsync();
        await (await RecordAsync(desk, @case, "legal-aid", municipality, "online", "residence-and-status")).CreatedAsync();
        await (await RecordAsync(desk, @case, "food-support", municipality, null, amount: 1200m)).CreatedAsync();
        await (await RecordAsync(desk, @case, "food-support", municipality, "home-visit", amount: 800.50m)).CreatedAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await RecordAsync(desk, @case, "legal-aid", bar, null, "astrology")).StatusCode);

        var report = await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/services?district=tuzla");

        // What the report said before is still there.
        var legalAid = Assert.Single(report.GetProperty("services").EnumerateArray(), s => s.GetProperty("category").GetString() == "legal-aid");
        Assert.Equal(3, legalAid.GetProperty("count").GetInt32());
        Assert.True(report.TryGetProperty("referrals", out _));
        Assert.True(report.GetProperty("duplicateAssistance").TryGetProperty("flagged", out _));

        var subjects = report.GetProperty("legalAidBySubject").EnumerateArray().ToList();
        Assert.Equal(("family-law", 2), (subjects[0].GetProperty("subject").GetString(), subjects[0].GetProperty("count").GetInt32()));
        Assert.Equal(("residence-and-status", 1), (subjects[1].GetProperty("subject").GetString(), subjects[1].GetProperty("count").GetInt32()));
        Assert.All(subjects, s => Assert.Equal("tuzla", s.GetProperty("district").GetString()));

        var byInstitution = report.GetProperty("byInstitution").EnumerateArray()
            .ToDictionary(i => (i.GetProperty("category").GetString(), i.GetProperty("institutionId").GetGuid()), i => i);
        Assert.Equal(3, byInstitution.Count);
        Assert.Equal(2, byInstitution[("legal-aid", bar)].GetProperty("count").GetInt32());
        Assert.Equal("Tuzla Baro Adli Yardım", byInstitution[("legal-aid", bar)].GetProperty("institutionName").GetString());
        Assert.Equal(1, byInstitution[("legal-aid", municipality)].GetProperty("count").GetInt32());
        Assert.Equal(2, byInstitution[("food-support", municipality)].GetProperty("count").GetInt32());
        Assert.Equal(2000.50m, byInstitution[("food-support", municipality)].GetProperty("amount").GetDecimal());

        var channels = report.GetProperty("byChannel").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["in-person"] = 2, ["phone"] = 1, ["online"] = 1, ["home-visit"] = 1 }, channels);
    }
}
