using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using k8s.Models;

namespace Platform.AppHost.Kubernetes;

/// <summary>
/// A workload's environment as the model gives it (Aspire's environment callbacks in publish mode), turned
/// into what a pod reads: plain settings for its ConfigMap, and variables taken from Secrets, from the
/// overlay's parameters or composed from both. Nothing the model marks secret becomes a setting.
/// </summary>
public sealed class WorkloadEnvironment
{
    private readonly List<V1EnvVar> _variables = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Non-secret settings, for the workload's ConfigMap.</summary>
    public SortedDictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables in the order Kubernetes needs them: a <c>$(VAR)</c> only sees those before it.</summary>
    public IReadOnlyList<V1EnvVar> Variables => _variables;

    public static async Task<WorkloadEnvironment> ReadAsync(Workload workload, IReadOnlyDictionary<string, Workload> workloads,
        DistributedApplicationExecutionContext executionContext, ClusterInputs inputs, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(executionContext, workload.Resource, values, cancellationToken);
        foreach (var callback in workload.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>()) await callback.Callback(context);

        var environment = new WorkloadEnvironment();
        var resolver = new ValueResolver(workload, workloads, inputs, environment);
        foreach (var (name, value) in values) resolver.Add(name, value);
        if (workload.Resource.HasAnnotationOfType<OtlpExporterAnnotation>())
            foreach (var variable in ExternalServices.Telemetry(workload.Name, inputs)) environment.AddVariable(variable);
        return environment;
    }

    internal void AddVariable(V1EnvVar variable)
    {
        if (_names.Add(variable.Name)) _variables.Add(variable);
    }

    /// <summary>Turns one model value into settings and variables; throws on a kind of value it does not know, naming it.</summary>
    private sealed class ValueResolver(Workload workload, IReadOnlyDictionary<string, Workload> workloads, ClusterInputs inputs, WorkloadEnvironment environment)
    {
        public void Add(string name, object value)
        {
            switch (value)
            {
                case string literal:
                    environment.Settings[name] = literal;
                    break;
                case ParameterResource { Secret: true } secret:
                    environment.AddVariable(SecretVariable(name, secret));
                    break;
                case IResourceWithConnectionString or ConnectionStringReference:
                    var resource = value as IResourceWithConnectionString ?? ((ConnectionStringReference)value).Resource;
                    var composed = ExternalServices.ConnectionFor(resource, workload.Name, inputs);
                    foreach (var part in composed.Parts) environment.AddVariable(part);
                    environment.AddVariable(EnvVars.Value(name, composed.Value));
                    foreach (var companion in composed.Companions) environment.AddVariable(companion);
                    break;
                default:
                    var text = Compose(name, value);
                    if (text.UsesVariables) environment.AddVariable(EnvVars.Value(name, text.Value));
                    else environment.Settings[name] = text.Value;
                    break;
            }
        }

        private V1EnvVar SecretVariable(string name, ParameterResource secret) =>
            inputs.FromSecret(name, secret.Name, "value", $"the model's secret parameter {secret.Name} (Parameters:{secret.Name} in development)", workload.Name);

        /// <summary>A value written as text, with <c>$(VAR)</c> for what the pod reads from elsewhere.</summary>
        private (string Value, bool UsesVariables) Compose(string name, object value)
        {
            switch (value)
            {
                case EndpointReference endpoint:
                    return Endpoint(name, endpoint, EndpointProperty.Url);
                case EndpointReferenceExpression expression:
                    return Endpoint(name, expression.Endpoint, expression.Property);
                case ParameterResource { Secret: true } secret:
                    var variable = SecretVariable($"{ExternalServices.VariablePrefix(secret.Name)}_VALUE", secret);
                    environment.AddVariable(variable);
                    return ($"$({variable.Name})", true);
                case ReferenceExpression { IsConditional: false } expression:
                    var parts = expression.ValueProviders.Select(provider => Compose(name, provider)).ToArray();
                    var formatted = string.Format(CultureInfo.InvariantCulture, expression.Format, parts.Select(p => (object)p.Value).ToArray());
                    return (formatted, parts.Any(p => p.UsesVariables));
                default:
                    throw new NotSupportedException($"{workload.Name}: {name} is a {value.GetType().Name}, which the Kubernetes manifests cannot express yet.");
            }
        }

        /// <summary>
        /// Another workload by its Service's DNS name; one published through an Ingress by its public URL
        /// (whoever reads it, inside or outside the cluster, must see the same address: the token issuer).
        /// </summary>
        private (string Value, bool UsesVariables) Endpoint(string name, EndpointReference endpoint, EndpointProperty property)
        {
            if (!workloads.TryGetValue(endpoint.Resource.Name, out var target))
                throw new NotSupportedException($"{workload.Name}: {name} points at an endpoint of {endpoint.Resource.Name}, which is not a workload of the cluster.");
            var port = target.Ports.Single(p => p.Name == endpoint.EndpointName);
            if (target.HasIngress && property == EndpointProperty.Url)
            {
                var host = inputs.FromParameter(WorkloadDefaults.PublicHostVariable(target.Name), WorkloadDefaults.PublicHost(target.Name));
                environment.AddVariable(host);
                return ($"https://$({host.Name})", true);
            }
            return property switch
            {
                EndpointProperty.Url => ($"{port.Scheme}://{target.Name}" + (port.ServicePort == 80 ? "" : $":{port.ServicePort}"), false),
                EndpointProperty.Host or EndpointProperty.IPV4Host => (target.Name, false),
                EndpointProperty.Port => (port.ServicePort.ToString(CultureInfo.InvariantCulture), false),
                EndpointProperty.HostAndPort => ($"{target.Name}:{port.ServicePort}", false),
                EndpointProperty.Scheme => (port.Scheme, false),
                // Only the workload itself listens on its target port: inside its own pod.
                EndpointProperty.TargetPort when target == workload => (port.ContainerPort.ToString(CultureInfo.InvariantCulture), false),
                _ => throw new NotSupportedException($"{workload.Name}: {name} reads {property} of {target.Name}'s endpoint, which has no meaning across pods."),
            };
        }
    }
}
