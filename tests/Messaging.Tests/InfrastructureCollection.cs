using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>One PostgreSQL and one RabbitMQ for the run; each test takes its own database and virtual host.</summary>
[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureServers>
{
    public const string Name = "infrastructure";
}
