using System.Net.Http.Headers;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The AppHost's own model (its Program.cs), started once for a test class on free ports and a throwaway state folder.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    public HttpClient Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = DistributedApplicationTestingBuilder.Create(typeof(Projects.Meetings).Assembly);
        await App.StartAsync();
        await App.WaitForHealthyAsync(TimeSpan.FromMinutes(3));
        Gateway = new HttpClient { BaseAddress = new Uri(App.GetEndpoint("gateway")) };
        Dashboard = new HttpClient { BaseAddress = new Uri(App.DashboardUrl) };
        Dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.DashboardToken);
    }

    public async Task DisposeAsync()
    {
        Gateway.Dispose();
        Dashboard.Dispose();
        var state = App.Context.StateDirectory;
        await App.StopAsync();
        try { Directory.Delete(state, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
