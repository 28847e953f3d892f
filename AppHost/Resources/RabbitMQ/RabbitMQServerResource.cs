using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Resources.RabbitMQ;

/// <summary>
/// RabbitMQ from Debian's package as a node of its own: own node name, ports, Erlang port mapper, data
/// and log folders; the management plugin on.
/// </summary>
public sealed class RabbitMQServerResource(string name, string command, string dataRoot, ParameterResource password, int distributionPort, int portMapperPort)
    : ExecutableResource(name, command, dataRoot), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string ManagementEndpointName = "management";
    public const string SystemUser = "rabbitmq";
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string UserName = "platform";
    private EndpointReference? _endpoint, _management;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);
    public EndpointReference ManagementEndpoint => _management ??= new(this, ManagementEndpointName);
    public ParameterResource Password { get; } = password;
    public string DataRoot { get; } = dataRoot;
    /// <summary>Erlang distribution (rabbitmqctl talks to the node over it).</summary>
    public int DistributionPort { get; } = distributionPort;
    /// <summary>
    /// The node's own epmd, so that it neither meets other nodes nor is met by them; the nodes of a cluster
    /// share one, through which they find each other.
    /// </summary>
    public int PortMapperPort { get; } = portMapperPort;
    /// <summary>The cluster the node belongs to, if any.</summary>
    public RabbitMQClusterResource? Cluster { get; init; }
    public string NodeName => $"platform-{DistributionPort}@localhost";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@{Endpoint.Property(EndpointProperty.IPV4Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}
