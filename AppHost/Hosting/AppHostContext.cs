using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.AppHost.Hosting;

/// <summary>Where the AppHost keeps its state and how it runs, shared by every resource.</summary>
public sealed class AppHostContext
{
    public required string RepositoryRoot { get; init; }
    /// <summary>Data of every server (and logs), kept across runs; git-ignored.</summary>
    public required string StateDirectory { get; init; }
    /// <summary>Build configuration of the projects to start (that of the AppHost itself).</summary>
    public required string BuildConfiguration { get; init; }
    public required string EnvironmentName { get; init; }
    public required string OtlpEndpoint { get; init; }
    public bool IsRoot { get; } = Environment.UserName == "root";

    public string LogsDirectory => Directory.CreateDirectory(Path.Combine(StateDirectory, "logs")).FullName;

    /// <summary>
    /// A generated secret (a server password, say), created once and kept in the state folder, so data
    /// folders made by an earlier run still open.
    /// </summary>
    public string GetOrCreateSecret(string name, int bytes = 16)
    {
        lock (_secretsLock)
        {
            var path = Path.Combine(StateDirectory, "secrets.json");
            var secrets = File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
                : [];
            if (!secrets.TryGetValue(name, out var value))
            {
                value = Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
                secrets[name] = value;
                File.WriteAllText(path, JsonSerializer.Serialize(secrets));
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return value;
        }
    }

    private readonly Lock _secretsLock = new();
}
