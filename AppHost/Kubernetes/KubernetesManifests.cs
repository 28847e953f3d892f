using Aspire.Hosting.ApplicationModel;
using k8s;
using k8s.Models;

namespace Platform.AppHost.Kubernetes;

/// <summary>Where the manifests go and which images they name.</summary>
public sealed record KubernetesPublishOptions(string OutputDirectory, string ImageRegistry, string ImageTag)
{
    public const string DefaultImageRegistry = "registry.example.org/coordination-platform";
    public const string DefaultImageTag = "1.0.0";
}

/// <summary>
/// Writes Kustomize manifests generated from the AppHost's model: every project becomes a workload
/// (<c>base/{name}.yaml</c>), its references become environment variables, its endpoints ports and
/// Services; <c>overlays/staging</c> and <c>overlays/production</c> add the parameters of each place.
/// </summary>
public static class KubernetesManifests
{
    public static readonly IReadOnlyList<Overlay> Overlays =
    [
        new("staging", "Staging", ProductionReplicas: null),
        new("production", "Production", ProductionReplicas: 3),
    ];

    public sealed record Overlay(string Name, string EnvironmentName, int? ProductionReplicas)
    {
        public string Namespace => $"{WorkloadDefaults.PartOf}-{Name}";
    }

    public static async Task<IReadOnlyList<string>> WriteAsync(DistributedApplicationModel model, DistributedApplicationExecutionContext executionContext,
        KubernetesPublishOptions options, CancellationToken cancellationToken = default)
    {
        var inputs = new ClusterInputs();
        var workloads = model.Resources.OfType<ProjectResource>().Where(p => !p.IsExcludedFromPublish())
            .Select(Workload.From).ToDictionary(w => w.Name, StringComparer.Ordinal);
        var written = new List<string>();
        var baseDirectory = Directory.CreateDirectory(Path.Combine(options.OutputDirectory, "base")).FullName;

        foreach (var workload in workloads.Values)
        {
            var environment = await WorkloadEnvironment.ReadAsync(workload, workloads, executionContext, inputs, cancellationToken);
            var objects = WorkloadManifests.For(workload, environment, inputs).ToList();
            written.Add(await WriteAsync(Path.Combine(baseDirectory, $"{workload.Name}.yaml"), KubernetesYaml.SerializeAll(objects), cancellationToken));
        }
        written.Add(await WriteAsync(Path.Combine(baseDirectory, "kustomization.yaml"), KubernetesYaml.Serialize(new Kustomization
        {
            Resources = [.. workloads.Keys.Select(name => $"{name}.yaml")],
        }), cancellationToken));

        foreach (var overlay in Overlays)
        {
            var folder = Directory.CreateDirectory(Path.Combine(options.OutputDirectory, "overlays", overlay.Name)).FullName;
            written.Add(await WriteAsync(Path.Combine(folder, "kustomization.yaml"),
                KubernetesYaml.Serialize(OverlayKustomization.For(overlay, workloads.Values, options)), cancellationToken));
            written.Add(await WriteAsync(Path.Combine(folder, "external-services.env"), OverlayKustomization.ParametersFile(overlay, inputs), cancellationToken));
        }
        written.Add(await WriteAsync(Path.Combine(options.OutputDirectory, "README.md"), ManifestsReadme.For(inputs, options), cancellationToken));
        return written;
    }

    private static async Task<string> WriteAsync(string path, string content, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, content.EndsWith('\n') ? content : content + "\n", cancellationToken);
        return path;
    }
}
