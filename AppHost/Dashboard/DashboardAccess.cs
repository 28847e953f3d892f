using System.Security.Cryptography;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// One token opens the Aspire dashboard in a browser (<c>/login?t=...</c>), its telemetry API
/// (<c>x-api-key</c>) and the AppHost's operations API (<c>Authorization: Bearer</c>). It is
/// <c>PLATFORM_DASHBOARD_TOKEN</c> when set, so a script and a browser get in with a known token;
/// otherwise a random one of this run, printed on start.
/// </summary>
public static class DashboardAccess
{
    public const string TokenVariable = "PLATFORM_DASHBOARD_TOKEN";
    /// <summary>Aspire's key for the dashboard's telemetry API; the operations API reads the token from it too.</summary>
    public const string ApiKeyConfiguration = "AppHost:DashboardApiKey";

    /// <summary>The AppHost's arguments with the token added as configuration, read before the builder reads its own.</summary>
    public static string[] WithToken(string[] args)
    {
        var token = Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } known
            ? known
            : Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        return [.. args, $"--ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN={token}", $"--{ApiKeyConfiguration}={token}"];
    }
}
