using Platform.Testing;
namespace Platform.Dashboard.Tests;

/// <summary>The browser tests and the telemetry API tests share one running platform: starting it takes most of their time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardPlatform>
{
    public const string Name = "Aspire dashboard";
}
