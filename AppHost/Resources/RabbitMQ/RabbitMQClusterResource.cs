using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Resources.RabbitMQ;

/// <summary>
/// Three RabbitMQ nodes of Debian's package formed into one cluster (<c>./run.sh --messaging cluster</c>): each its
/// own node name, ports and data folder, one Erlang cookie. Its connection string names every node
/// (<c>amqp://user:password@host1:port1,host2:port2,host3:port3</c>), and a service that gets it declares quorum queues.
/// </summary>
public sealed class RabbitMQClusterResource(string name, ParameterResource password, ParameterResource cookie)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public const int Size = 3;
    private readonly List<RabbitMQServerResource> _nodes = [];

    /// <summary>The nodes; the first is the seed that a blank cluster forms around.</summary>
    public IReadOnlyList<RabbitMQServerResource> Nodes => _nodes;
    public RabbitMQServerResource Seed => _nodes[0];
    public ParameterResource Password { get; } = password;
    /// <summary>The shared secret Erlang nodes prove to each other (and <c>rabbitmqctl</c> to them).</summary>
    public ParameterResource Cookie { get; } = cookie;

    internal void Add(RabbitMQServerResource node) => _nodes.Add(node);

    public ReferenceExpression ConnectionStringExpression
    {
        get
        {
            var expression = new ReferenceExpressionBuilder();
            expression.Append($"amqp://{RabbitMQServerResource.UserName}:{Password}@");
            for (var i = 0; i < _nodes.Count; i++)
            {
                if (i > 0) expression.AppendLiteral(",");
                expression.Append($"{_nodes[i].Endpoint.Property(EndpointProperty.IPV4Host)}:{_nodes[i].Endpoint.Property(EndpointProperty.Port)}");
            }
            return expression.Build();
        }
    }
}
