using Platform.AppHost.Hosting.Resources;

// The projects the AppHost starts; Aspire generates these from project references.
namespace Projects;

public sealed class Meetings : IProjectMetadata
{
    public static string ProjectDirectory => "services/Meetings";
    public static string AssemblyName => "Platform.Meetings";
}

public sealed class Cases : IProjectMetadata
{
    public static string ProjectDirectory => "services/Cases";
    public static string AssemblyName => "Platform.Cases";
}

public sealed class Livelihoods : IProjectMetadata
{
    public static string ProjectDirectory => "services/Livelihoods";
    public static string AssemblyName => "Platform.Livelihoods";
}

public sealed class Notifications : IProjectMetadata
{
    public static string ProjectDirectory => "services/Notifications";
    public static string AssemblyName => "Platform.Notifications";
}

public sealed class Gateway : IProjectMetadata
{
    public static string ProjectDirectory => "gateway";
    public static string AssemblyName => "Platform.Gateway";
}
