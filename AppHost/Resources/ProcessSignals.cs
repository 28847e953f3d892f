using System.Runtime.InteropServices;

namespace Platform.AppHost.Resources;

/// <summary>Signals to processes Aspire does not signal itself, found through /proc.</summary>
public static partial class ProcessSignals
{
    private const int SigKill = 9, SigTerm = 15;

    /// <summary>Asks a process to end (SIGTERM); one already gone is no matter.</summary>
    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    /// <summary>Ends a process at once (SIGKILL).</summary>
    public static void KillNow(int pid) => _ = Kill(pid, SigKill);

    /// <summary>Whether the process still runs (a zombie waiting for its parent does not).</summary>
    public static bool IsAlive(int pid) =>
        Read($"/proc/{pid}/stat") is { } stat && stat[(stat.LastIndexOf(')') + 2)] != 'Z';

    public static IReadOnlyList<int> ChildrenOf(int parent) =>
        Processes().Where(pid => ParentOf(pid) == parent).ToList();

    /// <summary>A process and all its descendants, the root first, from one reading of /proc.</summary>
    public static IReadOnlyList<int> TreeOf(int root)
    {
        var parents = Processes().Select(pid => (Pid: pid, Parent: ParentOf(pid))).ToList();
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
            tree.AddRange(parents.Where(p => p.Parent == tree[i]).Select(p => p.Pid));
        return tree;
    }

    /// <summary>Processes named <paramref name="name"/> whose environment holds <paramref name="variable"/>.</summary>
    public static IReadOnlyList<int> Find(string name, string variable) =>
        Processes().Where(pid => Read($"/proc/{pid}/comm")?.Trim() == name && (Read($"/proc/{pid}/environ")?.Split('\0').Contains(variable) ?? false)).ToList();

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc").Select(folder => int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0).Where(pid => pid > 0);

    private static int ParentOf(int pid) =>
        Read($"/proc/{pid}/stat") is { } stat ? int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]) : 0;

    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
