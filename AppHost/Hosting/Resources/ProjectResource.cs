namespace Platform.AppHost.Hosting.Resources;

/// <summary>Where a .NET project of the repository lives (Aspire generates these as <c>Projects.*</c>).</summary>
public interface IProjectMetadata
{
    /// <summary>Project folder, relative to the repository root.</summary>
    static abstract string ProjectDirectory { get; }
    static abstract string AssemblyName { get; }
}

/// <summary>
/// A .NET service of the platform, run from its build output with exactly Aspire's environment
/// contract: <c>ConnectionStrings__*</c>, <c>services__*__http__0</c>, <c>OTEL_*</c>, <c>ASPNETCORE_URLS</c>.
/// </summary>
public sealed class ProjectResource(string name, string projectDirectory, string assemblyName, int port)
    : ExecutableResource(name), IResourceWithServiceDiscovery
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    public override string Type => "Project";
    public string ProjectDirectory { get; } = projectDirectory;
    public string AssemblyName { get; } = assemblyName;
    public Dictionary<string, string> ExtraEnvironment { get; } = [];
    /// <summary>Variables whose value is a generated secret of the state folder (variable -> secret name).</summary>
    public Dictionary<string, string> SecretEnvironment { get; } = [];
    IEnumerable<ResourceEndpoint> IResourceWithServiceDiscovery.Endpoints => Endpoints;

    /// <summary>Connection strings and service URLs of what it references (PostgreSQL databases are not resources of their own).</summary>
    public List<IResourceWithConnectionString> ConnectionStrings { get; } = [];

    internal void Initialize() => Endpoints.Add(new ResourceEndpoint("http", "http", port));

    public override Task<ProcessSpec> PrepareAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        var assembly = AssemblyPath(context);
        if (!File.Exists(assembly))
            throw new ResourceStartException($"{assembly} is missing: build the solution first (dotnet build AppHost -c {context.BuildConfiguration}).");
        return Task.FromResult(new ProcessSpec("dotnet", [assembly], Path.Combine(context.RepositoryRoot, ProjectDirectory)) { Environment = BuildEnvironment(context) });
    }

    /// <summary>The project's built assembly, in the configuration the AppHost itself was built in.</summary>
    public string AssemblyPath(AppHostContext context) =>
        Path.Combine(context.RepositoryRoot, ProjectDirectory, "bin", context.BuildConfiguration, "net10.0", AssemblyName + ".dll");

    public Dictionary<string, string> BuildEnvironment(AppHostContext context)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = GetEndpoint("http").Url,
            ["ASPNETCORE_ENVIRONMENT"] = context.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = context.EnvironmentName,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = context.OtlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}-{Guid.NewGuid():N}",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
            ["LOGGING__CONSOLE__FORMATTERNAME"] = "simple",
            ["LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT"] = "HH:mm:ss ",
        };
        foreach (var resource in ConnectionStrings)
            environment[$"ConnectionStrings__{resource.ConnectionStringName}"] = resource.ConnectionString;
        foreach (var service in References.OfType<IResourceWithServiceDiscovery>())
        {
            foreach (var endpoint in service.Endpoints.Where(e => e.Scheme is "http" or "https"))
                environment[$"services__{service.Name}__{endpoint.Scheme}__0"] = endpoint.Url;
        }
        foreach (var (key, value) in ExtraEnvironment) environment[key] = value;
        foreach (var (key, secret) in SecretEnvironment) environment[key] = context.GetOrCreateSecret(secret, bytes: 32);
        return environment;
    }

    public override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync($"{GetEndpoint("http").Url}/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
