using System.Text;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting;

/// <summary>The one table the AppHost prints: each resource, its state and where to reach it.</summary>
public static class ResourceTable
{
    public static string Render(IEnumerable<Resource> resources)
    {
        var rows = resources.Select(r => new[]
        {
            r.Name, r.Type, r.State.ToString(), r.Health.ToString(), r.Restarts.ToString(),
            string.Join("  ", r.Endpoints.Select(e => e.Url)),
        }).Prepend(["RESOURCE", "TYPE", "STATE", "HEALTH", "RESTARTS", "URL"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(i => rows.Max(row => row[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }
}
