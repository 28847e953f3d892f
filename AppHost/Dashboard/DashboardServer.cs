using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.FluentUI.AspNetCore.Components;
using Platform.AppHost.Dashboard.Api;
using Platform.AppHost.Dashboard.Components;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;
using Platform.AppHost.Telemetry.Otlp;

namespace Platform.AppHost.Dashboard;

/// <summary>
/// The AppHost's web server, on three ports: the dashboard UI (Blazor, Fluent UI) and its JSON API
/// behind the dashboard token; the OTLP/gRPC receiver (HTTP/2 without TLS, as exporters speak it); and
/// the OTLP/HTTP receiver. The receivers are open on loopback only, like the dashboard itself.
/// </summary>
internal sealed class DashboardServer(DistributedApplication application, DashboardResource dashboard) : IAsyncDisposable
{
    /// <summary>Exporters send batches of 512 records by default (well under 1 MB); a bound on what one request may hold in memory.</summary>
    private const int MaxExportSize = 16 * 1024 * 1024;
    private WebApplication? _app;

    public async Task StartAsync()
    {
        var (ui, otlp, otlpHttp) = (dashboard.GetEndpoint("http").Port, dashboard.GetEndpoint("otlp").Port, dashboard.GetEndpoint("otlp-http").Port);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The AppHost also runs inside test processes: name its own assembly, whose static assets these are.
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, StaticAssetsManifest("runtime"));
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, ui, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, otlp, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, otlpHttp, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestBodySize = MaxExportSize;
        });
        builder.Services.AddSingleton(application);
        builder.Services.AddSingleton(application.Telemetry);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = MaxExportSize);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddFluentUIComponents();
        builder.Services.AddHostedService<ErrorQueueMetrics>();

        _app = builder.Build();
        _app.UseStatusCodePages();
        _app.UseWhen(http => http.Connection.LocalPort == ui, branch => branch.UseMiddleware<DashboardLogin>());
        _app.UseAntiforgery();

        _app.MapGrpcService<OtlpTraceService>().RequireHost($"*:{otlp}");
        _app.MapGrpcService<OtlpLogsService>().RequireHost($"*:{otlp}");
        _app.MapGrpcService<OtlpMetricsService>().RequireHost($"*:{otlp}");
        _app.MapOtlpHttp(application.Telemetry).RequireHost($"*:{otlpHttp}");

        IEndpointConventionBuilder[] dashboardRoutes =
        [
            _app.MapDashboardLogin(),
            _app.MapResourcesApi(),
            _app.MapErrorQueuesApi(),
            _app.MapTelemetryApi(),
            _app.MapStaticAssets(StaticAssetsManifest("endpoints")),
        ];
        foreach (var routes in dashboardRoutes) routes.RequireHost($"*:{ui}");
        _app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireHost($"*:{ui}");
        await _app.StartAsync();
    }

    /// <summary>The AppHost's build output knows where the UI's static files are (its own and Fluent UI's).</summary>
    private string StaticAssetsManifest(string kind) =>
        Path.Combine(application.Context.RepositoryRoot, "AppHost", "bin", application.Context.BuildConfiguration, "net10.0", $"Platform.AppHost.staticwebassets.{kind}.json");

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
