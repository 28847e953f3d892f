using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Kubernetes;

namespace Platform.Deployment.Tests;

/// <summary>
/// The AppHost's real model (its Program.cs, in Aspire's publish mode: nothing starts), the manifests the
/// generator writes from it, and each overlay as <c>kubectl kustomize</c> renders it. Built once for all tests.
/// </summary>
public sealed partial class GeneratedManifests : IAsyncLifetime
{
    public string OutputDirectory { get; } = Directory.CreateTempSubdirectory("platform-manifests-").FullName;
    /// <summary>Overlay name to its rendered YAML and the objects in it (typed by KubernetesClient).</summary>
    public Dictionary<string, (string Yaml, string File, List<object> Objects)> Rendered { get; } = new(StringComparer.Ordinal);
    /// <summary>The Secrets the generated README documents as made outside the manifests.</summary>
    public HashSet<string> ExternalSecrets { get; } = new(StringComparer.Ordinal);
    /// <summary>The values of the model's secret parameters (generated for this run): none may appear in a manifest.</summary>
    public List<string> SecretValues { get; } = [];
    public List<string> ProjectNames { get; } = [];

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--operation", "publish", "--environment", "Production"], timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        try
        {
            ProjectNames.AddRange(model.Resources.OfType<ProjectResource>().Select(p => p.Name));
            foreach (var secret in model.Resources.OfType<ParameterResource>().Where(p => p.Secret))
                SecretValues.Add(await secret.GetValueAsync(timeout.Token) ?? "");
            await KubernetesManifests.WriteAsync(model, app.Services.GetRequiredService<DistributedApplicationExecutionContext>(),
                new KubernetesPublishOptions(OutputDirectory, KubernetesPublishOptions.DefaultImageRegistry, KubernetesPublishOptions.DefaultImageTag), timeout.Token);
        }
        finally
        {
            DeleteThrowawayStateFolders(model);
        }

        foreach (var overlay in KubernetesManifests.Overlays)
        {
            var yaml = await Tools.KustomizeAsync(Path.Combine(OutputDirectory, "overlays", overlay.Name));
            var file = Path.Combine(OutputDirectory, $"rendered-{overlay.Name}.yaml");
            await File.WriteAllTextAsync(file, yaml);
            Rendered[overlay.Name] = (yaml, file, KubernetesYaml.LoadAllFromString(yaml));
        }
        var readme = await File.ReadAllTextAsync(Path.Combine(OutputDirectory, "README.md"));
        var secrets = readme[readme.IndexOf(ManifestsReadme.SecretsHeading, StringComparison.Ordinal)..];
        foreach (Match row in SecretRow().Matches(secrets)) ExternalSecrets.Add(row.Groups["name"].Value);
    }

    /// <summary>A fresh copy of an overlay's objects, for a test that breaks one on purpose.</summary>
    public List<object> CopyOf(string overlay) => KubernetesYaml.LoadAllFromString(Rendered[overlay].Yaml);

    public Task DisposeAsync()
    {
        Directory.Delete(OutputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Under test the AppHost gives every server a throwaway data folder and deletes it when the application
    /// stops; this one is only built, never started, so its folders are deleted here.
    /// </summary>
    private static void DeleteThrowawayStateFolders(DistributedApplicationModel model)
    {
        var temporary = Path.GetFullPath(Path.GetTempPath());
        foreach (var executable in model.Resources.OfType<ExecutableResource>())
        {
            var folders = executable.Annotations.OfType<CommandLineArgsCallbackAnnotation>().Any()
                ? new[] { executable.WorkingDirectory }.Concat(StaticArguments(executable))
                : [executable.WorkingDirectory];
            foreach (var folder in folders.Where(f => f.StartsWith(Path.Combine(temporary, "platform-"), StringComparison.Ordinal) && Directory.Exists(f)))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<string> StaticArguments(ExecutableResource executable)
    {
        var arguments = new List<object>();
        var context = new CommandLineArgsCallbackContext(arguments);
        foreach (var callback in executable.Annotations.OfType<CommandLineArgsCallbackAnnotation>()) callback.Callback(context).GetAwaiter().GetResult();
        return arguments.OfType<string>();
    }

    [GeneratedRegex(@"^\| `(?<name>[a-z0-9.-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex SecretRow();
}

[CollectionDefinition(Name)]
public sealed class ManifestsCollection : ICollectionFixture<GeneratedManifests>
{
    public const string Name = "Generated Kubernetes manifests";
}
