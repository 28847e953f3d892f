namespace Platform.AppHost.Resources.RabbitMQ;

/// <summary>
/// How the nodes of a <see cref="RabbitMQClusterResource"/> become one cluster. A blank seed starts a cluster of
/// its own; the other nodes, when blank, find it through classic peer discovery (the node list in their
/// configuration) and join it, retrying for a minute while it boots. Started all at once, no two blank nodes can
/// both start a cluster. Nodes with data rejoin the cluster they belong to by themselves.
/// </summary>
internal static class ClusterMembership
{
    private const int DiscoveryRetries = 120;
    private static readonly TimeSpan DiscoveryRetryInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Writes the cluster's Erlang cookie into the node's home; returns the node's lines of <c>rabbitmq.conf</c>.</summary>
    public static async Task<string[]> ConfigureAsync(RabbitMQServerResource node, RabbitMQClusterResource cluster, CancellationToken cancellationToken)
    {
        var cookieFile = Path.Combine(node.DataRoot, "home", ".erlang.cookie");
        if (File.Exists(cookieFile)) File.SetUnixFileMode(cookieFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(cookieFile, await cluster.Cookie.GetValueAsync(cancellationToken), cancellationToken);
        // Erlang refuses a cookie others can read.
        File.SetUnixFileMode(cookieFile, UnixFileMode.UserRead);

        // A node that sees fewer than two of the three pauses (closes its clients' connections) rather than
        // serve alone: clients move to the majority, and they come back to it on fresh channels once it sees a
        // majority again. (Left serving, RabbitMQ 3.10 went on rejecting a channel's publishes to a quorum queue
        // that lost its majority even after the queue had a leader again.)
        const string partitionHandling = "cluster_partition_handling = pause_minority";
        if (ReferenceEquals(node, cluster.Seed)) return [partitionHandling];
        return
        [
            partitionHandling,
            "cluster_formation.peer_discovery_backend = classic_config",
            .. cluster.Nodes.Select((member, i) => $"cluster_formation.classic_config.nodes.{i + 1} = {member.NodeName}"),
            $"cluster_formation.discovery_retry_limit = {DiscoveryRetries}",
            $"cluster_formation.discovery_retry_interval = {(int)DiscoveryRetryInterval.TotalMilliseconds}",
        ];
    }
}
