using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Households through the gateway: routed to cases, which answers for its districts.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class HouseholdRouteTests(PlatformFixture platform)
{
    [Fact]
    public async Task Households_reach_cases_and_another_districts_desk_gets_the_services_404()
    {
        using var umraniye = await platform.PartnerAsync("umraniye-desk");
        using var gaziosmanpasa = await platform.PartnerAsync("gaziosmanpasa-desk");
        var person = await (await umraniye.PostAsJsonAsync("/api/v1/beneficiaries", new
        {
            fullName = "Nour Haddad", nationalIdNumber = NationalIds.New(), dateOfBirth = "1981-05-05", sex = "female", nationality = "TR", legalStatus = "citizen",
            district = "umraniye", consents = new[] { new { purpose = "service-delivery", givenAt = DateTimeOffset.UtcNow.AddMinutes(-1) } },
        })).CreatedIdAsync();

        var household = await (await umraniye.PostAsJsonAsync("/api/v1/households", new { district = "umraniye", members = new[] { new { beneficiaryId = person, relationship = "head" } } })).CreatedIdAsync();
        var read = await umraniye.GetFromJsonAsync<JsonElement>($"/api/v1/households/{household}");
        var elsewhere = await gaziosmanpasa.GetAsync($"/api/v1/households/{household}");

        Assert.Equal(person, Assert.Single(read.GetProperty("members").EnumerateArray()).GetProperty("beneficiaryId").GetGuid());
        Assert.Equal("No such household", (await elsewhere.AssertProblemAsync(404)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await umraniye.DeleteAsync($"/api/v1/households/{household}/members/{person}")).StatusCode);
    }
}
