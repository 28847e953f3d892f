using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Resources.Postgres;

/// <summary>PostgreSQL from Debian's server binaries, run by Aspire as an executable with its own data folder and port.</summary>
public sealed class PostgresServerResource(string name, string command, string dataRoot, ParameterResource password)
    : ExecutableResource(name, command, dataRoot), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string SystemUser = "postgres";
    private EndpointReference? _endpoint;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);
    public ParameterResource Password { get; } = password;
    /// <summary>Data folder (<c>data</c>) and socket folder (<c>run</c>) live under this one.</summary>
    public string DataRoot { get; } = dataRoot;
    public string DataDirectory => Path.Combine(DataRoot, "data");
    /// <summary>Resource name to database name, created once the server answers.</summary>
    public Dictionary<string, string> Databases { get; } = new(StringComparer.Ordinal);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Endpoint.Property(EndpointProperty.IPV4Host)};Port={Endpoint.Property(EndpointProperty.Port)};Username={SystemUser};Password={Password}");
}

/// <summary>A database of a <see cref="PostgresServerResource"/>; services reference it by name (<c>ConnectionStrings__meetingsdb</c>).</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = parent;
    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
