namespace Platform.AppHost.Kubernetes;

/// <summary>What every workload of the platform shares in a cluster.</summary>
public static class WorkloadDefaults
{
    public const int MinimumReplicas = 2;
    /// <summary>The port the .NET container images listen on (<c>ASPNETCORE_HTTP_PORTS</c>).</summary>
    public const int FirstContainerPort = 8080;
    /// <summary>The <c>app</c> user of the .NET container images: never root.</summary>
    public const long ImageUserId = 1654;
    /// <summary>ServiceDefaults' readiness (every check: database, broker) and liveness (the process answers) endpoints.</summary>
    public const string ReadinessPath = "/health";
    public const string LivenessPath = "/alive";
    public const string PartOf = "coordination-platform";
    public const string NameLabel = "app.kubernetes.io/name";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string ComponentLabel = "app.kubernetes.io/component";

    /// <summary>What a Deployment selects its pods by (and a Service, a PodDisruptionBudget): never changed once applied.</summary>
    public static Dictionary<string, string> SelectorLabels(string workload) => new(StringComparer.Ordinal)
    {
        [NameLabel] = workload,
        [PartOfLabel] = PartOf,
    };

    public static Dictionary<string, string> Labels(string workload, string component) =>
        new(SelectorLabels(workload), StringComparer.Ordinal) { [ComponentLabel] = component };

    /// <summary>The variable holding the public host name of a workload published through an Ingress.</summary>
    public static string PublicHostVariable(string workload) => $"{ExternalServices.VariablePrefix(workload)}_PUBLIC_HOST";

    public static OverlayParameter PublicHost(string workload) => new(
        PublicHostVariable(workload),
        $"public host name of the {workload} (its Ingress rule and TLS certificate, and the token issuer's URL https://HOST)",
        overlay => overlay == "production" ? "api.coordination.example.org" : $"api.{overlay}.coordination.example.org");
}
