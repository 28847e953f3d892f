using k8s.Models;

namespace Platform.AppHost.Kubernetes;

/// <summary>A setting each overlay gives in its <c>external-services.env</c>: an address, never a credential.</summary>
public sealed record OverlayParameter(string Key, string Description, Func<string, string> ExampleFor);

/// <summary>A Secret the manifests name but never contain: made in the cluster by whoever holds the values.</summary>
public sealed record ExternalSecret(string Name, string Purpose)
{
    public SortedSet<string> Keys { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> UsedBy { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// What the cluster must give the platform from outside the manifests, collected while the workloads are
/// built: the overlays' parameters (the ConfigMap <see cref="ConfigMapName"/>) and the external Secrets.
/// </summary>
public sealed class ClusterInputs
{
    /// <summary>Generated in each overlay from its <c>external-services.env</c> (Kustomize adds a hash, so a change rolls the pods).</summary>
    public const string ConfigMapName = "external-services";

    private readonly Dictionary<string, OverlayParameter> _parameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExternalSecret> _secrets = new(StringComparer.Ordinal);

    public IEnumerable<OverlayParameter> Parameters => _parameters.Values.OrderBy(p => p.Key, StringComparer.Ordinal);
    public IEnumerable<ExternalSecret> Secrets => _secrets.Values.OrderBy(s => s.Name, StringComparer.Ordinal);

    /// <summary>A parameter every overlay must give, read by Kustomize itself (the Ingress's host) rather than by a pod.</summary>
    public void Require(OverlayParameter parameter) => _parameters.TryAdd(parameter.Key, parameter);

    /// <summary>An environment variable read from the overlay's parameter <paramref name="parameter"/>.</summary>
    public V1EnvVar FromParameter(string variable, OverlayParameter parameter)
    {
        Require(parameter);
        return EnvVars.FromConfigMap(variable, ConfigMapName, parameter.Key);
    }

    /// <summary>An environment variable read from the external Secret <paramref name="secret"/>, key <paramref name="key"/>.</summary>
    public V1EnvVar FromSecret(string variable, string secret, string key, string purpose, string workload)
    {
        if (!_secrets.TryGetValue(secret, out var known)) _secrets[secret] = known = new ExternalSecret(secret, purpose);
        known.Keys.Add(key);
        known.UsedBy.Add(workload);
        return EnvVars.FromSecret(variable, secret, key);
    }

    /// <summary>A Secret that is not read into an environment variable (the Ingress's TLS certificate).</summary>
    public void NameSecret(string secret, string key, string purpose, string usedBy)
    {
        if (!_secrets.TryGetValue(secret, out var known)) _secrets[secret] = known = new ExternalSecret(secret, purpose);
        known.Keys.Add(key);
        known.UsedBy.Add(usedBy);
    }
}
