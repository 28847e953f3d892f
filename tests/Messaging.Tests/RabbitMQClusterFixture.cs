using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Resources;
using Platform.AppHost.Resources.RabbitMQ;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A three-node RabbitMQ cluster of its own (the AppHost's <c>AddLocalRabbitMQCluster</c>, as <c>./run.sh --messaging cluster</c>
/// runs it), on free ports and throwaway data folders: its tests kill and stop nodes, which no other test may see.
/// Disposing it stops every node and removes their data, whatever the tests left behind.
/// </summary>
public sealed class RabbitMQClusterFixture : IAsyncLifetime
{
    private const string Name = "messaging";
    private TestApplication? _app;
    private string _password = "";

    public TestApplication App => _app ?? throw new InvalidOperationException("The cluster has not started.");
    public RabbitMQClusterResource Cluster => App.Resource<RabbitMQClusterResource>(Name);
    public IReadOnlyList<RabbitMQServerResource> Nodes => Cluster.Nodes;

    public async Task InitializeAsync()
    {
        var builder = TestApplication.Servers();
        builder.AddLocalRabbitMQCluster(Name, builder.AddGeneratedSecret("rabbitmq-password"), port: 55672, managementPort: 55673);
        _app = await TestApplication.StartAsync(builder);
        _password = await _app.SecretAsync("rabbitmq-password");
    }

    /// <summary>The cluster's connection string, pointed at <paramref name="virtualHost"/>.</summary>
    public string BrokerFor(string virtualHost) => $"{App.GetConnectionString(Name)}/{Uri.EscapeDataString(virtualHost)}";

    /// <summary>Starts whatever node an earlier test left down, and waits until the three are one cluster again.</summary>
    public async Task EveryNodeUpAsync()
    {
        foreach (var node in Nodes.Where(n => !IsRunning(n.Name)))
            await App.StartResourceAsync(node.Name);
        await App.WaitForHealthyAsync(Name, TimeSpan.FromMinutes(1));
    }

    public bool IsRunning(string resource) => App.Snapshot(resource).State?.Text == KnownResourceStates.Running;

    /// <summary>Ends a node at once (SIGKILL to its Erlang VM), as a crash or a lost machine would.</summary>
    public async Task KillAsync(RabbitMQServerResource node)
    {
        var script = App.ProcessId(node.Name) ?? throw new InvalidOperationException($"{node.Name} has no process.");
        // The resource's process is the rabbitmq-server script; the node is its child, the Erlang VM.
        foreach (var vm in ProcessSignals.ChildrenOf(script)) ProcessSignals.KillNow(vm);
        ProcessSignals.KillNow(script);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await App.Notifications.WaitForResourceAsync(node.Name, KnownResourceStates.TerminalStates, timeout.Token);
    }

    public RabbitMQServerResource NodeNamed(string erlangNodeName) => Nodes.Single(n => n.NodeName == erlangNodeName);

    public async Task CreateVirtualHostAsync(string name)
    {
        using var http = await ManagementClientAsync();
        (await http.PutAsync($"api/vhosts/{Uri.EscapeDataString(name)}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"api/permissions/{Uri.EscapeDataString(name)}/{RabbitMQServerResource.UserName}", permissions)).EnsureSuccessStatusCode();
    }

    /// <summary>A queue as the management API shows it: its type, the node leading it, its members and which of them are online.</summary>
    public async Task<QueueInfo> QueueAsync(string virtualHost, string queue)
    {
        using var http = await ManagementClientAsync();
        return await http.GetFromJsonAsync<QueueInfo>($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}")
            ?? throw new InvalidOperationException($"No queue {queue}.");
    }

    /// <summary>What the cluster says about itself and a queue, for a failing test's output.</summary>
    public async Task<string> DescribeAsync(string virtualHost, string queue)
    {
        using var http = await ManagementClientAsync();
        var parts = new List<string>();
        foreach (var path in new[]
                 {
                     "api/nodes?columns=name,running,partitions",
                     $"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}?columns=name,type,state,leader,members,online,messages,consumers",
                     $"api/connections?columns=name,node,state",
                 })
        {
            try { parts.Add($"{path}: {await http.GetStringAsync(path)}"); }
            catch (HttpRequestException ex) { parts.Add($"{path}: {ex.Message}"); }
        }
        return string.Join(Environment.NewLine, parts);
    }

    public sealed record QueueInfo(string Type, string? Leader, List<string> Members, List<string>? Online);

    /// <summary>The management API of the first node that runs (every node's answers for the whole cluster).</summary>
    private Task<HttpClient> ManagementClientAsync()
    {
        var node = Nodes.FirstOrDefault(n => IsRunning(n.Name)) ?? throw new InvalidOperationException("No node runs.");
        var http = new HttpClient { BaseAddress = new Uri(node.ManagementEndpoint.Url), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitMQServerResource.UserName}:{_password}")));
        return Task.FromResult(http);
    }

    public async Task DisposeAsync()
    {
        if (_app is null) return;
        var nodes = Nodes.ToList();
        try
        {
            await _app.DisposeAsync();
        }
        finally
        {
            // Aspire stops the nodes and deletes their folders; should a node outlive that, it is ended and its folder removed here.
            foreach (var node in nodes)
            {
                foreach (var vm in ProcessSignals.Find("beam.smp", $"RABBITMQ_NODENAME={node.NodeName}")) ProcessSignals.KillNow(vm);
                foreach (var portMapper in ProcessSignals.Find("epmd", $"ERL_EPMD_PORT={node.PortMapperPort}")) ProcessSignals.Terminate(portMapper);
                try { Directory.Delete(node.DataRoot, recursive: true); }
                catch (DirectoryNotFoundException) { }
            }
        }
    }
}
