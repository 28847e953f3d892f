using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>CPU time used by resources' process trees (user + system, from /proc), to show where a request's cost goes.</summary>
internal sealed class ProcessCpu(TestApplication app, params string[] resources)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public Dictionary<string, TimeSpan> Read() => resources.ToDictionary(r => r, r => TreeCpu(app.ProcessId(r) ?? 0));

    public IEnumerable<(string Resource, TimeSpan Used)> Since(Dictionary<string, TimeSpan> before) =>
        Read().Select(now => (now.Key, now.Value - before[now.Key]));

    private static TimeSpan TreeCpu(int root)
    {
        if (root == 0) return TimeSpan.Zero;
        var stats = Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Stat(pid) : null)
            .OfType<(int Pid, int Parent, long Ticks)>()
            .ToList();
        var tree = new HashSet<int> { root };
        bool grew;
        do
        {
            grew = false;
            foreach (var s in stats.Where(s => tree.Contains(s.Parent) && tree.Add(s.Pid))) grew = true;
        } while (grew);
        return TimeSpan.FromSeconds(stats.Where(s => tree.Contains(s.Pid)).Sum(s => s.Ticks) / TicksPerSecond);
    }

    private static (int Pid, int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command: state(0) ppid(1) ... utime(11) stime(12).
            return (pid, int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]));
        }
        catch (IOException) { return null; }
    }
}
