using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Scopes at the edge and again in the service; districts in the service.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class AuthorizationTests(PlatformFixture platform)
{
    private static readonly object NewNgo = new { name = "Mülteciler Derneği", kind = "ngo", district = "umraniye" };

    [Fact]
    public async Task The_meetings_reader_writing_gets_403_naming_the_missing_scope_at_the_gateway()
    {
        using var reader = await platform.PartnerAsync("meetings-reader");

        var problem = await (await reader.PostAsJsonAsync("/api/v1/institutions", NewNgo)).AssertProblemAsync(403);

        Assert.Contains("meetings.write", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_meetings_reader_writing_straight_to_the_service_is_refused_by_the_service()
    {
        using var reader = await platform.PartnerAsync("meetings-reader", platform.App.GetEndpoint("meetings"));

        var problem = await (await reader.PostAsJsonAsync("/api/v1/institutions", NewNgo)).AssertProblemAsync(403);

        Assert.Contains("meetings.write", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_service_itself_refuses_a_desk_reading_another_districts_data()
    {
        var gaziosmanpasaOffice = await RegisterAsync("Gaziosmanpaşa Kaymakamlığı", "gaziosmanpasa");
        using var umraniyeDirect = await platform.PartnerAsync("umraniye-desk", platform.App.GetEndpoint("meetings"));
        using var gaziosmanpasaDesk = await platform.PartnerAsync("gaziosmanpasa-desk");

        var refused = await (await umraniyeDirect.GetAsync($"/api/v1/institutions/{gaziosmanpasaOffice}")).AssertProblemAsync(403);
        var allowed = await gaziosmanpasaDesk.GetAsync($"/api/v1/institutions/{gaziosmanpasaOffice}");

        Assert.Contains("gaziosmanpasa", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Through_the_gateway_the_same_district_refusal_comes_back_from_the_service()
    {
        var gaziosmanpasaOffice = await RegisterAsync("Gaziosmanpaşa Belediyesi", "gaziosmanpasa");
        using var umraniyeDesk = await platform.PartnerAsync("umraniye-desk");

        var problem = await (await umraniyeDesk.GetAsync($"/api/v1/institutions/{gaziosmanpasaOffice}")).AssertProblemAsync(403);

        Assert.Equal("District not granted", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_city_wide_institution_is_readable_by_every_desk()
    {
        var unhcr = await RegisterAsync("UNHCR İstanbul", district: null);
        using var umraniyeDesk = await platform.PartnerAsync("umraniye-desk");

        var response = await umraniyeDesk.GetAsync($"/api/v1/institutions/{unhcr}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<Guid> RegisterAsync(string name, string? district)
    {
        using var operations = await platform.PartnerAsync("platform-dev");
        var response = await operations.PostAsJsonAsync("/api/v1/institutions", new { name, kind = "district-governorship", district });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
