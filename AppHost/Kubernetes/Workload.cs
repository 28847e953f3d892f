using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Kubernetes;

/// <summary>One of the model's endpoints as a named container port behind a Service port.</summary>
public sealed record WorkloadPort(string Name, string Scheme, int ContainerPort, int ServicePort);

/// <summary>A project of the AppHost's model as it runs in a cluster: a Deployment behind a Service.</summary>
public sealed record Workload(ProjectResource Resource, IReadOnlyList<WorkloadPort> Ports, int Replicas, bool HasIngress, KubernetesAutoscalingAnnotation? Autoscaling)
{
    public string Name => Resource.Name;

    /// <summary>
    /// The model's endpoints keep their names; the ports change: a pod has a network of its own, so every
    /// workload listens on the .NET images' port (8080 onwards) and its Service answers on 80 for http.
    /// </summary>
    public static Workload From(ProjectResource project)
    {
        var endpoints = project.Annotations.OfType<EndpointAnnotation>().ToList();
        if (endpoints.Count == 0) throw new NotSupportedException($"{project.Name} has no endpoint: a Service needs a port.");
        var ports = endpoints.Select((endpoint, index) => new WorkloadPort(
            endpoint.Name,
            endpoint.UriScheme,
            WorkloadDefaults.FirstContainerPort + index,
            index == 0 && endpoint.UriScheme == "http" ? 80 : WorkloadDefaults.FirstContainerPort + index)).ToList();
        var autoscaling = project.Annotations.OfType<KubernetesAutoscalingAnnotation>().LastOrDefault();
        // The model's replica count (WithReplicas) where it asks for more, never fewer than two: one pod may always go.
        var replicas = Math.Max(WorkloadDefaults.MinimumReplicas, Math.Max(project.GetReplicaCount(), autoscaling?.MinReplicas ?? 0));
        return new Workload(project, ports, replicas, project.HasAnnotationOfType<KubernetesIngressAnnotation>(), autoscaling);
    }
}
