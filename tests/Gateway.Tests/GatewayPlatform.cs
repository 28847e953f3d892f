using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// One whole platform (the AppHost's model on free ports) for every gateway test class: partners,
/// tokens and routes are the gateway's concern, so the tests share it and run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GatewayPlatform : ICollectionFixture<PlatformFixture>
{
    public const string Name = "gateway platform";
}
