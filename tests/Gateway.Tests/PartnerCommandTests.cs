using System.Net;
using System.Net.Http.Headers;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>The operators' command: <c>partners add | list | rotate-secret | disable</c>.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class PartnerCommandTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_added_partner_gets_a_client_id_from_its_Turkish_name_and_a_secret_shown_once()
    {
        var added = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Sultangazi Belediyesi Sosyal Destek Işığı",
            "--scopes", "livelihoods.read,meetings.read", "--districts", "sultangazi", "--rate-limit", "120");
        var listed = await GatewayCommand.RunAsync(platform.App, "partners", "list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("client_id:     sultangazi-belediyesi-sosyal-destek-isigi", added.Output);
        var row = listed.Output.Split('\n').Single(l => l.StartsWith("sultangazi-belediyesi-sosyal-destek-isigi ", StringComparison.Ordinal));
        Assert.Contains("sultangazi", row[30..]);
        Assert.Contains("120", row);
        Assert.Contains("livelihoods.read meetings.read", row);
        Assert.DoesNotContain(added.Secret, listed.Output);
        Assert.NotEmpty(await platform.TokenAsync("sultangazi-belediyesi-sosyal-destek-isigi", added.Secret));
    }

    [Fact]
    public async Task Rotating_a_secret_retires_the_old_one_at_once()
    {
        var added = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Rotation probe", "--scopes", "meetings.read", "--districts", "all");
        var rotated = await GatewayCommand.RunAsync(platform.App, "partners", "rotate-secret", "rotation-probe");

        Assert.Equal(0, rotated.ExitCode);
        Assert.NotEqual(added.Secret, rotated.Secret);
        await Assert.ThrowsAsync<InvalidOperationException>(() => platform.TokenAsync("rotation-probe", added.Secret));
        Assert.NotEmpty(await platform.TokenAsync("rotation-probe", rotated.Secret));
    }

    [Fact]
    public async Task A_disabled_partner_gets_no_new_token_and_its_existing_token_is_refused_at_the_gateway()
    {
        var added = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Disable probe", "--scopes", "meetings.read", "--districts", "all");
        var token = await platform.TokenAsync("disable-probe", added.Secret);

        var disabled = await GatewayCommand.RunAsync(platform.App, "partners", "disable", "disable-probe");
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync($"/api/v1/institutions/{Guid.CreateVersion7()}");

        Assert.Equal(0, disabled.ExitCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => platform.TokenAsync("disable-probe", added.Secret));
        var problem = await response.AssertProblemAsync(401);
        Assert.Equal("Partner disabled", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_scopes_and_districts_are_refused_with_a_message_and_exit_code_2()
    {
        var badScope = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Bad", "--scopes", "cases.delete", "--districts", "all");
        var badDistrict = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Bad", "--scopes", "cases.read", "--districts", "ankara");

        Assert.Equal(2, badScope.ExitCode);
        Assert.Contains("Unknown scope(s): cases.delete", badScope.Error);
        Assert.Equal(2, badDistrict.ExitCode);
        Assert.Contains("Unknown district(s): ankara", badDistrict.Error);
    }

    [Fact]
    public async Task The_development_partners_exist_in_development()
    {
        var listed = await GatewayCommand.RunAsync(platform.App, "partners", "list");

        foreach (var clientId in new[] { "platform-dev", "umraniye-desk", "gaziosmanpasa-desk", "meetings-reader" })
            Assert.Contains(listed.Output.Split('\n'), line => line.StartsWith(clientId + " ", StringComparison.Ordinal) && line.Contains("active"));
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "gaziosmanpasa-desk", ["client_secret"] = "gaziosmanpasa-desk-secret",
        }))).StatusCode);
    }
}
