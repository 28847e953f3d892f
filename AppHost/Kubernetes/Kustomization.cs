namespace Platform.AppHost.Kubernetes;

/// <summary>
/// A <c>kustomization.yaml</c> (Kustomize's own format, so not among KubernetesClient's models): only
/// the fields the base and the overlays use. Serialised with KubernetesYaml like the objects.
/// </summary>
public sealed class Kustomization
{
    public string ApiVersion { get; init; } = "kustomize.config.k8s.io/v1beta1";
    public string Kind { get; init; } = "Kustomization";
    public string? Namespace { get; init; }
    public List<string>? Resources { get; init; }
    public List<Label>? Labels { get; init; }
    public List<GeneratedConfigMap>? ConfigMapGenerator { get; init; }
    public List<Image>? Images { get; init; }
    public List<PatchEntry>? Patches { get; init; }
    public List<Replacement>? Replacements { get; init; }

    /// <summary>Labels on every object, left out of selectors (a Deployment's selector cannot change once applied).</summary>
    public sealed record Label(Dictionary<string, string> Pairs, bool IncludeSelectors = false);
    public sealed record GeneratedConfigMap(string Name, List<string> Envs);
    public sealed record Image(string Name, string NewName, string NewTag);
    public sealed record PatchEntry(PatchTarget Target, string Patch);
    public sealed record PatchTarget(string Kind, string? Name = null, string? LabelSelector = null);
    public sealed record Replacement(ReplacementSource Source, List<ReplacementTarget> Targets);
    public sealed record ReplacementSource(string Kind, string Name, string FieldPath);
    public sealed record ReplacementTarget(ReplacementSelect Select, List<string> FieldPaths);
    public sealed record ReplacementSelect(string Kind, string Name);
}
