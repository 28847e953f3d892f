using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Operations;

namespace Platform.Testing;

/// <summary>
/// An Aspire application started by a test (Aspire.Hosting.Testing): the whole AppHost, or a few of its
/// servers. Free ports and throwaway data folders (the AppHost's resources choose them under test), and
/// a timeout on every wait, so a test run never hangs and two runs never collide.
/// </summary>
public sealed class TestApplication(DistributedApplication app, IReadOnlyDictionary<string, string> connectionStrings) : IAsyncDisposable
{
    /// <summary>
    /// How long the whole platform may take to become healthy: 45 s on an idle machine, but on 2 cores with
    /// another test project building databases beside it, a cold start has been seen to need more than 3 min.
    /// Only a failing start ever waits this long.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    public DistributedApplication Aspire { get; } = app;
    public string RepositoryRoot => Repository.Root;
    public ResourceNotificationService Notifications => Aspire.ResourceNotifications;

    /// <summary>
    /// A builder for a few of the AppHost's servers (<c>AddLocalPostgres</c>, <c>AddLocalRabbitMQ</c>, <c>AddLocalMailDev</c>)
    /// without the AppHost's model: Aspire's own builder, told where the AppHost is (DCP is found through its
    /// assembly) and that it runs under test (free ports, throwaway data folders).
    /// </summary>
    public static IDistributedApplicationBuilder Servers()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--DcpPublisher:RandomizePorts=true", "--environment=Development"],
            AssemblyName = typeof(Platform.AppHost.Resources.LocalServers).Assembly.GetName().Name,
            ProjectDirectory = Repository.AppHostDirectory,
            DisableDashboard = true,
        });
        Quiet(builder.Services);
        return builder;
    }

    /// <summary>
    /// Only warnings of the application itself reach the test output: Aspire forwards every resource's
    /// console and every health probe otherwise, which buries a failure's message.
    /// </summary>
    public static IDistributedApplicationTestingBuilder Quiet(IDistributedApplicationTestingBuilder builder)
    {
        Quiet(builder.Services);
        return builder;
    }

    private static void Quiet(IServiceCollection services) =>
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

    /// <summary>Builds and starts the application, and waits until every resource is healthy.</summary>
    public static async Task<TestApplication> StartAsync(IDistributedApplicationTestingBuilder builder)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        return await StartAsync(await builder.BuildAsync(timeout.Token));
    }

    public static Task<TestApplication> StartAsync(IDistributedApplicationBuilder builder) => StartAsync(builder.Build());

    private static async Task<TestApplication> StartAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await app.StartAsync(timeout.Token);
            var model = app.Services.GetRequiredService<DistributedApplicationModel>();
            await Readiness.WaitUntilEveryResourceIsHealthyAsync(model, app.ResourceNotifications, timeout.Token);
            var connectionStrings = new Dictionary<string, string>();
            foreach (var resource in model.Resources.OfType<IResourceWithConnectionString>())
                connectionStrings[resource.Name] = await resource.GetConnectionStringAsync(timeout.Token) ?? "";
            return new TestApplication(app, connectionStrings);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The URL of a resource's endpoint, without a trailing slash (<c>http://localhost:20123</c>).</summary>
    public string GetEndpoint(string resource, string endpoint = "http") => Aspire.GetEndpoint(resource, endpoint).ToString().TrimEnd('/');

    public string GetConnectionString(string resource) =>
        connectionStrings.TryGetValue(resource, out var value) ? value : throw new KeyNotFoundException($"No resource {resource} has a connection string.");

    public T Resource<T>(string name) where T : IResource =>
        Aspire.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<T>().Single(r => r.Name == name);

    /// <summary>Stops a resource through Aspire's own command and waits until it has ended.</summary>
    public async Task StopResourceAsync(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        // Aspire's stop command gives up after 20 s on a busy machine while the process is still ending:
        // what counts is that it ends.
        await Aspire.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, timeout.Token);
        await Notifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, timeout.Token);
    }

    /// <summary>Starts a stopped resource through Aspire's own command and waits until it is healthy again.</summary>
    public async Task StartResourceAsync(string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var result = await Aspire.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(name, KnownResourceCommands.StartCommand, timeout.Token);
        if (!result.Success) throw new InvalidOperationException($"{name} did not start: {result.Message}");
        await WaitForHealthyAsync(name, TimeSpan.FromMinutes(1));
    }

    public async Task WaitForHealthyAsync(string name, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        // A resource just told to start may still show its last run's end: wait through it.
        await Notifications.WaitForResourceHealthyAsync(name, WaitBehavior.WaitOnResourceUnavailable, cancellation.Token);
    }

    /// <summary>The newest snapshot of a resource (state, health, properties such as its pid).</summary>
    public CustomResourceSnapshot Snapshot(string name) =>
        Notifications.TryGetCurrentState(name, out var current) ? current.Snapshot : throw new KeyNotFoundException($"No resource named {name}.");

    /// <summary>The process Aspire started for a resource (for a project: the <c>dotnet run</c> that runs it), from its snapshot.</summary>
    public int? ProcessId(string name) => ResourceWatcher.ProcessId(Snapshot(name));

    /// <summary>The value of a generated secret (an Aspire parameter), as the services got it.</summary>
    public async Task<string> SecretAsync(string parameter) =>
        await Resource<ParameterResource>(parameter).GetValueAsync(CancellationToken.None) ?? throw new InvalidOperationException($"{parameter} has no value.");

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await Aspire.StopAsync(timeout.Token); }
        finally { await Aspire.DisposeAsync(); }
    }
}
