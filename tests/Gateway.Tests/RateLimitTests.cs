using System.Collections.Concurrent;
using System.Net;
using Platform.Testing;

namespace Platform.Gateway.Tests;

[Collection(GatewayPlatform.Name)]
public sealed class RateLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task Seven_hundred_quick_requests_from_one_partner_see_429s_with_Retry_After_while_another_partner_is_unaffected()
    {
        // A partner of its own (default allowance: 600 a minute), so no other test shares its bucket.
        var added = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Rate limit probe", "--scopes", "meetings.read", "--districts", "all");
        Assert.Equal(0, added.ExitCode);
        using var busy = await platform.PartnerAsync("rate-limit-probe", secret: added.Secret);
        using var other = await platform.PartnerAsync("platform-dev");

        var statuses = new ConcurrentBag<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        // A cheap read (reference data, no database), 32 at a time: the burst must outrun the refill
        // (10 a second) even on a busy CI machine.
        await Parallel.ForAsync(0, 700, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, cancellationToken) =>
        {
            var response = await busy.GetAsync("/api/v1/districts", cancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Interlocked.CompareExchange(ref rejected, response, null);
        });
        var otherResponse = await other.GetAsync("/api/v1/districts");

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 600, "the allowance itself must get through");
        var problem = await rejected!.AssertProblemAsync(429);
        Assert.True(rejected!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 must say when to come back");
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }
}
