using System.Text;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.AppHost.Dashboard;

namespace Platform.AppHost.Operations;

/// <summary>Once every resource is healthy: the resource table, the dashboard's login link and how to call the operations API.</summary>
public sealed class StartupSummary(DistributedApplicationModel model, ResourceNotificationService notifications, OperationsApi operations, IConfiguration configuration)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Readiness.WaitUntilEveryResourceIsHealthyAsync(model, notifications, stoppingToken);
        }
        catch (OperationCanceledException) { return; }

        var token = configuration[DashboardAccess.ApiKeyConfiguration];
        var dashboard = (configuration["ASPNETCORE_URLS"] ?? "").Split(';')[0];
        Console.WriteLine();
        Console.WriteLine(Table(operations.Rows()));
        Console.WriteLine($"Dashboard:      {dashboard}/login?t={token}");
        Console.WriteLine($"Operations API: curl -H 'Authorization: Bearer {token}' {operations.Address}api/resources");
        Console.WriteLine("Press Ctrl+C to stop everything.");
        Console.WriteLine();
    }

    public static string Table(IEnumerable<OperationsApi.ResourceRow> resources)
    {
        var rows = resources.Select(r => new[] { r.Name, r.Type, r.State ?? "", r.Health ?? "", r.Restarts.ToString(), string.Join("  ", r.Urls) })
            .Prepend(["RESOURCE", "TYPE", "STATE", "HEALTH", "RESTARTS", "URL"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(i => rows.Max(row => row[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        return text.ToString();
    }
}
