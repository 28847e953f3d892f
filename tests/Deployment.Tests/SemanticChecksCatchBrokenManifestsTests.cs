using k8s;
using k8s.Models;

namespace Platform.Deployment.Tests;

/// <summary>Each check, fed the rendered production overlay with one thing broken on purpose, reports it.</summary>
[Collection(ManifestsCollection.Name)]
public sealed class SemanticChecksCatchBrokenManifestsTests(GeneratedManifests manifests)
{
    [Fact]
    public void A_service_whose_selector_matches_no_pods_is_reported()
    {
        var objects = Broken(o => Service(o, "cases").Spec.Selector["app.kubernetes.io/name"] = "case");

        Assert.Contains(ManifestSemantics.SelectorsMatchPods(objects), p => p.Contains("Service cases"));
    }

    [Fact]
    public void A_deployment_whose_selector_misses_its_own_pods_is_reported()
    {
        var objects = Broken(o => Deployment(o, "meetings").Spec.Template.Metadata.Labels.Remove("app.kubernetes.io/part-of"));

        Assert.Contains(ManifestSemantics.SelectorsMatchPods(objects), p => p.Contains("Deployment meetings"));
    }

    [Fact]
    public void An_autoscaler_or_ingress_pointing_at_nothing_is_reported()
    {
        var objects = Broken(o =>
        {
            o.OfType<V2HorizontalPodAutoscaler>().Single(h => h.Name() == "gateway").Spec.ScaleTargetRef.Name = "gateway-old";
            o.OfType<V1Ingress>().Single().Spec.Rules[0].Http.Paths[0].Backend.Service.Port.Name = "https";
        });

        var problems = ManifestSemantics.SelectorsMatchPods(objects).ToList();
        Assert.Contains(problems, p => p.StartsWith("HorizontalPodAutoscaler gateway"));
        Assert.Contains(problems, p => p.StartsWith("Ingress gateway"));
    }

    [Fact]
    public void An_env_from_of_a_missing_config_map_is_reported()
    {
        var objects = Broken(o => o.Remove(o.OfType<V1ConfigMap>().Single(c => c.Name() == "livelihoods-settings")));

        Assert.Contains(ManifestSemantics.ReferencesExist(objects, manifests.ExternalSecrets), p => p.Contains("ConfigMap livelihoods-settings"));
    }

    [Fact]
    public void A_secret_that_is_neither_in_the_manifests_nor_documented_is_reported()
    {
        var objects = Broken(o => Container(o, "notifications").Env.Single(v => v.Name == "PersonalData__HashKey").ValueFrom.SecretKeyRef.Name = "undocumented-key");

        Assert.Contains(ManifestSemantics.ReferencesExist(objects, manifests.ExternalSecrets), p => p.Contains("Secret undocumented-key"));
    }

    [Fact]
    public void A_parameter_the_overlay_does_not_give_is_reported()
    {
        var objects = Broken(o => o.OfType<V1ConfigMap>().Single(c => c.Name().StartsWith("external-services-", StringComparison.Ordinal)).Data.Remove("POSTGRES_HOST"));

        Assert.Contains(ManifestSemantics.ReferencesExist(objects, manifests.ExternalSecrets), p => p.Contains("reads POSTGRES_HOST"));
    }

    [Fact]
    public void A_service_address_naming_no_service_is_reported()
    {
        var objects = Broken(o =>
        {
            var settings = o.OfType<V1ConfigMap>().Single(c => c.Name() == "gateway-settings").Data;
            settings["services__meetings__http__0"] = "http://meeting";
            settings["services__cases__http__0"] = "http://cases:8080";
        });

        var problems = ManifestSemantics.ServiceAddressesNameServices(objects).ToList();
        Assert.Contains(problems, p => p.Contains("http://meeting names no Service"));
        Assert.Contains(problems, p => p.Contains("has no port 8080"));
    }

    [Fact]
    public void A_probe_on_an_undeclared_port_or_without_http_is_reported()
    {
        var objects = Broken(o =>
        {
            var container = Container(o, "cases");
            container.ReadinessProbe.HttpGet.Port = "metrics";
            container.LivenessProbe.HttpGet.Scheme = null;
            Container(o, "gateway").LivenessProbe.HttpGet.Path = "/health";
        });

        var problems = ManifestSemantics.ProbesUseDeclaredPorts(objects).ToList();
        Assert.Contains(problems, p => p.Contains("readiness probe uses port metrics"));
        Assert.Contains(problems, p => p.Contains("liveness probe's scheme is unset"));
        Assert.Contains(problems, p => p.Contains("Deployment gateway") && p.Contains("not /alive"));
    }

    [Fact]
    public void A_workload_that_breaks_the_policy_is_reported()
    {
        var objects = Broken(o =>
        {
            Deployment(o, "meetings").Spec.Replicas = 1;
            Container(o, "cases").SecurityContext.ReadOnlyRootFilesystem = false;
            Container(o, "livelihoods").Resources = null;
            Deployment(o, "notifications").Spec.Template.Spec.SecurityContext.RunAsNonRoot = null;
            Container(o, "notifications").SecurityContext.RunAsNonRoot = null;
        });

        var problems = ManifestSemantics.WorkloadsFollowThePolicy(objects).ToList();
        Assert.Contains(problems, p => p.StartsWith("Deployment meetings runs 1"));
        Assert.Contains(problems, p => p.Contains("cases") && p.Contains("writable"));
        Assert.Contains(problems, p => p.Contains("livelihoods") && p.Contains("no resource requests"));
        Assert.Contains(problems, p => p.Contains("notifications") && p.Contains("root"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5101")]
    [InlineData("Host=localhost;Port=5432")]
    [InlineData("http://[::1]:8080")]
    public void A_loopback_address_anywhere_is_reported(string value)
    {
        var objects = Broken(o => o.OfType<V1ConfigMap>().Single(c => c.Name() == "gateway-settings").Data["services__meetings__http__0"] = value);

        Assert.Contains(ManifestSemantics.NoLoopbackAddress(objects), p => p.StartsWith("ConfigMap gateway-settings"));
    }

    [Theory]
    [InlineData("ConnectionStrings__casesdb", "Host=postgres;Database=casesdb;Password=s3cret")]
    [InlineData("ConnectionStrings__messaging", "amqp://platform:s3cret@rabbitmq:5672")]
    [InlineData("PersonalData__HashKey", "anything")]
    public void A_secret_in_a_config_map_is_reported(string key, string value)
    {
        var objects = Broken(o => o.OfType<V1ConfigMap>().Single(c => c.Name() == "cases-settings").Data[key] = value);

        Assert.Contains(ManifestSemantics.NoSecretInConfigMaps(objects, []), p => p.StartsWith("ConfigMap cases-settings"));
    }

    [Fact]
    public void A_value_of_the_models_secrets_anywhere_is_reported()
    {
        var secret = manifests.SecretValues[0];
        var objects = Broken(o => Container(o, "meetings").Env.Add(EnvVarWith(secret)));

        Assert.Contains(ManifestSemantics.NoSecretInConfigMaps(objects, manifests.SecretValues), p => p.StartsWith("Deployment meetings"));
    }

    [Fact]
    public async Task The_schema_validator_rejects_a_document_the_Kubernetes_API_would()
    {
        var file = Path.Combine(manifests.OutputDirectory, "broken.yaml");
        var deployment = Deployment(manifests.CopyOf("production"), "cases");
        var yaml = KubernetesYaml.Serialize(deployment).Replace("replicas: 3", "replicas: three", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, yaml + "\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: cases\nspec:\n  ports:\n  - port: \"eighty\"\n");

        var (valid, output) = await Tools.ValidateSchemasAsync(file);

        Assert.False(valid);
        Assert.Contains("INVALID: apps/v1/Deployment cases", output);
        Assert.Contains("INVALID: v1/Service cases", output);
    }

    private List<object> Broken(Action<List<object>> breakIt)
    {
        var objects = manifests.CopyOf("production");
        Assert.Empty(ManifestSemantics.Problems(objects, manifests.ExternalSecrets, manifests.SecretValues));
        breakIt(objects);
        return objects;
    }

    private static V1EnvVar EnvVarWith(string value) => new() { Name = "LEAKED", Value = value };
    private static V1Deployment Deployment(IEnumerable<object> objects, string name) => objects.OfType<V1Deployment>().Single(d => d.Name() == name);
    private static V1Service Service(IEnumerable<object> objects, string name) => objects.OfType<V1Service>().Single(s => s.Name() == name);
    private static V1Container Container(IEnumerable<object> objects, string name) => Deployment(objects, name).Spec.Template.Spec.Containers.Single();
}
