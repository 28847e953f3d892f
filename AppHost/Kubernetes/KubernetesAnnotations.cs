using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Kubernetes;

/// <summary>The resource is reached from outside the cluster through an Ingress (its public base URL is an overlay parameter).</summary>
public sealed class KubernetesIngressAnnotation : IResourceAnnotation;

/// <summary>The resource's Deployment is scaled on CPU by a HorizontalPodAutoscaler between these bounds.</summary>
public sealed record KubernetesAutoscalingAnnotation(int MinReplicas, int MaxReplicas) : IResourceAnnotation;

public static class KubernetesAnnotationExtensions
{
    /// <summary>Published to Kubernetes with an Ingress: the one way into the platform from outside the cluster.</summary>
    public static IResourceBuilder<ProjectResource> WithKubernetesIngress(this IResourceBuilder<ProjectResource> project) =>
        project.WithAnnotation(new KubernetesIngressAnnotation());

    /// <summary>Published to Kubernetes with a HorizontalPodAutoscaler (never fewer than two replicas, so a pod can always be lost).</summary>
    public static IResourceBuilder<ProjectResource> WithKubernetesAutoscaling(this IResourceBuilder<ProjectResource> project, int minReplicas, int maxReplicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minReplicas, WorkloadDefaults.MinimumReplicas);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReplicas, minReplicas);
        return project.WithAnnotation(new KubernetesAutoscalingAnnotation(minReplicas, maxReplicas));
    }
}
