using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Kubernetes;

/// <summary>
/// <c>dotnet run --project AppHost -- publish kubernetes --output DIR [--image-registry R] [--image-tag T]</c>:
/// the AppHost builds its model in Aspire's publish mode (nothing starts) and writes Kubernetes manifests
/// from it instead of running. Aspire's own Kubernetes publisher (Aspire.Hosting.Kubernetes) is not served here.
/// </summary>
public static class KubernetesPublishing
{
    /// <summary>The arguments for the builder: publish mode in the Production environment when manifests are asked for, else unchanged.</summary>
    public static string[] BuilderArguments(string[] args) =>
        IsRequested(args) ? ["--operation", "publish", "--environment", "Production"] : args;

    public static bool Requested(string[] args, out KubernetesPublishOptions options)
    {
        options = new KubernetesPublishOptions("", KubernetesPublishOptions.DefaultImageRegistry, KubernetesPublishOptions.DefaultImageTag);
        if (!IsRequested(args)) return false;
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        options = new KubernetesPublishOptions(
            Path.GetFullPath(Option("--output") ?? throw new ArgumentException("publish kubernetes needs --output <dir>.")),
            Option("--image-registry") ?? KubernetesPublishOptions.DefaultImageRegistry,
            Option("--image-tag") ?? KubernetesPublishOptions.DefaultImageTag);
        return true;
    }

    /// <summary>Writes the manifests of the built application's model; prints what it wrote.</summary>
    public static async Task WriteKubernetesManifestsAsync(this DistributedApplication app, KubernetesPublishOptions options)
    {
        var written = await KubernetesManifests.WriteAsync(
            app.Services.GetRequiredService<DistributedApplicationModel>(),
            app.Services.GetRequiredService<DistributedApplicationExecutionContext>(),
            options);
        foreach (var file in written) Console.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
    }

    private static bool IsRequested(string[] args) => args is ["publish", "kubernetes", ..];
}
