namespace Platform.Testing;

/// <summary>
/// A partner of all districts registered for a benchmark or a test that sends thousands of requests, with an
/// allowance it cannot reach: the limiter is measured (or not the subject), never hit.
/// </summary>
public static class UnlimitedPartner
{
    public static async Task<string> TokenAsync(PlatformFixture platform, string scopes)
    {
        var added = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Benchmark", "--client-id", "benchmark-" + Guid.NewGuid().ToString("N")[..6],
            "--scopes", scopes, "--districts", "all", "--rate-limit", "100000000");
        var clientId = added.Output.Split('\n').Single(l => l.StartsWith("client_id:", StringComparison.Ordinal))["client_id:".Length..].Trim();
        return await platform.TokenAsync(clientId, added.Secret);
    }
}
