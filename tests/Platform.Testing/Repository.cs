namespace Platform.Testing;

/// <summary>Where the repository is, found from the test's own build output.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>The AppHost project's folder: the custom resources find maildev there.</summary>
    public static string AppHostDirectory => Path.Combine(Root, "AppHost");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
