using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace Platform.Deployment.Tests;

/// <summary>
/// What a schema cannot see in rendered manifests: whether the objects fit together and keep the
/// platform's rules. Each method returns the problems it found, one sentence each; none means it holds.
/// </summary>
public static partial class ManifestSemantics
{
    public static List<string> Problems(IReadOnlyList<object> objects, IReadOnlySet<string> externalSecrets, IReadOnlyList<string>? secretValues = null) =>
    [
        .. SelectorsMatchPods(objects),
        .. ReferencesExist(objects, externalSecrets),
        .. ServiceAddressesNameServices(objects),
        .. ProbesUseDeclaredPorts(objects),
        .. WorkloadsFollowThePolicy(objects),
        .. NoLoopbackAddress(objects),
        .. NoSecretInConfigMaps(objects, secretValues ?? []),
    ];

    public static IEnumerable<string> SelectorsMatchPods(IReadOnlyList<object> objects)
    {
        var deployments = objects.OfType<V1Deployment>().ToList();
        bool SelectsPods(IDictionary<string, string>? selector) =>
            selector is { Count: > 0 } && deployments.Any(d => Selects(selector, d.Spec.Template.Metadata.Labels));

        foreach (var deployment in deployments)
            if (!Selects(deployment.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels))
                yield return $"Deployment {deployment.Name()}: its selector does not match its pod template's labels.";
        foreach (var service in objects.OfType<V1Service>())
            if (!SelectsPods(service.Spec.Selector)) yield return $"Service {service.Name()}: its selector matches no Deployment's pods.";
        foreach (var budget in objects.OfType<V1PodDisruptionBudget>())
            if (!SelectsPods(budget.Spec.Selector?.MatchLabels)) yield return $"PodDisruptionBudget {budget.Name()}: its selector matches no Deployment's pods.";
        foreach (var autoscaler in objects.OfType<V2HorizontalPodAutoscaler>())
            if (autoscaler.Spec.ScaleTargetRef.Kind != "Deployment" || deployments.All(d => d.Name() != autoscaler.Spec.ScaleTargetRef.Name))
                yield return $"HorizontalPodAutoscaler {autoscaler.Name()}: it scales {autoscaler.Spec.ScaleTargetRef.Kind} {autoscaler.Spec.ScaleTargetRef.Name}, which is not a Deployment here.";
        foreach (var ingress in objects.OfType<V1Ingress>())
            foreach (var backend in ingress.Spec.Rules.SelectMany(r => r.Http.Paths).Select(p => p.Backend.Service))
            {
                var service = objects.OfType<V1Service>().FirstOrDefault(s => s.Name() == backend.Name);
                if (service is null || service.Spec.Ports.All(p => p.Name != backend.Port.Name && p.Port != backend.Port.Number))
                    yield return $"Ingress {ingress.Name()}: its backend {backend.Name}:{backend.Port.Name ?? backend.Port.Number?.ToString()} is no port of a Service here.";
            }
    }

    /// <summary>Every ConfigMap and Secret a pod or an Ingress names exists here (with the key), or is a documented external Secret.</summary>
    public static IEnumerable<string> ReferencesExist(IReadOnlyList<object> objects, IReadOnlySet<string> externalSecrets)
    {
        var configMaps = objects.OfType<V1ConfigMap>().ToDictionary(c => c.Name(), StringComparer.Ordinal);
        var secrets = objects.OfType<V1Secret>().Select(s => s.Name()).Concat(externalSecrets).ToHashSet(StringComparer.Ordinal);
        foreach (var (deployment, container) in Containers(objects))
        {
            var where = $"Deployment {deployment.Name()}, container {container.Name}";
            foreach (var source in container.EnvFrom ?? [])
            {
                if (source.ConfigMapRef is { } map && !configMaps.ContainsKey(map.Name)) yield return $"{where}: envFrom names the ConfigMap {map.Name}, which does not exist.";
                if (source.SecretRef is { } secret && !secrets.Contains(secret.Name)) yield return $"{where}: envFrom names the Secret {secret.Name}, which is neither here nor documented.";
            }
            foreach (var variable in container.Env ?? [])
            {
                if (variable.ValueFrom?.ConfigMapKeyRef is { } key
                    && (!configMaps.TryGetValue(key.Name, out var map) || map.Data?.ContainsKey(key.Key) != true))
                    yield return $"{where}: {variable.Name} reads {key.Key} of the ConfigMap {key.Name}, which does not exist.";
                if (variable.ValueFrom?.SecretKeyRef is { } secret && !secrets.Contains(secret.Name))
                    yield return $"{where}: {variable.Name} reads the Secret {secret.Name}, which is neither here nor documented.";
            }
        }
        foreach (var ingress in objects.OfType<V1Ingress>())
            foreach (var tls in ingress.Spec.Tls ?? [])
                if (!secrets.Contains(tls.SecretName)) yield return $"Ingress {ingress.Name()}: its TLS Secret {tls.SecretName} is neither here nor documented.";
    }

    /// <summary>Every <c>services__{name}__{endpoint}__N</c> a pod sees (its own or through its ConfigMap) is a URL of a Service port here.</summary>
    public static IEnumerable<string> ServiceAddressesNameServices(IReadOnlyList<object> objects)
    {
        var services = objects.OfType<V1Service>().ToDictionary(s => s.Name(), StringComparer.Ordinal);
        foreach (var (deployment, container) in Containers(objects))
            foreach (var (name, value) in Environment(objects, container).Where(v => v.Key.StartsWith("services__", StringComparison.Ordinal)))
            {
                var where = $"Deployment {deployment.Name()}: {name}={value}";
                if (!Uri.TryCreate(value, UriKind.Absolute, out var address)) { yield return $"{where} is not a URL."; continue; }
                var serviceName = address.Host.Split('.')[0];
                if (!services.TryGetValue(serviceName, out var service)) yield return $"{where} names no Service here.";
                else if (service.Spec.Ports.All(p => p.Port != address.Port)) yield return $"{where}: the Service {serviceName} has no port {address.Port}.";
                else if (name.Split("__") is [_, var referenced, ..] && referenced != serviceName) yield return $"{where} points at {serviceName}, not at {referenced}.";
            }
    }

    /// <summary>Readiness on /health, liveness on /alive, over HTTP, on ports the container declares.</summary>
    public static IEnumerable<string> ProbesUseDeclaredPorts(IReadOnlyList<object> objects)
    {
        foreach (var (deployment, container) in Containers(objects))
        {
            var where = $"Deployment {deployment.Name()}, container {container.Name}";
            var probes = new[] { ("readiness", container.ReadinessProbe, "/health"), ("liveness", container.LivenessProbe, "/alive"), ("startup", container.StartupProbe, null) };
            foreach (var (kind, probe, path) in probes)
            {
                if (probe is null) { if (kind != "startup") yield return $"{where} has no {kind} probe."; continue; }
                if (probe.HttpGet is not { } get) { yield return $"{where}: its {kind} probe is not an HTTP GET."; continue; }
                var port = get.Port.Value;
                var declared = (container.Ports ?? []).Any(p => p.Name == port || p.ContainerPort.ToString() == port);
                if (!declared) yield return $"{where}: its {kind} probe uses port {port}, which the container does not declare.";
                if (get.Scheme != "HTTP") yield return $"{where}: its {kind} probe's scheme is {get.Scheme ?? "unset"}, not HTTP.";
                if (path is not null && get.Path != path) yield return $"{where}: its {kind} probe asks {get.Path}, not {path}.";
            }
        }
    }

    /// <summary>Two replicas at least, rolling updates, requests and limits, non-root, read-only root file system.</summary>
    public static IEnumerable<string> WorkloadsFollowThePolicy(IReadOnlyList<object> objects)
    {
        foreach (var deployment in objects.OfType<V1Deployment>())
        {
            var where = $"Deployment {deployment.Name()}";
            if (deployment.Spec.Replicas is not >= 2) yield return $"{where} runs {deployment.Spec.Replicas?.ToString() ?? "the default of one"} replica(s), fewer than two.";
            if (deployment.Spec.Strategy?.Type != "RollingUpdate") yield return $"{where} does not update by rolling.";
            var pod = deployment.Spec.Template.Spec;
            foreach (var container in pod.Containers)
            {
                if (container.Resources?.Requests is not { Count: > 0 } || container.Resources.Limits is not { Count: > 0 })
                    yield return $"{where}, container {container.Name}: no resource requests and limits.";
                if (container.SecurityContext?.RunAsNonRoot != true && pod.SecurityContext?.RunAsNonRoot != true)
                    yield return $"{where}, container {container.Name}: may run as root.";
                if (container.SecurityContext?.ReadOnlyRootFilesystem != true)
                    yield return $"{where}, container {container.Name}: its root file system is writable.";
            }
        }
    }

    /// <summary>A pod's loopback is its own: an address there would point at nothing the platform runs.</summary>
    public static IEnumerable<string> NoLoopbackAddress(IReadOnlyList<object> objects) =>
        from item in objects
        let match = Loopback().Match(KubernetesYaml.Serialize(item))
        where match.Success
        select $"{Describe(item)} holds the loopback address {match.Value}.";

    /// <summary>ConfigMaps hold settings only: no key named like a secret, no credential in a value, no value of the model's secrets.</summary>
    public static IEnumerable<string> NoSecretInConfigMaps(IReadOnlyList<object> objects, IReadOnlyList<string> secretValues)
    {
        foreach (var map in objects.OfType<V1ConfigMap>())
            foreach (var (key, value) in map.Data ?? new Dictionary<string, string>())
            {
                if (SecretName().IsMatch(key)) yield return $"ConfigMap {map.Name()}: {key} is named like a secret.";
                if (Credential().IsMatch(value)) yield return $"ConfigMap {map.Name()}: {key} holds a credential.";
                if (secretValues.Any(s => s.Length > 0 && value.Contains(s, StringComparison.Ordinal))) yield return $"ConfigMap {map.Name()}: {key} holds a secret of the model.";
            }
        foreach (var item in objects)
        {
            var text = KubernetesYaml.Serialize(item);
            if (secretValues.Any(s => s.Length > 0 && text.Contains(s, StringComparison.Ordinal))) yield return $"{Describe(item)} holds a secret value of the model.";
        }
    }

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static IEnumerable<(V1Deployment Deployment, V1Container Container)> Containers(IReadOnlyList<object> objects) =>
        objects.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers.Select(c => (d, c)));

    /// <summary>The plain values a container sees: those of its ConfigMaps (envFrom), overridden by its own env.</summary>
    private static Dictionary<string, string> Environment(IReadOnlyList<object> objects, V1Container container)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
            if (source.ConfigMapRef is { } reference && objects.OfType<V1ConfigMap>().FirstOrDefault(c => c.Name() == reference.Name) is { Data: { } data })
                foreach (var (name, value) in data) values[(source.Prefix ?? "") + name] = value;
        foreach (var variable in container.Env ?? [])
            if (variable.Value is not null) values[variable.Name] = variable.Value;
        return values;
    }

    private static string Describe(object item) => item is IKubernetesObject<V1ObjectMeta> known ? $"{known.Kind} {known.Name()}" : item.GetType().Name;

    [GeneratedRegex(@"(?i)\blocalhost\b|\b127(\.\d{1,3}){3}\b|\[::1\]|\b0\.0\.0\.0\b")]
    private static partial Regex Loopback();

    [GeneratedRegex(@"(?i)password|passwd|secret|token|credential|(^|_)key(s)?(_|$)|hashkey|sharingkey")]
    private static partial Regex SecretName();

    /// <summary>A password in a connection string, or a user:password in a URL.</summary>
    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*[^;$\s]|://[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex Credential();
}
