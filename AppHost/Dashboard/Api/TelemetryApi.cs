using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AppHost.Hosting;
using Platform.AppHost.Telemetry.Model;
using Platform.AppHost.Telemetry.Store;

namespace Platform.AppHost.Dashboard.Api;

/// <summary>
/// What the dashboard pages show, as JSON for scripts: traces, one trace (also as a download),
/// structured logs, console logs (also as a download) and metrics.
/// </summary>
internal static class TelemetryApi
{
    public static RouteGroupBuilder MapTelemetryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");

        api.MapGet("/traces", (string? resource, string? name, int? limit, TelemetryStore store) =>
            store.Traces(resource, name, Math.Clamp(limit ?? 100, 1, 1000)));

        api.MapGet("/traces/{traceId}", (string traceId, bool? download, TelemetryStore store) =>
        {
            if (store.Summary(traceId) is not { } summary) return Results.Problem(statusCode: 404, title: $"No trace {traceId} (unknown, or aged out of the store).");
            var trace = new { summary, spans = store.Trace(traceId) };
            return download == true ? new Attachment(Results.Json(trace), $"trace-{traceId}.json") : Results.Ok(trace);
        });

        api.MapGet("/logs", (string? resource, string? level, string? q, string? attribute, string? traceId, int? limit, TelemetryStore store) =>
        {
            if (level is not null && LogLevels.Rank(level) < 0)
                return Results.Problem(statusCode: 400, title: $"Unknown level {level}: use one of {string.Join(", ", LogLevels.All)}.");
            return Results.Ok(store.Logs(new LogQuery(resource, level, q, attribute, traceId, Math.Clamp(limit ?? 500, 1, 10_000))));
        });

        api.MapGet("/console-logs", (string? resource, string? q, bool? download, DistributedApplication application) =>
        {
            if (resource is not null && !application.Resources.Any(r => r.Name == resource))
                return Results.Problem(statusCode: 404, title: $"No resource named {resource}.");
            var lines = application.ConsoleLogs(resource).Where(l => string.IsNullOrEmpty(q) || l.Text.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
            if (download != true) return Results.Ok(lines);
            var text = new StringBuilder();
            foreach (var line in lines) text.Append(line.At.ToString("O")).Append(' ').Append(line.Resource).Append(' ').AppendLine(line.Text);
            return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", $"console-{resource ?? "all"}.log");
        });

        api.MapGet("/metrics/{resource}", (string resource, TelemetryStore store) => store.Instruments(resource));

        api.MapGet("/metrics/{resource}/{meter}/{instrument}", (string resource, string meter, string instrument, int? minutes, TelemetryStore store) =>
        {
            if (store.Instruments(resource).FirstOrDefault(i => i.Meter == meter && i.Instrument == instrument) is not { } info)
                return Results.Problem(statusCode: 404, title: $"{resource} reports no instrument {meter}/{instrument}.");
            var from = DateTime.UtcNow.AddMinutes(-Math.Clamp(minutes ?? 15, 1, 24 * 60));
            return Results.Ok(new { instrument = info, series = MetricCharts.Chart(info, store.Series(resource, meter, instrument, from)) });
        });
        return api;
    }

    /// <summary>A JSON result sent as a file to save.</summary>
    private sealed class Attachment(IResult inner, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return inner.ExecuteAsync(http);
        }
    }
}
