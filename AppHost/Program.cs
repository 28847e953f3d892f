using Microsoft.Extensions.Hosting;
using Platform.AppHost.Dashboard;
using Platform.AppHost.Kubernetes;
using Platform.AppHost.Operations;
using Platform.AppHost.Resources;
using Platform.AppHost.Resources.MailDev;
using Platform.AppHost.Resources.Postgres;
using Platform.AppHost.Resources.Projects;
using Platform.AppHost.Resources.RabbitMQ;

var builder = DistributedApplication.CreateBuilder(DashboardAccess.WithToken(KubernetesPublishing.BuilderArguments(args)));
builder.Configuration.AddSecretsOfEarlierRuns(builder);

var postgres = builder.AddLocalPostgres("postgres", builder.AddGeneratedSecret("postgres-password"), port: 55432);
var meetingsDb = postgres.AddDatabase("meetingsdb");
var casesDb = postgres.AddDatabase("casesdb");
var livelihoodsDb = postgres.AddDatabase("livelihoodsdb");
var notificationsDb = postgres.AddDatabase("notificationsdb");
var gatewayDb = postgres.AddDatabase("gatewaydb");

// ./run.sh --messaging cluster: three RabbitMQ nodes as one cluster, the services' queues quorum queues.
IResourceBuilder<IResourceWithConnectionString> messaging = builder.Configuration["messaging"] == "cluster"
    ? builder.AddLocalRabbitMQCluster("messaging", builder.AddGeneratedSecret("rabbitmq-password"), port: 55672, managementPort: 55673)
    : builder.AddLocalRabbitMQ("messaging", builder.AddGeneratedSecret("rabbitmq-password"), port: 55672, managementPort: 55673)
        .WithErrorQueueCommands();
var smtp = builder.AddLocalMailDev("smtp", smtpPort: 1025, httpPort: 1080);

var meetings = builder.AddPlatformService<Projects.Meetings>("meetings", port: 5101)
    .WithReference(meetingsDb).WaitFor(meetingsDb)
    .WithReference(messaging).WaitFor(messaging);

var cases = builder.AddPlatformService<Projects.Cases>("cases", port: 5102)
    .WithReference(casesDb).WaitFor(casesDb)
    .WithReference(messaging).WaitFor(messaging)
    // Beneficiaries' personal data is sealed with these (in production: a secret store).
    .WithSecret("PersonalData__Keys__1", "cases-personal-data-key-1")
    .WithSecret("PersonalData__HashKey", "cases-identifier-hash-key")
    .WithSecret("PersonalData__SharingKey", "personal-data-sharing-key");

var livelihoods = builder.AddPlatformService<Projects.Livelihoods>("livelihoods", port: 5103)
    .WithReference(livelihoodsDb).WaitFor(livelihoodsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithSecret("PersonalData__Keys__1", "livelihoods-personal-data-key-1")
    .WithSecret("PersonalData__HashKey", "livelihoods-identifier-hash-key")
    .WithSecret("PersonalData__SharingKey", "personal-data-sharing-key")
    // Each pair of services shares its own secret: notifications never holds the one cases and livelihoods share.
    .WithSecret("PersonalData__NotificationsSharingKey", "training-invitees-sharing-key");

var notifications = builder.AddPlatformService<Projects.Notifications>("notifications", port: 5104)
    .WithReference(notificationsDb).WaitFor(notificationsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(smtp).WaitFor(smtp)
    // Opens the training invitees livelihoods seals into its events, and seals their emails at rest.
    .WithSecret("PersonalData__Keys__1", "notifications-personal-data-key-1")
    .WithSecret("PersonalData__HashKey", "notifications-identifier-hash-key")
    .WithSecret("PersonalData__SharingKey", "training-invitees-sharing-key");

var gateway = builder.AddPlatformService<Projects.Gateway>("gateway", port: 8080)
    .WithReference(gatewayDb).WaitFor(gatewayDb)
    .WithReference(meetings).WaitFor(meetings)
    .WithReference(cases).WaitFor(cases)
    .WithReference(livelihoods).WaitFor(livelihoods)
    .WithReference(notifications).WaitFor(notifications);
// With --replicas the gateway balances across the instances itself, with health checks (not through Aspire's proxy).
foreach (var service in new[] { meetings, cases, livelihoods, notifications }) gateway.WithEachInstanceOf(service);

// The gateway issues the partners' access tokens; every service validates them against its keys.
gateway.WithEnvironment("Authentication__Issuer", gateway.GetEndpoint("http"));
foreach (var service in new[] { meetings, cases, livelihoods, notifications })
    service.WithEnvironment("Authentication__Authority", gateway.GetEndpoint("http"));

if (builder.Environment.IsDevelopment())
{
    meetings.WithDemoDataCommand("/api/v1/meetings/demo-data", gateway);
    livelihoods.WithDemoDataCommand("/api/v1/cohorts/demo-data", gateway);
}

// In a cluster (publish kubernetes) the gateway is the one way in; it and notifications take the bursts.
gateway.WithKubernetesIngress().WithKubernetesAutoscaling(minReplicas: 2, maxReplicas: 10);
notifications.WithKubernetesAutoscaling(minReplicas: 2, maxReplicas: 6);

builder.AddOperations();

var app = builder.Build();
if (KubernetesPublishing.Requested(args, out var manifests)) await app.WriteKubernetesManifestsAsync(manifests);
else app.Run();
