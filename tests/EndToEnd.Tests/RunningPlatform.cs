using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// One running platform for every end-to-end class: a start costs half a minute and two cores, so the
/// classes share it and run one after another (the ones that stop or kill a service bring it back).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunningPlatform : ICollectionFixture<PlatformFixture>
{
    public const string Name = "running platform";
}
