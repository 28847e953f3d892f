using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>The service offers and the directory through the gateway: routed to meetings, read and write scopes at the edge.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class ServiceOfferRouteTests(PlatformFixture platform)
{
    [Fact]
    public async Task Offers_and_the_directory_reach_meetings_and_writing_needs_meetings_write_at_the_gateway()
    {
        using var operations = await platform.PartnerAsync("platform-dev");
        using var reader = await platform.PartnerAsync("meetings-reader");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var institution = await (await operations.PostAsJsonAsync("/api/v1/institutions", new { name = $"Esenyurt Göç Derneği {marker}", kind = "ngo", district = "esenyurt" })).CreatedIdAsync();
        var offer = await (await operations.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", new
        {
            category = "interpretation", name = new { tr = "Tercümanlık", ar = "ترجمة" }, districts = new[] { "esenyurt" },
            languages = new[] { "tr", "ar", "fa" }, channels = new[] { "phone" },
        })).CreatedIdAsync();

        var read = await reader.GetAsync($"/api/v1/service-offers/{offer}");
        var directory = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/service-directory?district=esenyurt&q={marker}");
        var withdraw = await reader.PostAsync($"/api/v1/service-offers/{offer}/withdraw", null);
        var publish = await reader.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", new { category = "health" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(offer, Assert.Single(directory.GetProperty("items").EnumerateArray()).GetProperty("offer").GetProperty("id").GetGuid());
        Assert.Contains("meetings.write", (await withdraw.AssertProblemAsync(403)).GetProperty("detail").GetString());
        Assert.Contains("meetings.write", (await publish.AssertProblemAsync(403)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await operations.PostAsync($"/api/v1/service-offers/{offer}/withdraw", null)).StatusCode);
    }
}
