namespace Platform.EndToEnd.Tests;

/// <summary>A process and its descendants, read from /proc.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Of(int root)
    {
        var parents = Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid)))
            .ToList();
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
            tree.AddRange(parents.Where(p => p.Parent == tree[i]).Select(p => p.Pid));
        return tree;
    }

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        var stat = Read(pid);
        return stat is not null && stat[(stat.LastIndexOf(')') + 2)] != 'Z';
    }

    /// <summary>The session id (field 6 of /proc/{pid}/stat): a terminal's Ctrl+C reaches its foreground group.</summary>
    public static int SessionOf(int pid)
    {
        var stat = Read(pid) ?? throw new InvalidOperationException($"Process {pid} is gone.");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3]);
    }

    /// <summary>Every TCP port (IPv4 and IPv6) with a socket in LISTEN state, read from /proc/net.</summary>
    public static IReadOnlySet<int> ListeningPorts()
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

    private static int ParentOf(int pid)
    {
        var stat = Read(pid);
        return stat is null ? 0 : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    private static string? Read(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
    }
}
