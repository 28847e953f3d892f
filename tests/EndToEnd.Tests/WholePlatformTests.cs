using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The whole platform as the AppHost runs it: real PostgreSQL, RabbitMQ, maildev, services and gateway.</summary>
public sealed class WholePlatformTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly string[] AllResources =
        ["dashboard", "postgres", "messaging", "smtp", "meetings", "cases", "livelihoods", "notifications", "gateway"];

    [Fact]
    public async Task The_resource_api_shows_every_resource_running_and_healthy()
    {
        await platform.App.WaitForHealthyAsync(TimeSpan.FromMinutes(1));

        var resources = await platform.Dashboard.GetFromJsonAsync<JsonElement[]>("/api/resources");

        Assert.Equal(AllResources.Order(), resources!.Select(r => r.GetProperty("name").GetString()).Order());
        Assert.All(resources!, r =>
        {
            Assert.Equal("Running", r.GetProperty("state").GetString());
            Assert.Equal("Healthy", r.GetProperty("health").GetString());
            Assert.True(r.GetProperty("pid").GetInt32() > 0);
            Assert.NotEqual(0, r.GetProperty("endpoints").GetArrayLength());
        });
    }

    [Fact]
    public async Task The_resource_api_refuses_a_request_without_the_token()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Dashboard.BaseAddress };

        var response = await anonymous.GetAsync("/api/resources");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_gateway_reports_itself_and_every_service_healthy()
    {
        await platform.App.WaitForHealthyAsync(TimeSpan.FromMinutes(1));

        var health = await platform.Gateway.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var service in new[] { "database", "meetings", "cases", "livelihoods", "notifications" })
            Assert.Equal("Healthy", health.GetProperty("entries").GetProperty(service).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_institution_registered_through_the_gateway_reaches_the_cases_service_over_the_broker()
    {
        var name = $"Ümraniye Belediyesi İşçi Sağlığı {Guid.NewGuid():N}"[..45];
        using var partner = await platform.PartnerAsync("platform-dev");
        var response = await partner.PostAsJsonAsync("/api/v1/institutions", new { name, kind = "municipality", district = "umraniye" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using var cases = new NpgsqlConnection(platform.App.GetConnectionString("casesdb"));
        await cases.OpenAsync();
        var stored = await Eventually.GetAsync(async () =>
        {
            await using var query = new NpgsqlCommand("SELECT name FROM institutions WHERE id = $1", cases) { Parameters = { new() { Value = id } } };
            return (string?)await query.ExecuteScalarAsync();
        }, found => found is not null, TimeSpan.FromSeconds(20), "the cases service to consume InstitutionRegistered");

        Assert.Equal(name, stored);
        await using var inbox = new NpgsqlCommand("SELECT count(*) FROM inbox_messages WHERE consumer = 'InstitutionRegisteredConsumer'", cases);
        Assert.True((long)(await inbox.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task A_service_killed_by_hand_is_restarted_and_the_restart_counted()
    {
        await platform.App.WaitForHealthyAsync(TimeSpan.FromMinutes(1));
        var livelihoods = platform.App.GetResource("livelihoods");
        var restartsBefore = livelihoods.Restarts;
        var pid = livelihoods.Pid!.Value;

        Process.GetProcessById(pid).Kill();

        await Eventually.WatchAsync(() => livelihoods, r => r.Restarts == restartsBefore + 1 && r.Pid != pid
            && r.Health == AppHost.Hosting.Resources.ResourceHealth.Healthy, TimeSpan.FromSeconds(60), "livelihoods to come back");
        var snapshot = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/resources/livelihoods");
        Assert.Equal(restartsBefore + 1, snapshot.GetProperty("restarts").GetInt32());
        Assert.Equal("Running", snapshot.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_resource_stopped_and_started_through_the_api_changes_state_and_the_gateway_notices()
    {
        await platform.App.WaitForHealthyAsync(TimeSpan.FromMinutes(1));

        var stop = await platform.Dashboard.PostAsync("/api/resources/notifications/stop", null);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        Assert.Equal("Stopped", (await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/resources/notifications")).GetProperty("state").GetString());
        var degraded = await platform.Gateway.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        Assert.Equal("Degraded", degraded.GetProperty("entries").GetProperty("notifications").GetProperty("status").GetString());

        var start = await platform.Dashboard.PostAsync("/api/resources/notifications/start", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        await Eventually.WatchAsync(() => platform.App.GetResource("notifications"),
            r => r.State == AppHost.Hosting.Resources.ResourceState.Running && r.Health == AppHost.Hosting.Resources.ResourceHealth.Healthy,
            TimeSpan.FromSeconds(60), "notifications to start again");
    }

    [Fact]
    public async Task Every_resource_runs_in_a_session_of_its_own_so_a_terminal_ctrl_c_reaches_only_the_apphost()
    {
        await platform.App.WaitForHealthyAsync(TimeSpan.FromMinutes(1));
        var ownSession = ProcessTree.SessionOf(Environment.ProcessId);

        Assert.All(platform.App.Resources.OfType<AppHost.Hosting.Resources.ExecutableResource>(), resource =>
            Assert.NotEqual(ownSession, ProcessTree.SessionOf(resource.Pid!.Value)));
    }

    [Fact]
    public async Task The_dashboard_itself_cannot_be_stopped_and_unknown_resources_are_404()
    {
        Assert.Equal(HttpStatusCode.Conflict, (await platform.Dashboard.PostAsync("/api/resources/dashboard/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Dashboard.PostAsync("/api/resources/nothing/stop", null)).StatusCode);
    }
}
