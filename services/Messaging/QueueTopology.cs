namespace Platform.Messaging;

/// <summary>What kind of queues the service declares: quorum queues on a cluster (<c>Messaging:QuorumQueues</c>), else classic ones.</summary>
public sealed record QueueTopology(bool QuorumQueues);
