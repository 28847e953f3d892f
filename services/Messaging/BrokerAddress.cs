using RabbitMQ.Client;

namespace Platform.Messaging;

/// <summary>
/// The broker of <c>ConnectionStrings:messaging</c>: one node (<c>amqp://user:password@host:port/vhost</c>), or the
/// nodes of a cluster separated by commas (<c>amqp://user:password@host1:port1,host2:port2,host3:port3/vhost</c>),
/// the way PostgreSQL and MongoDB name several hosts. AMQP URIs (RabbitMQ's own spec) name one host only.
/// </summary>
public sealed class BrokerAddress
{
    public const ushort DefaultPort = 5672;

    private BrokerAddress(IReadOnlyList<BrokerNode> nodes, string virtualHost, string userName, string password) =>
        (Nodes, VirtualHost, UserName, Password) = (nodes, virtualHost, userName, password);

    public sealed record BrokerNode(string Host, ushort Port)
    {
        public override string ToString() => $"{Host}:{Port}";
    }

    /// <summary>Every node, in the order given; a client tries them in this order.</summary>
    public IReadOnlyList<BrokerNode> Nodes { get; }
    public bool IsCluster => Nodes.Count > 1;
    public string Host => Nodes[0].Host;
    public ushort Port => Nodes[0].Port;
    public string VirtualHost { get; }
    public string UserName { get; }
    public string Password { get; }

    public static BrokerAddress Parse(string connectionString)
    {
        var schemeEnd = connectionString.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0) throw new FormatException("A broker address starts with amqp://.");
        var scheme = connectionString[..schemeEnd];
        var rest = connectionString[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var (authority, path) = authorityEnd < 0 ? (rest, "") : (rest[..authorityEnd], rest[authorityEnd..]);
        // A password may hold an '@' only escaped, so the last one ends the credentials.
        var at = authority.LastIndexOf('@');
        var (userInfo, hosts) = at < 0 ? ("", authority) : (authority[..at], authority[(at + 1)..]);

        var nodes = hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(host => new Uri($"{scheme}://{host}"))
            .Select(node => new BrokerNode(node.Host.Trim('[', ']'), (ushort)(node.IsDefaultPort || node.Port <= 0 ? DefaultPort : node.Port)))
            .ToList();
        if (nodes.Count == 0) throw new FormatException("A broker address names at least one host.");

        var vhostPath = path.StartsWith('/') ? path[1..].Split('?', '#')[0] : "";
        var virtualHost = Uri.UnescapeDataString(vhostPath) is { Length: > 0 } vhost ? vhost : "/";
        var credentials = userInfo.Split(':', 2);
        return credentials.Length == 2
            ? new BrokerAddress(nodes, virtualHost, Uri.UnescapeDataString(credentials[0]), Uri.UnescapeDataString(credentials[1]))
            : new BrokerAddress(nodes, virtualHost, "guest", "guest");
    }

    public ConnectionFactory CreateConnectionFactory(string clientName) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = UserName,
        Password = Password,
        ClientProvidedName = clientName,
    };

    /// <summary>A connection to the first node that answers.</summary>
    public Task<IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken) =>
        CreateConnectionFactory(clientName).CreateConnectionAsync(Nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port)).ToList(), cancellationToken);
}
