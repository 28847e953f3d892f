using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Retention through the gateway: routed to cases, which answers for its districts.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class RetentionRouteTests(PlatformFixture platform)
{
    [Fact]
    public async Task Retention_reaches_cases_and_another_districts_desk_gets_the_services_404()
    {
        using var umraniye = await platform.PartnerAsync("umraniye-desk");
        using var gaziosmanpasa = await platform.PartnerAsync("gaziosmanpasa-desk");
        var person = await (await umraniye.PostAsJsonAsync("/api/v1/beneficiaries", new
        {
            fullName = "Salma Jaber", nationalIdNumber = NationalIds.New(), dateOfBirth = "1980-08-08", sex = "female", nationality = "TR", legalStatus = "citizen",
            district = "umraniye", consents = new[] { new { purpose = "service-delivery", givenAt = DateTimeOffset.UtcNow.AddMinutes(-1) } },
        })).CreatedIdAsync();

        var renewed = await umraniye.PostAsync($"/api/v1/retention/{person}/renewal", null);
        var elsewhere = await gaziosmanpasa.PostAsync($"/api/v1/retention/{person}/renewal", null);
        var due = await umraniye.GetFromJsonAsync<JsonElement>("/api/v1/retention/due");
        var runs = await umraniye.GetAsync("/api/v1/retention/runs");

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(person, (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("beneficiaryId").GetGuid());
        Assert.Equal("No such beneficiary", (await elsewhere.AssertProblemAsync(404)).GetProperty("title").GetString());
        Assert.DoesNotContain(due.GetProperty("items").EnumerateArray(), d => d.GetProperty("beneficiaryId").GetGuid() == person);
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
    }
}
