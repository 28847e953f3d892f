using k8s.Models;

namespace Platform.AppHost.Kubernetes;

/// <summary>The four kinds of environment variable the workloads use (KubernetesClient's models have no constructors for them).</summary>
public static class EnvVars
{
    public static V1EnvVar Value(string name, string value) => new() { Name = name, Value = value };

    public static V1EnvVar FromConfigMap(string name, string configMap, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { ConfigMapKeyRef = new V1ConfigMapKeySelector { Name = configMap, Key = key } } };

    public static V1EnvVar FromSecret(string name, string secret, string key) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } };

    public static V1EnvVar FromField(string name, string fieldPath) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = fieldPath } } };
}
