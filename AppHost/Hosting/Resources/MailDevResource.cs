namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// The SMTP sink for development and tests: maildev (npm, pinned in AppHost/maildev) with its web inbox
/// and REST API (<c>GET /email</c>). Mail is kept in the state folder across restarts.
/// </summary>
public sealed class MailDevResource(string name, int smtpPort, int httpPort) : ExecutableResource(name), IResourceWithConnectionString
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public override string Type => "MailDev";
    public string ConnectionStringName => Name;
    public string ConnectionString => $"Endpoint=smtp://127.0.0.1:{GetEndpoint("smtp").Port}";

    internal void Initialize()
    {
        Endpoints.Add(new ResourceEndpoint("smtp", "smtp", smtpPort));
        Endpoints.Add(new ResourceEndpoint("http", "http", httpPort));
    }

    public override Task<ProcessSpec> PrepareAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        var node = FindExecutable("node", "Install Node.js: apt-get install -y nodejs (./run.sh does it for you).");
        var package = Path.Combine(context.RepositoryRoot, "AppHost", "maildev");
        var entry = Path.Combine(package, "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(entry))
            throw new ResourceStartException($"maildev is not installed: run 'npm ci --prefix {package}' (./run.sh does it for you).");
        var mail = Directory.CreateDirectory(Path.Combine(context.StateDirectory, "maildev")).FullName;
        return Task.FromResult(new ProcessSpec(node,
            [entry, "--ip", "127.0.0.1", "--smtp", GetEndpoint("smtp").Port.ToString(), "--web", GetEndpoint("http").Port.ToString(), "--mail-directory", mail],
            package));
    }

    public override async Task<bool> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync($"{GetEndpoint("http").Url}/healthz", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
