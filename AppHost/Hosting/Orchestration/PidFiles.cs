using System.Diagnostics;

namespace Platform.AppHost.Hosting.Orchestration;

/// <summary>
/// Remembers which processes this state folder's AppHost started (pid and kernel start time), so that a
/// later AppHost can end what an AppHost killed without a chance to clean up left behind.
/// </summary>
internal sealed class PidFiles(string stateDirectory)
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(stateDirectory, "pids")).FullName;

    public void Write(string resource, Process process) =>
        File.WriteAllText(Path.Combine(_folder, resource + ".pid"), $"{process.Id} {StartTime(process.Id)}");

    public void Delete(string resource) => File.Delete(Path.Combine(_folder, resource + ".pid"));

    /// <summary>Kills the processes still alive from an earlier run; returns what was killed.</summary>
    public IReadOnlyList<string> KillOrphans()
    {
        var killed = new List<string>();
        foreach (var file in Directory.GetFiles(_folder, "*.pid"))
        {
            var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], out var pid) && StartTime(pid) == parts[1])
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                    killed.Add($"{Path.GetFileNameWithoutExtension(file)} (pid {pid})");
                }
                catch (ArgumentException) { /* already gone */ }
            }
            File.Delete(file);
        }
        return killed;
    }

    /// <summary>Field 22 of /proc/{pid}/stat: distinguishes a process from a later one that reused its pid.</summary>
    private static string StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException) { return "gone"; }
        catch (UnauthorizedAccessException) { return "gone"; }
    }
}
