using RabbitMQ.Client;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// RabbitMQ from Debian's package, as a node of its own: own node name, ports, Erlang port mapper,
/// data and log folders under the state folder, management plugin on.
/// </summary>
public sealed class RabbitMQServerResource(string name, int port, int managementPort, int distributionPort, int portMapperPort)
    : ExecutableResource(name), IResourceWithConnectionString
{
    private const string SystemUser = "rabbitmq";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string User = "platform";
    private string? _password;

    public override string Type => "RabbitMQ";
    public string ConnectionStringName => Name;
    public string ConnectionString => $"amqp://{User}:{Password}@127.0.0.1:{GetEndpoint("tcp").Port}";
    public string Password => _password ?? throw new InvalidOperationException("The broker has not been prepared yet.");
    public int DistributionPort { get; } = distributionPort;
    /// <summary>The node's own epmd, so that it neither meets other nodes nor outlives the AppHost.</summary>
    public int PortMapperPort { get; } = portMapperPort;
    public override IEnumerable<int> Ports => base.Ports.Append(DistributionPort).Append(PortMapperPort);

    internal void Initialize()
    {
        Endpoints.Add(new ResourceEndpoint("tcp", "amqp", port));
        Endpoints.Add(new ResourceEndpoint("management", "http", managementPort));
    }

    internal void LoadPassword(AppHostContext context) => _password = context.GetOrCreateSecret("rabbitmq-password");

    public override async Task<ProcessSpec> PrepareAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerScript))
            throw new ResourceStartException("RabbitMQ is not installed: apt-get install -y rabbitmq-server (./run.sh does it for you).");
        LoadPassword(context);
        var root = Directory.CreateDirectory(Path.Combine(context.StateDirectory, "rabbitmq")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        var config = Path.Combine(root, "rabbitmq.conf");
        await File.WriteAllLinesAsync(config,
        [
            $"listeners.tcp.1 = 127.0.0.1:{GetEndpoint("tcp").Port}",
            $"management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {GetEndpoint("management").Port}",
            $"default_user = {User}",
            $"default_pass = {Password}",
            "default_permissions.configure = .*",
            "default_permissions.read = .*",
            "default_permissions.write = .*",
            "default_user_tags.administrator = true",
            "log.console = true",
            "log.console.level = info",
            "log.file = false",
        ], cancellationToken);
        var plugins = Path.Combine(root, "enabled_plugins");
        await File.WriteAllTextAsync(plugins, "[rabbitmq_management].\n", cancellationToken);
        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        Directory.CreateDirectory(Path.Combine(root, "log"));
        if (context.IsRoot) await RunToEndAsync("chown", "-R", $"{SystemUser}:{SystemUser}", root);

        return new ProcessSpec(ServerScript, [], root)
        {
            RunAsUser = context.IsRoot ? SystemUser : null,
            Environment = ServerEnvironment(root, home, config, plugins),
        };
    }

    private Dictionary<string, string> ServerEnvironment(string root, string home, string config, string plugins) => new()
    {
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_CONFIG_FILE"] = config,
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(),
        ["ERL_EPMD_PORT"] = PortMapperPort.ToString(),
        ["HOME"] = home,
    };

    public string NodeName => $"platform-{GetEndpoint("tcp").Port}@localhost";

    public override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(ConnectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The node is gone; its port mapper would otherwise stay behind.</summary>
    public override async Task AfterStopAsync(AppHostContext context)
    {
        try { await RunToEndAsync("epmd", "-port", PortMapperPort.ToString(), "-kill"); }
        catch (Exception ex) when (ex is ResourceStartException or System.ComponentModel.Win32Exception) { /* none was running */ }
    }
}
