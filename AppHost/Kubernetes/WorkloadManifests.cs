using k8s;
using k8s.Models;

namespace Platform.AppHost.Kubernetes;

/// <summary>The Kubernetes objects of one workload, as typed models of the KubernetesClient package.</summary>
public static class WorkloadManifests
{
    public const string SettingsComponent = "settings";

    public static string SettingsName(string workload) => $"{workload}-settings";
    public static string TlsSecretName(string workload) => $"{workload}-tls";
    /// <summary>The image name the base uses; each overlay's <c>images:</c> gives the registry and tag.</summary>
    public static string ImageName(string workload) => $"{WorkloadDefaults.PartOf}/{workload}";

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> For(Workload workload, WorkloadEnvironment environment, ClusterInputs inputs)
    {
        yield return Settings(workload, environment);
        yield return Deployment(workload, environment);
        yield return Service(workload);
        yield return DisruptionBudget(workload);
        if (workload.Autoscaling is { } autoscaling) yield return Autoscaler(workload, autoscaling);
        if (workload.HasIngress) yield return Ingress(workload, inputs);
    }

    private static V1ObjectMeta Metadata(Workload workload, string? name = null, string component = "service") =>
        new() { Name = name ?? workload.Name, Labels = WorkloadDefaults.Labels(workload.Name, component) };

    private static V1ConfigMap Settings(Workload workload, WorkloadEnvironment environment) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = Metadata(workload, SettingsName(workload.Name), SettingsComponent),
        Data = new Dictionary<string, string>(environment.Settings, StringComparer.Ordinal),
    };

    private static V1Deployment Deployment(Workload workload, WorkloadEnvironment environment) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Metadata(workload),
        Spec = new V1DeploymentSpec
        {
            Replicas = workload.Replicas,
            RevisionHistoryLimit = 5,
            Selector = new V1LabelSelector { MatchLabels = WorkloadDefaults.SelectorLabels(workload.Name) },
            // A new pod is ready before an old one goes: capacity never drops during a rollout.
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
            },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = WorkloadDefaults.Labels(workload.Name, "service") },
                Spec = Pod(workload, environment),
            },
        },
    };

    private static V1PodSpec Pod(Workload workload, WorkloadEnvironment environment) => new()
    {
        // The services never call the Kubernetes API.
        AutomountServiceAccountToken = false,
        TerminationGracePeriodSeconds = 30,
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = WorkloadDefaults.ImageUserId,
            RunAsGroup = WorkloadDefaults.ImageUserId,
            FsGroup = WorkloadDefaults.ImageUserId,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        // Replicas on different nodes where the cluster has them, so losing a node loses one replica.
        TopologySpreadConstraints =
        [
            new V1TopologySpreadConstraint
            {
                MaxSkew = 1,
                TopologyKey = "kubernetes.io/hostname",
                WhenUnsatisfiable = "ScheduleAnyway",
                LabelSelector = new V1LabelSelector { MatchLabels = WorkloadDefaults.SelectorLabels(workload.Name) },
            },
        ],
        Containers = [Container(workload, environment)],
        // The root file system is read-only; .NET still wants a writable temporary folder.
        Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity("64Mi") } }],
    };

    private static V1Container Container(Workload workload, WorkloadEnvironment environment)
    {
        var http = workload.Ports[0].Name;
        return new V1Container
        {
            Name = workload.Name,
            Image = ImageName(workload.Name),
            ImagePullPolicy = "IfNotPresent",
            Ports = [.. workload.Ports.Select(p => new V1ContainerPort { Name = p.Name, ContainerPort = p.ContainerPort, Protocol = "TCP" })],
            EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = SettingsName(workload.Name) } }],
            Env = [.. environment.Variables],
            // Ready when its database and the broker answer; restarted only when the process itself stops answering.
            ReadinessProbe = HttpProbe(WorkloadDefaults.ReadinessPath, http, periodSeconds: 10, failureThreshold: 3),
            LivenessProbe = HttpProbe(WorkloadDefaults.LivenessPath, http, periodSeconds: 10, failureThreshold: 6),
            // A service migrates its database before it listens: up to five minutes before liveness counts.
            StartupProbe = HttpProbe(WorkloadDefaults.LivenessPath, http, periodSeconds: 5, failureThreshold: 60),
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("256Mi") },
                Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("1"), ["memory"] = new("512Mi") },
            },
            SecurityContext = new V1SecurityContext
            {
                RunAsNonRoot = true,
                ReadOnlyRootFilesystem = true,
                AllowPrivilegeEscalation = false,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
            VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
        };
    }

    private static V1Probe HttpProbe(string path, string port, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port, Scheme = "HTTP" },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 5,
        FailureThreshold = failureThreshold,
    };

    private static V1Service Service(Workload workload) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(workload),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = WorkloadDefaults.SelectorLabels(workload.Name),
            Ports = [.. workload.Ports.Select(p => new V1ServicePort { Name = p.Name, Port = p.ServicePort, TargetPort = p.Name, Protocol = "TCP" })],
        },
    };

    /// <summary>Voluntary disruptions (node drains, upgrades) leave at least one pod serving.</summary>
    private static V1PodDisruptionBudget DisruptionBudget(Workload workload) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = Metadata(workload),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MinAvailable = 1,
            Selector = new V1LabelSelector { MatchLabels = WorkloadDefaults.SelectorLabels(workload.Name) },
        },
    };

    private static V2HorizontalPodAutoscaler Autoscaler(Workload workload, KubernetesAutoscalingAnnotation autoscaling) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = Metadata(workload),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = workload.Name },
            MinReplicas = autoscaling.MinReplicas,
            MaxReplicas = autoscaling.MaxReplicas,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource { Name = "cpu", Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 70 } },
                },
            ],
            // Scale down slowly: a burst of invitations often comes in waves.
            Behavior = new V2HorizontalPodAutoscalerBehavior
            {
                ScaleDown = new V2HPAScalingRules { StabilizationWindowSeconds = 300 },
            },
        },
    };

    /// <summary>The public way in: TLS ends at the Ingress; its host is the overlay's parameter (a Kustomize replacement puts it here).</summary>
    private static V1Ingress Ingress(Workload workload, ClusterInputs inputs)
    {
        var placeholder = $"{workload.Name}.host.invalid";
        inputs.Require(WorkloadDefaults.PublicHost(workload.Name));
        foreach (var key in new[] { "tls.crt", "tls.key" })
            inputs.NameSecret(TlsSecretName(workload.Name), key, $"TLS certificate of the {workload.Name}'s public host (type kubernetes.io/tls)", $"{workload.Name} Ingress");
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = Metadata(workload),
            Spec = new V1IngressSpec
            {
                IngressClassName = "nginx",
                Tls = [new V1IngressTLS { Hosts = [placeholder], SecretName = TlsSecretName(workload.Name) }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = placeholder,
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath
                                {
                                    Path = "/",
                                    PathType = "Prefix",
                                    Backend = new V1IngressBackend
                                    {
                                        Service = new V1IngressServiceBackend { Name = workload.Name, Port = new V1ServiceBackendPort { Name = workload.Ports[0].Name } },
                                    },
                                },
                            ],
                        },
                    },
                ],
            },
        };
    }
}
