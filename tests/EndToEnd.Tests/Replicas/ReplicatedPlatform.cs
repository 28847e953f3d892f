using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Operations;
using Platform.AppHost.Resources;
using Platform.AppHost.Resources.Projects;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>The whole platform as <c>./run.sh --replicas 2</c> starts it: two instances of every service and of the gateway.</summary>
public sealed class ReplicatedPlatform : PlatformFixture
{
    public const int Replicas = 2;

    protected override Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(CancellationToken cancellationToken) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(["--replicas", Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);

    private ResourceWatcher Watcher => App.Aspire.Services.GetRequiredService<ResourceWatcher>();

    private IResource Project(string name) => App.Resource<ProjectResource>(name);

    /// <summary>Where each instance of <paramref name="name"/> listens (not Aspire's proxy in front of them).</summary>
    public IReadOnlyList<string> InstanceAddresses(string name) => ServiceReplicas.InstanceAddresses(Watcher, Project(name));

    /// <summary>Kills the service process of one instance for real (SIGKILL); its address.</summary>
    public string KillInstance(string name, int index)
    {
        var instance = Watcher.InstancesOf(Project(name))[index];
        var address = InstanceAddresses(name)[index];
        var launcher = ResourceWatcher.ProcessId(instance.Snapshot) ?? throw new InvalidOperationException($"{instance.ResourceId} has no process id.");
        // Aspire runs a project through `dotnet run`; the service is the process below it.
        Process.GetProcessById(ProcessSignals.TreeOf(launcher).Last()).Kill();
        return address;
    }
}
