namespace Platform.AppHost.Hosting.Resources;

/// <summary>The lifecycle states Aspire's dashboard shows.</summary>
public enum ResourceState { Waiting, Starting, Running, Stopping, Stopped, Exited, FailedToStart }

public enum ResourceHealth { Healthy, Unhealthy, Unknown }

public sealed record ResourceEndpoint(string Name, string Scheme, int Port)
{
    public string Url => $"{Scheme}://127.0.0.1:{Port}";
}

/// <summary>A resource could not start for a reason a person can act on (the message says what to do).</summary>
public sealed class ResourceStartException(string message) : Exception(message);
