using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Body limits, unknown routes, and a service that is down: every error the gateway makes is problem details.</summary>
[Collection(GatewayPlatform.Name)]
public sealed class EdgeTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_2_MiB_body_gets_413_problem_details()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/institutions")
        {
            Content = new StringContent(new string('a', 2 * 1024 * 1024), System.Text.Encoding.UTF8, "application/json"),
        };
        // As a well-behaved client sends a large body: the gateway refuses on Content-Length alone and
        // closes, so without 100-continue the client may still be writing and see a broken pipe instead.
        request.Headers.ExpectContinue = true;

        var problem = await (await partner.SendAsync(request)).AssertProblemAsync(413);

        Assert.Contains("1048576", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_path_no_service_owns_gets_404_problem_details()
    {
        using var partner = await platform.PartnerAsync("platform-dev");

        await (await partner.GetAsync("/api/v1/nothing-here")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task A_stopped_service_gets_503_within_a_second_and_is_served_again_once_it_is_back()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        try
        {
            await platform.App.StopResourceAsync("livelihoods");
            var clock = Stopwatch.StartNew();
            var response = await partner.GetAsync("/api/v1/cohorts");
            clock.Stop();

            var problem = await response.AssertProblemAsync(503);
            Assert.Contains("livelihoods", problem.GetProperty("detail").GetString());
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"503 took {clock.Elapsed.TotalMilliseconds:F0} ms");
        }
        finally
        {
            await platform.App.StartResourceAsync("livelihoods");
        }
        var back = await partner.GetAsync("/api/v1/cohorts");
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, back.StatusCode);
    }

    [Fact]
    public async Task The_gateway_passes_the_partners_authorization_and_trace_context_on()
    {
        using var partner = await platform.PartnerAsync("platform-dev");
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/institutions/{Guid.CreateVersion7()}");
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await partner.SendAsync(request);

        // The service answers (404 for an unknown id) only if it saw the token; its problem body names the trace.
        var problem = await response.AssertProblemAsync(404);
        Assert.Contains(traceId, problem.GetProperty("traceId").GetString());
    }
}
