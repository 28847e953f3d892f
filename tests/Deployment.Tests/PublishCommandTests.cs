using Platform.Testing;

namespace Platform.Deployment.Tests;

/// <summary>The command line the README gives, run as a process on the AppHost that was built.</summary>
[Collection(ManifestsCollection.Name)]
public sealed class PublishCommandTests(GeneratedManifests manifests)
{
    [Fact]
    public async Task Publish_kubernetes_writes_the_same_manifests_as_the_generator_with_the_images_it_is_given()
    {
        var output = Directory.CreateTempSubdirectory("platform-publish-").FullName;
        try
        {
            var (exitCode, stdout, stderr) = await Tools.RunAsync("dotnet",
                [AppHostAssembly(), "publish", "kubernetes", "--output", output, "--image-registry", "registry.example.org/coordination-platform", "--image-tag", "1.0.0"],
                workingDirectory: Repository.AppHostDirectory,
                // The developer's own launch profile says Development; publish kubernetes builds the Production model whatever it says.
                environment: new() { ["DOTNET_ENVIRONMENT"] = "Development", ["ASPNETCORE_ENVIRONMENT"] = "Development" });

            Assert.True(exitCode == 0, stdout + stderr);
            var expected = Files(manifests.OutputDirectory).Where(f => !f.StartsWith("rendered-", StringComparison.Ordinal) && f != "broken.yaml").ToList();
            Assert.Equal(expected, Files(output));
            foreach (var file in expected)
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(manifests.OutputDirectory, file)), await File.ReadAllTextAsync(Path.Combine(output, file)));
            Assert.Contains("wrote ", stdout);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_kubernetes_without_an_output_folder_fails_and_says_so()
    {
        var (exitCode, stdout, stderr) = await Tools.RunAsync("dotnet", [AppHostAssembly(), "publish", "kubernetes"], workingDirectory: Repository.AppHostDirectory);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--output", stdout + stderr);
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    /// <summary>The AppHost built in the same configuration as this test (tests/Deployment.Tests/bin/{Configuration}/...).</summary>
    private static string AppHostAssembly()
    {
        var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var (configuration, framework) = (output.Parent!.Name, output.Name);
        var assembly = Path.Combine(Repository.AppHostDirectory, "bin", configuration, framework, "Platform.AppHost.dll");
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException($"The AppHost is not built: {assembly}");
    }
}
