using Platform.Testing;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Dashboard.Tests;

/// <summary>The Aspire dashboard in headless chromium, as an operator opens it with the link the AppHost prints.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ResourcesPageTests(DashboardPlatform platform, Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly string[] Resources =
    [
        "postgres", "meetingsdb", "casesdb", "livelihoodsdb", "notificationsdb", "gatewaydb",
        "messaging", "smtp", "meetings", "cases", "livelihoods", "notifications", "gateway",
    ];

    [Fact]
    public async Task The_login_link_opens_the_resources_page_with_every_resource_of_ours_running_and_healthy()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{platform.DashboardUrl}/login?t={platform.DashboardToken}");

        foreach (var resource in Resources)
            // The state column says "Running" only when healthy too ("Running (Unhealthy)" otherwise).
            await Expect(StateOf(page, resource)).ToHaveTextAsync("Running");
        await Expect(page.Locator("tr.resource-row")).ToHaveCountAsync(Resources.Length);
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "dashboard-resources");
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_the_right_one_typed_into_the_login_form_lets_the_operator_in()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{platform.DashboardUrl}/login?t=not-the-token");
        // The dashboard's token field (a Fluent UI web component) and the <input> in its shadow root.
        var token = page.Locator("#token-text-field input");
        await Expect(token).ToBeVisibleAsync();
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "dashboard-login-refused");
        // Not logged in: the resources page sends the browser back to the login form.
        await page.GotoAsync(platform.DashboardUrl + "/");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2F$"));
        await Expect(page.Locator("tr.resource-row")).ToHaveCountAsync(0);

        // The form is live (its Blazor circuit connected) once it has focused its token field: typed earlier, the token is lost.
        await Expect(token).ToBeFocusedAsync();
        await token.FillAsync(platform.DashboardToken);
        // Fluent UI's button is a web component that gives chromium no button role: found by its name.
        await page.Locator("fluent-button[name=submit-token]").ClickAsync();

        await Expect(StateOf(page, "gateway")).ToHaveTextAsync("Running");
    }

    [Fact]
    public async Task The_trace_page_of_a_meeting_scheduled_through_the_gateway_shows_gateway_meetings_and_the_smtp_send_of_notifications()
    {
        var (traceId, _) = await MeetingTrace.ScheduleAsync(platform);
        await MeetingTrace.WhenSentAsync(platform, traceId);

        var page = await chromium.NewPageAsync();
        await page.GotoAsync($"{platform.DashboardUrl}/login?t={platform.DashboardToken}&returnUrl={Uri.EscapeDataString($"/traces/detail/{traceId}")}");

        // Each span's name cell is labelled "{resource}: {span name}".
        await Expect(SpanName(page, "gateway: POST /api/v1/meetings")).ToHaveCountAsync(1);
        await Expect(SpanName(page, "meetings: POST /api/v1/meetings")).ToHaveCountAsync(1);
        await Expect(SpanName(page, "meetings: outbox deliver")).ToHaveCountAsync(1);
        // The SMTP send names the server it called: the smtp resource once the dashboard has matched its address, the address before.
        var smtpPort = new Uri(platform.App.GetEndpoint("smtp", "smtp")).Port;
        await Expect(SpanName(page, $"notifications: {MeetingTrace.SmtpSend}")).ToHaveTextAsync(new Regex($@"^\s*{MeetingTrace.SmtpSend}\s*(smtp|127\.0\.0\.1:{smtpPort})\s*$"));
        await Screenshots.TakeAsync(page, platform.App.RepositoryRoot, "dashboard-meeting-trace");
    }

    /// <summary>The text of the state column in the resource's row of the resources grid.</summary>
    private static ILocator StateOf(IPage page, string resource) =>
        page.Locator("tr.resource-row")
            .Filter(new() { Has = page.Locator(".resource-name-text", new() { HasTextRegex = new($"^{resource}$") }) })
            .Locator(".state-column-cell > span");

    /// <summary>The name cell of a span in the trace's waterfall.</summary>
    private static ILocator SpanName(IPage page, string label) => page.GetByRole(AriaRole.Gridcell, new() { Name = label });
}
