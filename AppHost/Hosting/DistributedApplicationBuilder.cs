using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Platform.AppHost.Hosting.Resources;
using Platform.AppHost.Hosting.Testing;

namespace Platform.AppHost.Hosting;

/// <summary>
/// Declares the application model, the way Aspire's <c>DistributedApplication.CreateBuilder</c> does:
/// resources, their references and what each waits for.
/// </summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];
    // Process-wide: test classes build several applications at once, and the kernel may hand the same
    // free port to two probes once the first probe has let it go.
    private static readonly HashSet<int> HandedOutPorts = [];

    internal DistributedApplicationBuilder(string[] args, DistributedApplicationOptions options)
    {
        Options = options;
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string> { ["--state-dir"] = "AppHost:StateDirectory" })
            .Build();
        Options.StateDirectory ??= Configuration["AppHost:StateDirectory"];
        Options.DashboardToken ??= Configuration["PLATFORM_DASHBOARD_TOKEN"] ?? Configuration["Dashboard:Token"];
        Options.EnvironmentName = Configuration["ASPNETCORE_ENVIRONMENT"] ?? Configuration["DOTNET_ENVIRONMENT"] ?? Options.EnvironmentName;
        Dashboard = new DashboardResource(Port(Configuration.GetValue("Dashboard:Port", 18888)), Port(Configuration.GetValue("Dashboard:OtlpPort", 18889)),
            Port(Configuration.GetValue("Dashboard:OtlpHttpPort", 18890)));
        Dashboard.Initialize();
        _resources.Add(Dashboard);
    }

    public DistributedApplicationOptions Options { get; }
    public IConfiguration Configuration { get; }
    public DashboardResource Dashboard { get; }
    public IReadOnlyList<Resource> Resources => _resources;

    public ResourceBuilder<PostgresServerResource> AddPostgres(string name, int port) =>
        Add(new PostgresServerResource(name, Port(port)), r => r.Initialize());

    public ResourceBuilder<RabbitMQServerResource> AddRabbitMQ(string name, int port, int managementPort) =>
        // Erlang distribution and the node's own port mapper take the two ports after the management port.
        Add(new RabbitMQServerResource(name, Port(port), Port(managementPort), Port(managementPort + 1), Port(managementPort + 2)), r => r.Initialize());

    public ResourceBuilder<MailDevResource> AddMailDev(string name, int smtpPort, int httpPort) =>
        Add(new MailDevResource(name, Port(smtpPort), Port(httpPort)), r => r.Initialize());

    public ResourceBuilder<ProjectResource> AddProject<TProject>(string name, int port) where TProject : IProjectMetadata =>
        Add(new ProjectResource(name, TProject.ProjectDirectory, TProject.AssemblyName, Port(port)), r => r.Initialize());

    public DistributedApplication Build()
    {
        var context = new AppHostContext
        {
            RepositoryRoot = RepositoryRoot,
            StateDirectory = Directory.CreateDirectory(Options.StateDirectory ?? Path.Combine(RepositoryRoot, ".state")).FullName,
            BuildConfiguration = typeof(DistributedApplicationBuilder).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
            EnvironmentName = Options.EnvironmentName,
            OtlpEndpoint = Dashboard.GetEndpoint("otlp").Url,
        };
        var application = new DistributedApplication(this, context);
        // Under test the entry point stops here and hands the application to the test (Aspire.Hosting.Testing's role).
        DistributedApplicationTestingBuilder.Capture(application);
        return application;
    }

    private ResourceBuilder<T> Add<T>(T resource, Action<T> initialize) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name)) throw new InvalidOperationException($"A resource named {resource.Name} exists already.");
        initialize(resource);
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    /// <summary>
    /// The fixed port, or under test a free one. Test ports come from 20000-31999, below the kernel's
    /// ephemeral range, so an outgoing connection never takes a port handed out here; each test process
    /// walks that range from its own starting point, and within a process no port is handed out twice.
    /// </summary>
    private int Port(int port)
    {
        if (!Options.UseRandomPorts) return port;
        lock (HandedOutPorts)
        {
            for (var tried = 0; tried < TestPortCount; tried++)
            {
                var candidate = TestPortBase + (_nextTestPort++ % TestPortCount);
                if (HandedOutPorts.Contains(candidate) || !IsFree(candidate)) continue;
                HandedOutPorts.Add(candidate);
                return candidate;
            }
        }
        throw new InvalidOperationException($"No free port between {TestPortBase} and {TestPortBase + TestPortCount - 1}.");
    }

    private const int TestPortBase = 20_000, TestPortCount = 12_000;
    private static int _nextTestPort = Environment.ProcessId * 389 % TestPortCount;

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static string RepositoryRoot =>
        typeof(DistributedApplicationBuilder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
