using Aspire.Hosting.ApplicationModel;
using k8s.Models;
using Platform.AppHost.Resources.MailDev;
using Platform.AppHost.Resources.Postgres;
using Platform.AppHost.Resources.RabbitMQ;

namespace Platform.AppHost.Kubernetes;

/// <summary>A connection string as the pod composes it: the variables it is made of, then the string with <c>$(VAR)</c> references.</summary>
public sealed record ComposedValue(IReadOnlyList<V1EnvVar> Parts, string Value, IReadOnlyList<V1EnvVar> Companions);

/// <summary>
/// The servers the AppHost runs locally stand in for managed ones in a cluster: managed PostgreSQL, a
/// RabbitMQ cluster with quorum queues, an SMTP relay, an OTLP collector. Their addresses are overlay
/// parameters, their credentials external Secrets; the pod composes the connection string Aspire would
/// have given (<c>ConnectionStrings__{name}</c>) from both with Kubernetes' <c>$(VAR)</c> references.
/// Credentials must be URL- and connection-string-safe (letters and digits), since they are pasted in.
/// </summary>
public static class ExternalServices
{
    public static readonly OverlayParameter PostgresHost = new("POSTGRES_HOST", "managed PostgreSQL server's host name", o => $"postgres.{o}.example.org");
    public static readonly OverlayParameter PostgresPort = new("POSTGRES_PORT", "managed PostgreSQL server's port", _ => "5432");
    public static readonly OverlayParameter PostgresSslMode = new("POSTGRES_SSL_MODE", "Npgsql SSL Mode towards the managed server", _ => "VerifyFull");
    public static readonly OverlayParameter RabbitMQHost = new("RABBITMQ_HOST", "RabbitMQ cluster's client Service (it spreads connections over the nodes)", o => $"rabbitmq.{o}.example.org");
    public static readonly OverlayParameter RabbitMQPort = new("RABBITMQ_PORT", "RabbitMQ cluster's AMQP port", _ => "5672");
    public static readonly OverlayParameter RabbitMQVirtualHost = new("RABBITMQ_VHOST", "virtual host of the platform on the RabbitMQ cluster", _ => "coordination");
    public static readonly OverlayParameter QuorumQueues = new("RABBITMQ_QUORUM_QUEUES", "declare the platform's queues as quorum queues (replicated over the cluster's nodes)", _ => "true");
    public static readonly OverlayParameter SmtpEndpoint = new("SMTP_ENDPOINT", "SMTP relay (smtp:// upgrades with STARTTLS, smtps:// is TLS on connect)", o => $"smtp://smtp-relay.{o}.example.org:587");
    public static readonly OverlayParameter OtlpEndpoint = new("OTLP_ENDPOINT", "OTLP/gRPC endpoint of the OpenTelemetry collector", o => $"http://otel-collector.{o}.example.org:4317");

    /// <summary>The connection string of <paramref name="resource"/> for <paramref name="workload"/>, or an exception naming what is not mapped yet.</summary>
    public static ComposedValue ConnectionFor(IResourceWithConnectionString resource, string workload, ClusterInputs inputs) => resource switch
    {
        PostgresDatabaseResource database => Database(database, workload, inputs),
        RabbitMQServerResource broker => Broker(broker, workload, inputs),
        MailDevResource relay => SmtpRelay(relay, workload, inputs),
        _ => throw new NotSupportedException(
            $"{workload} references {resource.Name} ({resource.GetType().Name}), which has no external service in a cluster yet: map it in {nameof(ExternalServices)}."),
    };

    /// <summary>Telemetry to the collector under the workload's name, each pod its own instance.</summary>
    public static IReadOnlyList<V1EnvVar> Telemetry(string workload, ClusterInputs inputs) =>
    [
        inputs.FromParameter("OTEL_EXPORTER_OTLP_ENDPOINT", OtlpEndpoint),
        EnvVars.Value("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
        EnvVars.Value("OTEL_SERVICE_NAME", workload),
        EnvVars.FromField("POD_NAME", "metadata.name"),
        EnvVars.Value("OTEL_RESOURCE_ATTRIBUTES", "service.instance.id=$(POD_NAME)"),
    ];

    /// <summary>One server for every database; each database has its own login, so a service reaches its own data only.</summary>
    private static ComposedValue Database(PostgresDatabaseResource database, string workload, ClusterInputs inputs)
    {
        var prefix = VariablePrefix(database.Name);
        var secret = $"{database.Name}-credentials";
        var purpose = $"login of the managed PostgreSQL database {database.DatabaseName}";
        return new(
            [
                inputs.FromParameter("POSTGRES_HOST", PostgresHost),
                inputs.FromParameter("POSTGRES_PORT", PostgresPort),
                inputs.FromParameter("POSTGRES_SSL_MODE", PostgresSslMode),
                inputs.FromSecret($"{prefix}_USERNAME", secret, "username", purpose, workload),
                inputs.FromSecret($"{prefix}_PASSWORD", secret, "password", purpose, workload),
            ],
            $"Host=$(POSTGRES_HOST);Port=$(POSTGRES_PORT);Database={database.DatabaseName};Username=$({prefix}_USERNAME);Password=$({prefix}_PASSWORD);SSL Mode=$(POSTGRES_SSL_MODE)",
            []);
    }

    /// <summary>The RabbitMQ cluster through its client Service, with quorum queues (Messaging:QuorumQueues).</summary>
    private static ComposedValue Broker(RabbitMQServerResource broker, string workload, ClusterInputs inputs)
    {
        var prefix = VariablePrefix(broker.Name);
        var secret = $"{broker.Name}-credentials";
        const string purpose = "user of the platform on the RabbitMQ cluster";
        return new(
            [
                inputs.FromParameter("RABBITMQ_HOST", RabbitMQHost),
                inputs.FromParameter("RABBITMQ_PORT", RabbitMQPort),
                inputs.FromParameter("RABBITMQ_VHOST", RabbitMQVirtualHost),
                inputs.FromSecret($"{prefix}_USERNAME", secret, "username", purpose, workload),
                inputs.FromSecret($"{prefix}_PASSWORD", secret, "password", purpose, workload),
            ],
            $"amqp://$({prefix}_USERNAME):$({prefix}_PASSWORD)@$(RABBITMQ_HOST):$(RABBITMQ_PORT)/$(RABBITMQ_VHOST)",
            [inputs.FromParameter("Messaging__QuorumQueues", QuorumQueues)]);
    }

    /// <summary>A real SMTP relay instead of maildev, with a login.</summary>
    private static ComposedValue SmtpRelay(MailDevResource relay, string workload, ClusterInputs inputs)
    {
        var prefix = VariablePrefix(relay.Name);
        var secret = $"{relay.Name}-credentials";
        const string purpose = "login at the SMTP relay";
        return new(
            [
                inputs.FromParameter("SMTP_ENDPOINT", SmtpEndpoint),
                inputs.FromSecret($"{prefix}_USERNAME", secret, "username", purpose, workload),
                inputs.FromSecret($"{prefix}_PASSWORD", secret, "password", purpose, workload),
            ],
            $"Endpoint=$(SMTP_ENDPOINT);Username=$({prefix}_USERNAME);Password=$({prefix}_PASSWORD)",
            []);
    }

    public static string VariablePrefix(string resourceName) => resourceName.ToUpperInvariant().Replace('-', '_');
}
