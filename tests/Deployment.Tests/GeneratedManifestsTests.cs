using k8s;
using k8s.Models;
using Platform.AppHost.Kubernetes;

namespace Platform.Deployment.Tests;

[Collection(ManifestsCollection.Name)]
public sealed class GeneratedManifestsTests(GeneratedManifests manifests)
{
    public static TheoryData<string> Overlays => [.. KubernetesManifests.Overlays.Select(o => o.Name)];

    [Fact]
    public async Task Every_rendered_document_of_both_overlays_validates_against_the_Kubernetes_schemas()
    {
        var (valid, output) = await Tools.ValidateSchemasAsync([.. manifests.Rendered.Values.Select(r => r.File)]);

        Assert.True(valid, output);
        // One line per document: the validator saw every object kubectl rendered.
        Assert.Equal(manifests.Rendered.Values.Sum(r => r.Objects.Count), output.Split('\n').Count(l => l.StartsWith("valid: ", StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void The_rendered_overlay_passes_every_semantic_check(string overlay)
    {
        var problems = ManifestSemantics.Problems(manifests.Rendered[overlay].Objects, manifests.ExternalSecrets, manifests.SecretValues);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_project_of_the_model_is_a_workload_with_its_deployment_service_settings_and_disruption_budget(string overlay)
    {
        var objects = manifests.Rendered[overlay].Objects;

        Assert.Equal(["cases", "gateway", "livelihoods", "meetings", "notifications"], manifests.ProjectNames.Order(StringComparer.Ordinal));
        foreach (var project in manifests.ProjectNames)
        {
            Assert.Single(objects.OfType<V1Deployment>(), d => d.Name() == project);
            Assert.Single(objects.OfType<V1Service>(), s => s.Name() == project);
            Assert.Single(objects.OfType<V1ConfigMap>(), c => c.Name() == $"{project}-settings");
            Assert.Single(objects.OfType<V1PodDisruptionBudget>(), b => b.Name() == project && b.Spec.MinAvailable.Value == "1");
        }
        Assert.Equal(["gateway", "notifications"], objects.OfType<V2HorizontalPodAutoscaler>().Select(h => h.Name()).Order(StringComparer.Ordinal));
        Assert.Equal("gateway", Assert.Single(objects.OfType<V1Ingress>()).Name());
        // Nothing of the local stand-ins is deployed: PostgreSQL, RabbitMQ and SMTP are external.
        Assert.Equal(manifests.ProjectNames.Count, objects.OfType<V1Deployment>().Count());
        Assert.Empty(objects.OfType<V1Secret>());
    }

    [Fact]
    public void The_references_of_the_model_become_the_environment_of_the_pods()
    {
        var objects = manifests.Rendered["production"].Objects;
        var gatewaySettings = objects.OfType<V1ConfigMap>().Single(c => c.Name() == "gateway-settings").Data;
        var cases = Container(objects, "cases");
        var notifications = Container(objects, "notifications");

        // WithReference(meetings) and the others: service discovery's addresses, the Services' DNS names.
        Assert.Equal("http://meetings", gatewaySettings["services__meetings__http__0"]);
        Assert.Equal("http://cases", gatewaySettings["services__cases__http__0"]);
        // WithReference(casesdb): the managed server's address from the overlay, the database's own login from its Secret.
        var connection = Assert.Single(cases.Env, v => v.Name == "ConnectionStrings__casesdb").Value;
        Assert.Contains("Database=casesdb;", connection);
        Assert.Equal("casesdb-credentials", cases.Env.Single(v => v.Name == "CASESDB_PASSWORD").ValueFrom.SecretKeyRef.Name);
        Assert.StartsWith("external-services-", cases.Env.Single(v => v.Name == "POSTGRES_HOST").ValueFrom.ConfigMapKeyRef.Name);
        // WithSecret(...): the model's secret parameter, by name, never by value.
        Assert.Equal("cases-personal-data-key-1", cases.Env.Single(v => v.Name == "PersonalData__Keys__1").ValueFrom.SecretKeyRef.Name);
        // The RabbitMQ cluster with quorum queues, and the SMTP relay, only where the model references them.
        Assert.Equal("RABBITMQ_QUORUM_QUEUES", cases.Env.Single(v => v.Name == "Messaging__QuorumQueues").ValueFrom.ConfigMapKeyRef.Key);
        Assert.Contains(notifications.Env, v => v.Name == "ConnectionStrings__smtp");
        Assert.DoesNotContain(cases.Env, v => v.Name == "ConnectionStrings__smtp");
        // The gateway's endpoint (the token issuer) is its public URL, the same for every service.
        Assert.Equal("https://$(GATEWAY_PUBLIC_HOST)", cases.Env.Single(v => v.Name == "Authentication__Authority").Value);
        Assert.Equal("https://$(GATEWAY_PUBLIC_HOST)", Container(objects, "gateway").Env.Single(v => v.Name == "Authentication__Issuer").Value);
    }

    [Fact]
    public void A_composed_value_only_uses_variables_defined_before_it()
    {
        foreach (var deployment in manifests.Rendered["production"].Objects.OfType<V1Deployment>())
            foreach (var container in deployment.Spec.Template.Spec.Containers)
            {
                var defined = new HashSet<string>(StringComparer.Ordinal);
                foreach (var variable in container.Env)
                {
                    foreach (var used in System.Text.RegularExpressions.Regex.Matches(variable.Value ?? "", @"\$\((?<name>[A-Za-z_][A-Za-z0-9_]*)\)").Select(m => m.Groups["name"].Value))
                        Assert.True(defined.Contains(used), $"{deployment.Name()}: {variable.Name} uses $({used}) before it is defined.");
                    defined.Add(variable.Name);
                }
            }
    }

    [Fact]
    public void The_overlays_differ_in_namespace_environment_replicas_and_public_host()
    {
        var staging = manifests.Rendered["staging"].Objects;
        var production = manifests.Rendered["production"].Objects;

        Assert.All(staging.OfType<IKubernetesObject<V1ObjectMeta>>(), o => Assert.Equal("coordination-platform-staging", o.Namespace()));
        Assert.All(production.OfType<IKubernetesObject<V1ObjectMeta>>(), o => Assert.Equal("coordination-platform-production", o.Namespace()));
        Assert.Equal("Staging", staging.OfType<V1ConfigMap>().Single(c => c.Name() == "meetings-settings").Data["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Production", production.OfType<V1ConfigMap>().Single(c => c.Name() == "meetings-settings").Data["ASPNETCORE_ENVIRONMENT"]);
        Assert.All(staging.OfType<V1Deployment>(), d => Assert.Equal(2, d.Spec.Replicas));
        Assert.All(production.OfType<V1Deployment>(), d => Assert.Equal(3, d.Spec.Replicas));
        Assert.Equal(3, production.OfType<V2HorizontalPodAutoscaler>().Single(h => h.Name() == "gateway").Spec.MinReplicas);
        // The overlay's one parameter for the public host reaches the Ingress's rule and certificate.
        var ingress = production.OfType<V1Ingress>().Single();
        Assert.Equal("api.coordination.example.org", ingress.Spec.Rules[0].Host);
        Assert.Equal("api.coordination.example.org", ingress.Spec.Tls[0].Hosts[0]);
        Assert.Equal("api.staging.coordination.example.org", staging.OfType<V1Ingress>().Single().Spec.Rules[0].Host);
        Assert.Equal("registry.example.org/coordination-platform/cases:1.0.0", Container(production, "cases").Image);
    }

    [Fact]
    public void Every_external_secret_the_manifests_name_is_documented_and_none_holds_a_value()
    {
        Assert.Contains("casesdb-credentials", manifests.ExternalSecrets);
        Assert.Contains("messaging-credentials", manifests.ExternalSecrets);
        Assert.Contains("smtp-credentials", manifests.ExternalSecrets);
        Assert.Contains("gateway-tls", manifests.ExternalSecrets);
        Assert.Contains("personal-data-sharing-key", manifests.ExternalSecrets);
        Assert.NotEmpty(manifests.SecretValues);
        foreach (var file in Directory.EnumerateFiles(manifests.OutputDirectory, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(manifests.SecretValues, value => text.Contains(value, StringComparison.Ordinal));
        }
    }

    private static V1Container Container(IEnumerable<object> objects, string workload) =>
        objects.OfType<V1Deployment>().Single(d => d.Name() == workload).Spec.Template.Spec.Containers.Single();
}
