using System.Diagnostics;
using Npgsql;

namespace Platform.Testing;

/// <summary>What a backup would hold: <c>pg_dump</c> of a database (plain SQL, bytea as hex), run by PostgreSQL's own binary.</summary>
public static class DatabaseDump
{
    public static async Task<string> OfAsync(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(PgDump(), ["--no-owner", "--host", settings.Host!, "--port", settings.Port.ToString(), "--username", settings.Username!, "--dbname", settings.Database!])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (settings.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {await errors}");
        return await output;
    }

    /// <summary>The pg_dump that comes with the PostgreSQL server here (Debian: /usr/lib/postgresql/{version}/bin).</summary>
    private static string PgDump() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin", "pg_dump")).Where(File.Exists).OrderDescending().FirstOrDefault() ?? "pg_dump"
            : "pg_dump";
}
