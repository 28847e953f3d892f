namespace Platform.EndToEnd.Tests;

/// <summary>The TCP ports something listens on.</summary>
internal static class ListeningPorts
{
    /// <summary>Every TCP port (IPv4 and IPv6) with a socket in LISTEN state, read from /proc/net.</summary>
    public static IReadOnlySet<int> Now()
    {
        const string Listen = "0A";
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 3 && fields[3] == Listen)
            .Select(fields => Convert.ToInt32(fields[1][(fields[1].LastIndexOf(':') + 1)..], 16))
            .ToHashSet();
    }
}
