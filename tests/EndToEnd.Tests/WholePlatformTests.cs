using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using Platform.AppHost.Operations;
using Platform.AppHost.Resources;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests;

/// <summary>The whole platform as the AppHost runs it on Aspire: real PostgreSQL, RabbitMQ, maildev, services and gateway.</summary>
[Collection(RunningPlatform.Name)]
public sealed class WholePlatformTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] AllResources =
    [
        "postgres", "meetingsdb", "casesdb", "livelihoodsdb", "notificationsdb", "gatewaydb",
        "messaging", "smtp", "meetings", "cases", "livelihoods", "notifications", "gateway",
    ];

    private static readonly string[] Processes = ["postgres", "messaging", "smtp", "meetings", "cases", "livelihoods", "notifications", "gateway"];

    [Fact]
    public async Task The_operations_api_shows_every_resource_running_and_healthy_with_its_urls()
    {
        await platform.App.WaitForHealthyAsync("gateway", TimeSpan.FromMinutes(1));

        var resources = await platform.Operations.GetFromJsonAsync<JsonElement[]>("/api/resources");

        Assert.Equal(AllResources.Order(), resources!.Select(r => r.GetProperty("name").GetString()).Order());
        Assert.All(resources!, r =>
        {
            Assert.Equal("Running", r.GetProperty("state").GetString());
            Assert.Equal("Healthy", r.GetProperty("health").GetString());
        });
        Assert.All(resources!.Where(r => Processes.Contains(r.GetProperty("name").GetString())), r =>
        {
            Assert.True(r.GetProperty("pid").GetInt32() > 0, $"{r.GetProperty("name")} has no process id");
            Assert.NotEqual(0, r.GetProperty("urls").GetArrayLength());
        });
    }

    [Fact]
    public async Task The_operations_api_refuses_a_request_without_the_token_and_names_unknown_resources_404()
    {
        using var anonymous = new HttpClient { BaseAddress = platform.Operations.BaseAddress };

        var refused = await anonymous.GetAsync("/api/resources");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Operations.PostAsync("/api/resources/nothing/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Operations.PostAsync("/api/resources/cases/explode", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Operations.PostAsync("/api/resources/cases/commands/explode", null)).StatusCode);
    }

    [Fact]
    public async Task The_gateway_reports_itself_and_every_service_healthy()
    {
        await platform.App.WaitForHealthyAsync("gateway", TimeSpan.FromMinutes(1));

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
    public async Task A_service_process_killed_for_real_is_started_again_and_the_restart_counted()
    {
        await platform.App.WaitForHealthyAsync("livelihoods", TimeSpan.FromMinutes(1));
        var before = await RowAsync("livelihoods");
        var launcher = before.GetProperty("pid").GetInt32();
        // Aspire runs a project through `dotnet run`; the service is the process below it.
        var service = ProcessSignals.TreeOf(launcher).Last();

        var clock = Stopwatch.StartNew();
        Process.GetProcessById(service).Kill();

        await Eventually.GetAsync(() => RowAsync("livelihoods"), r => r.GetProperty("restarts").GetInt32() == before.GetProperty("restarts").GetInt32() + 1,
            TimeSpan.FromSeconds(60), "livelihoods to be started again");
        await platform.App.WaitForHealthyAsync("livelihoods", TimeSpan.FromSeconds(60));
        output.WriteLine($"livelihoods healthy again {clock.Elapsed.TotalSeconds:0.0} s after its process was killed");
        Assert.False(ProcessSignals.IsAlive(service));
        var snapshot = platform.App.Snapshot("livelihoods");
        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        Assert.Contains(snapshot.Properties, p => p.Name == ResourceWatcher.RestartsProperty && p.Value?.ToString() == (before.GetProperty("restarts").GetInt32() + 1).ToString());
    }

    [Fact]
    public async Task A_resource_stopped_through_the_api_stays_stopped_the_gateway_notices_and_a_start_brings_it_back()
    {
        await platform.App.WaitForHealthyAsync("notifications", TimeSpan.FromMinutes(1));

        var stop = await platform.Operations.PostAsync("/api/resources/notifications/stop", null);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        using (var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            await platform.App.Notifications.WaitForResourceAsync("notifications", KnownResourceStates.TerminalStates, stopped.Token);
        var degraded = await Eventually.GetAsync(() => platform.Gateway.GetFromJsonAsync<JsonElement>("/health"),
            h => h.GetProperty("status").GetString() == "Degraded", TimeSpan.FromSeconds(20), "the gateway to notice");
        Assert.Equal("Degraded", degraded.GetProperty("entries").GetProperty("notifications").GetProperty("status").GetString());
        // An operator's stop is not a crash: nothing brings it back by itself.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Contains(platform.App.Snapshot("notifications").State?.Text, KnownResourceStates.TerminalStates);
        Assert.Equal(0, (await RowAsync("notifications")).GetProperty("restarts").GetInt32());

        var start = await platform.Operations.PostAsync("/api/resources/notifications/start", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        await platform.App.WaitForHealthyAsync("notifications", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_demo_data_command_of_the_dashboard_menu_loads_the_seed_meetings_and_the_error_queue_command_answers()
    {
        await platform.App.WaitForHealthyAsync("gateway", TimeSpan.FromMinutes(1));

        var loaded = await platform.Operations.PostAsync("/api/resources/meetings/commands/load-demo-data", null);
        var outcome = await loaded.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.True(outcome.GetProperty("success").GetBoolean(), outcome.ToString());
        Assert.Contains("meetingIds", outcome.GetProperty("message").GetString());
        await using var meetings = new NpgsqlConnection(platform.App.GetConnectionString("meetingsdb"));
        await meetings.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM meetings WHERE title = 'Ümraniye İlçe Koordinasyon Toplantısı'", meetings);
        Assert.Equal(1L, await count.ExecuteScalarAsync());

        var requeued = await platform.Operations.PostAsync("/api/resources/messaging/commands/requeue-error-messages", null);
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        Assert.StartsWith("Moved ", (await requeued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    private async Task<JsonElement> RowAsync(string name) => await platform.Operations.GetFromJsonAsync<JsonElement>($"/api/resources/{name}");
}
