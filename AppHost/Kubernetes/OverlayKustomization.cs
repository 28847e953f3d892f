using System.Text;

namespace Platform.AppHost.Kubernetes;

/// <summary>What an overlay adds to the base: its namespace, images, environment name, parameters and, in production, more replicas.</summary>
public static class OverlayKustomization
{
    public const string ParametersFileName = "external-services.env";

    public static Kustomization For(KubernetesManifests.Overlay overlay, IEnumerable<Workload> workloads, KubernetesPublishOptions options)
    {
        var all = workloads.ToList();
        var patches = new List<Kustomization.PatchEntry>
        {
            new(new("ConfigMap", LabelSelector: $"{WorkloadDefaults.ComponentLabel}={WorkloadManifests.SettingsComponent}"),
                JsonPatch(("/data/ASPNETCORE_ENVIRONMENT", overlay.EnvironmentName), ("/data/DOTNET_ENVIRONMENT", overlay.EnvironmentName))),
        };
        if (overlay.ProductionReplicas is { } replicas)
        {
            foreach (var workload in all)
            {
                var wanted = Math.Max(replicas, workload.Replicas);
                patches.Add(new(new("Deployment", workload.Name), JsonPatch(("/spec/replicas", wanted))));
                if (workload.Autoscaling is { } autoscaling)
                    patches.Add(new(new("HorizontalPodAutoscaler", workload.Name),
                        JsonPatch(("/spec/minReplicas", wanted), ("/spec/maxReplicas", Math.Max(wanted, autoscaling.MaxReplicas)))));
            }
        }
        return new Kustomization
        {
            Namespace = overlay.Namespace,
            Resources = ["../../base"],
            Labels = [new(new() { ["app.kubernetes.io/instance"] = overlay.Name })],
            ConfigMapGenerator = [new(ClusterInputs.ConfigMapName, [ParametersFileName])],
            Images = [.. all.Select(w => new Kustomization.Image(WorkloadManifests.ImageName(w.Name), $"{options.ImageRegistry.TrimEnd('/')}/{w.Name}", options.ImageTag))],
            Patches = patches,
            Replacements = [.. all.Where(w => w.HasIngress).Select(PublicHost)],
        };
    }

    /// <summary>The overlay's parameters, one per line, each under the comment saying what it is.</summary>
    public static string ParametersFile(KubernetesManifests.Overlay overlay, ClusterInputs inputs)
    {
        var text = new StringBuilder()
            .AppendLine($"# Parameters of the {overlay.Name} overlay: where the platform's external services are.")
            .AppendLine("# Addresses only: credentials are Secrets made in the cluster (see ../../README.md), never written here.");
        foreach (var parameter in inputs.Parameters)
            text.AppendLine().AppendLine($"# {parameter.Description}").AppendLine($"{parameter.Key}={parameter.ExampleFor(overlay.Name)}");
        return text.ToString();
    }

    /// <summary>The Ingress's host (rule and certificate) from the overlay's parameter, so it is given once.</summary>
    private static Kustomization.Replacement PublicHost(Workload workload) => new(
        new("ConfigMap", ClusterInputs.ConfigMapName, $"data.{WorkloadDefaults.PublicHostVariable(workload.Name)}"),
        [new(new("Ingress", workload.Name), ["spec.rules.0.host", "spec.tls.0.hosts.0"])]);

    private static string JsonPatch(params (string Path, object Value)[] operations) =>
        string.Concat(operations.Select(o => $"- op: add\n  path: {o.Path}\n  value: {(o.Value is string s ? $"\"{s}\"" : o.Value)}\n"));
}
