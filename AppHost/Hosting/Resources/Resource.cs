namespace Platform.AppHost.Hosting.Resources;

/// <summary>A named part of the application model: an infrastructure server, a service, the dashboard.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;
    public abstract string Type { get; }
    public List<ResourceEndpoint> Endpoints { get; } = [];
    /// <summary>Resources whose connection string or URL this one receives.</summary>
    public List<Resource> References { get; } = [];
    /// <summary>Resources that must be healthy before this one starts.</summary>
    public List<Resource> WaitsFor { get; } = [];

    // What the orchestrator observes; read by the console table and the dashboard.
    public ResourceState State { get; internal set; } = ResourceState.Waiting;
    public ResourceHealth Health { get; internal set; } = ResourceHealth.Unknown;
    public int Restarts { get; internal set; }
    public int? Pid { get; internal set; }
    public int? ExitCode { get; internal set; }
    public DateTimeOffset? StartedAt { get; internal set; }
    public string? LastError { get; internal set; }
    /// <summary>What the process was started with (last start), for the dashboard's details.</summary>
    public IReadOnlyList<string> Command { get; internal set; } = [];
    public IReadOnlyDictionary<string, string> Environment { get; internal set; } = new Dictionary<string, string>();

    public ResourceEndpoint GetEndpoint(string name) =>
        Endpoints.SingleOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"{Name} has no endpoint named {name}.");

    /// <summary>Every port this resource will listen on (checked for conflicts before anything starts).</summary>
    public virtual IEnumerable<int> Ports => Endpoints.Select(e => e.Port);
}

/// <summary>A resource others reach through <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString
{
    string ConnectionStringName { get; }
    string ConnectionString { get; }
}

/// <summary>A resource others reach through <c>services__{name}__http__0</c>.</summary>
public interface IResourceWithServiceDiscovery
{
    string Name { get; }
    IEnumerable<ResourceEndpoint> Endpoints { get; }
}
