using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests;

/// <summary>The operations dashboard of the whole running platform, used in headless chromium as an operator would.</summary>
public sealed class DashboardInTheBrowserTests(PlatformFixture platform, Chromium chromium) : IClassFixture<PlatformFixture>, IClassFixture<Chromium>
{
    private static readonly string[] Resources = ["dashboard", "postgres", "messaging", "smtp", "meetings", "cases", "livelihoods", "notifications", "gateway"];

    private string Url(string path) => platform.App.DashboardUrl + path;

    private async Task<IPage> LoggedInAsync(string path = "/")
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(Url($"/login?t={platform.App.DashboardToken}&returnUrl={Uri.EscapeDataString(path)}"));
        return page;
    }

    [Fact]
    public async Task Logging_in_with_the_token_shows_every_resource_running()
    {
        var page = await chromium.NewPageAsync();
        var refused = await page.GotoAsync(Url("/login?t=not-the-token"));
        Assert.Equal((int)HttpStatusCode.Unauthorized, refused!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");

        await page.GotoAsync(Url("/"));
        Assert.EndsWith("/login?returnUrl=%2F", page.Url);
        await page.Locator("#t").FillAsync(platform.App.DashboardToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        foreach (var resource in Resources)
        {
            await Expect(page.GetByTestId($"state-{resource}")).ToHaveTextAsync("Running");
            await Expect(page.GetByTestId($"health-{resource}")).ToHaveTextAsync("Healthy");
        }
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "resources");

        await page.GetByTestId("details-gateway").ClickAsync();
        var environment = page.GetByTestId("environment");
        await Expect(environment).ToContainTextAsync("ConnectionStrings__gatewaydb");
        await Expect(environment).ToContainTextAsync("Password=••••••");
        await Expect(page.GetByTestId("resource-details")).ToContainTextAsync("meetings, cases, livelihoods, notifications");
        var gatewayPassword = platform.App.GetConnectionString("gatewaydb").Split(';').Single(p => p.StartsWith("Password=", StringComparison.OrdinalIgnoreCase))[9..];
        Assert.DoesNotContain(gatewayPassword, await page.ContentAsync());
    }

    [Fact]
    public async Task Stopping_and_starting_a_resource_from_its_buttons_changes_its_state_without_a_reload()
    {
        var page = await LoggedInAsync();
        var state = page.GetByTestId("state-livelihoods");
        await Expect(state).ToHaveTextAsync("Running", new() { Timeout = 60_000 });

        await page.GetByTestId("stop-livelihoods").ClickAsync();
        await Expect(state).ToHaveTextAsync("Stopped", new() { Timeout = 30_000 });
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "resource-stopped");
        Assert.Equal("Stopped", platform.App.GetResource("livelihoods").State.ToString());

        await page.GetByTestId("start-livelihoods").ClickAsync();
        await Expect(state).ToHaveTextAsync("Running", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("health-livelihoods")).ToHaveTextAsync("Healthy", new() { Timeout = 60_000 });
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "resource-started");
    }

    [Fact]
    public async Task The_trace_of_a_meeting_scheduled_through_the_gateway_shows_gateway_meetings_notifications_and_the_smtp_send_in_one_tree()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        var host = await (await partner.PostAsJsonAsync("/api/v1/institutions", new { name = "Esenyurt Belediyesi", kind = "municipality", district = "esenyurt" })).CreatedIdAsync();
        var contact = await (await partner.PostAsJsonAsync($"/api/v1/institutions/{host}/contacts",
            new { fullName = "Zeynep Kılıç", email = $"zeynep.{Guid.NewGuid():N}@esenyurt.example.org", language = "tr" })).CreatedIdAsync();

        // The partner's own trace context: the platform continues it, so the test knows the trace id.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var schedule = new HttpRequestMessage(HttpMethod.Post, "/api/v1/meetings")
        {
            Content = JsonContent.Create(new
            {
                title = "Esenyurt İlçe Koordinasyon Toplantısı", kind = "district-coordination", district = "esenyurt", hostInstitutionId = host,
                startsAt = "2034-02-01T10:00:00+03:00", endsAt = "2034-02-01T12:00:00+03:00", location = "Esenyurt Belediyesi",
                agenda = new[] { new { topic = "health-access", title = "Sağlık hizmetlerine erişim" } }, inviteeContactIds = new[] { contact },
            }),
        };
        schedule.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.Created, (await partner.SendAsync(schedule)).StatusCode);

        var spans = await Eventually.WatchAsync(() => platform.App.Telemetry.Trace(traceId),
            found => found.Any(s => s.Name == "smtp send") && new[] { "gateway", "meetings", "notifications" }.All(r => found.Any(s => s.Resource == r)),
            TimeSpan.FromSeconds(60), "the meeting's trace to reach the SMTP send");

        var page = await LoggedInAsync($"/traces/{traceId}");
        var rows = page.GetByTestId("span");
        await Expect(page.Locator("[data-testid=span][data-name='smtp send']")).ToHaveCountAsync(1);
        foreach (var resource in new[] { "gateway", "meetings", "notifications" })
            Assert.True(await page.Locator($"[data-testid=span][data-resource={resource}]").CountAsync() > 0, $"no span of {resource} in the waterfall");
        // One tree: the gateway's request is the only root, and the SMTP send hangs below it.
        var roots = page.Locator("[data-testid=span][data-depth='0']");
        await Expect(roots).ToHaveCountAsync(1);
        Assert.Equal("gateway", await roots.GetAttributeAsync("data-resource"));
        Assert.True(int.Parse(await page.Locator("[data-testid=span][data-name='smtp send']").GetAttributeAsync("data-depth") ?? "0") > 2);
        // Every span the store had when the SMTP send arrived is on the page (a late one may join it).
        Assert.True(await rows.CountAsync() >= spans.Count, $"the waterfall shows {await rows.CountAsync()} of {spans.Count} spans");

        await page.Locator("[data-testid=span][data-name='smtp send']").ClickAsync();
        await Expect(page.GetByTestId("span-details")).ToContainTextAsync("server.address");
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "meeting-trace");

        await page.GotoAsync(Url("/traces?resource=gateway"));
        await Expect(page.Locator($"[data-testid=trace-link][data-trace-id='{traceId}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Console_logs_of_all_resources_are_interleaved_and_searchable()
    {
        var page = await LoggedInAsync("/console");
        var console = page.GetByTestId("console");
        await Expect(console).ToContainTextAsync("gateway");
        await Expect(console).ToContainTextAsync("meetings");

        await page.GotoAsync(Url("/console?resource=meetings&q=Now+listening"));
        await Expect(console).ToContainTextAsync("Now listening on");
        Assert.All(await console.Locator(".resource").AllInnerTextsAsync(), resource => Assert.Equal("meetings", resource));
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "console-logs");

        var download = await platform.Dashboard.GetStringAsync("/api/console-logs?resource=meetings&download=true");
        Assert.Contains("Now listening on", download);
    }

    [Fact]
    public async Task Structured_logs_link_to_their_trace_and_metrics_chart_the_gateway_requests()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        for (var i = 0; i < 5; i++) (await partner.GetAsync("/api/v1/districts")).EnsureSuccessStatusCode();

        var page = await LoggedInAsync("/structured-logs?resource=gateway");
        await Expect(page.GetByTestId("log-trace").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "structured-logs");

        await Eventually.WatchAsync(() => MetricCharts(), charts => charts, TimeSpan.FromSeconds(30), "two exports of the gateway's request duration");
        await page.GotoAsync(Url("/metrics?resource=gateway&instrument=Microsoft.AspNetCore.Hosting/http.server.request.duration&minutes=15"));
        await Expect(page.GetByTestId("metric-title")).ToContainTextAsync("http.server.request.duration");
        await Expect(page.GetByTestId("chart")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("chart").First).ToContainTextAsync("p95");
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "metrics");

        bool MetricCharts() => platform.App.Telemetry.Series("gateway", "Microsoft.AspNetCore.Hosting", "http.server.request.duration", DateTime.UtcNow.AddMinutes(-15))
            .Any(series => series.Count >= 2);
    }

}
