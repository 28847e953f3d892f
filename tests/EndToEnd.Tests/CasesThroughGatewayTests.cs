using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>Two Social Protection Desks through the gateway with their own credentials, on the whole platform.</summary>
[Collection(RunningPlatform.Name)]
public sealed class CasesThroughGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Gaziosmanpasa_recording_food_support_a_week_after_Umraniye_is_warned_with_Umraniye_and_the_date_but_cannot_read_the_person()
    {
        using var coordinator = await platform.PartnerAsync("platform-dev");
        var umraniyeMunicipality = await (await coordinator.PostAsJsonAsync("/api/v1/institutions", new { name = "Ümraniye Belediyesi Sosyal Yardım", kind = "municipality", district = "umraniye" })).CreatedIdAsync();
        var gopMunicipality = await (await coordinator.PostAsJsonAsync("/api/v1/institutions", new { name = "Gaziosmanpaşa Belediyesi Sosyal Yardım", kind = "municipality", district = "gaziosmanpasa" })).CreatedIdAsync();
        // Cases learns the directory from meetings' events.
        await using (var casesDb = new NpgsqlConnection(platform.App.GetConnectionString("casesdb")))
        {
            await casesDb.OpenAsync();
            await Eventually.GetAsync(async () =>
            {
                await using var count = new NpgsqlCommand("SELECT count(*) FROM institutions WHERE id = ANY($1)", casesDb) { Parameters = { new() { Value = new[] { umraniyeMunicipality, gopMunicipality } } } };
                return (long)(await count.ExecuteScalarAsync())!;
            }, found => found == 2, TimeSpan.FromSeconds(30), "cases to learn both municipalities");
        }

        using var umraniye = await platform.PartnerAsync("umraniye-desk");
        using var gaziosmanpasa = await platform.PartnerAsync("gaziosmanpasa-desk");
        var number = ForeignerIds.New();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        object Person(string name, string district) => new
        {
            fullName = name, foreignerIdNumber = number, dateOfBirth = "1986-04-23", sex = "female", nationality = "SY", legalStatus = "temporary-protection",
            phone = "+90 532 000 11 22", district, householdSize = 6, languages = new[] { "ar" },
            consents = new[] { new { purpose = "service-delivery", givenAt = DateTimeOffset.UtcNow.AddDays(-30) } },
        };

        var inUmraniye = await (await umraniye.PostAsJsonAsync("/api/v1/beneficiaries", Person("Amina Al-Hassan", "umraniye"))).CreatedIdAsync();
        var umraniyeCase = await (await umraniye.PostAsJsonAsync("/api/v1/cases", new { beneficiaryId = inUmraniye, district = "umraniye", needs = new[] { "food-support" }, priority = "high" })).CreatedIdAsync();
        var first = await umraniye.PostAsJsonAsync($"/api/v1/cases/{umraniyeCase}/services",
            new { category = "food-support", providerInstitutionId = umraniyeMunicipality, deliveredOn = today.AddDays(-7).ToString("yyyy-MM-dd"), amount = 1250.50m, currency = "TRY" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var inGop = await (await gaziosmanpasa.PostAsJsonAsync("/api/v1/beneficiaries", Person("أمينة الحسن", "gaziosmanpasa"))).CreatedIdAsync();
        var gopCase = await (await gaziosmanpasa.PostAsJsonAsync("/api/v1/cases", new { beneficiaryId = inGop, district = "gaziosmanpasa", needs = new[] { "food-support" }, priority = "normal" })).CreatedIdAsync();
        var second = await gaziosmanpasa.PostAsJsonAsync($"/api/v1/cases/{gopCase}/services",
            new { category = "food-support", providerInstitutionId = gopMunicipality, deliveredOn = today.ToString("yyyy-MM-dd"), amount = 1250.50m, currency = "TRY" });
        var body = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var warning = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("umraniye", warning.GetProperty("district").GetString());
        Assert.Equal(today.AddDays(-7).ToString("yyyy-MM-dd"), warning.GetProperty("deliveredOn").GetString());
        Assert.Equal("Ümraniye Belediyesi Sosyal Yardım", warning.GetProperty("institutionName").GetString());
        foreach (var personal in new[] { "Amina", "Hassan", "أمينة", number, inUmraniye.ToString() }) Assert.DoesNotContain(personal, body);

        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.GetAsync($"/api/v1/beneficiaries/{inUmraniye}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.GetAsync($"/api/v1/cases/{umraniyeCase}")).StatusCode);
        Assert.Equal("Amina Al-Hassan", (await umraniye.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{inUmraniye}")).GetProperty("fullName").GetString());
    }
}
