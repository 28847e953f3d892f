using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Resources.MailDev;

public static class MailDevBuilderExtensions
{
    /// <summary>maildev on Node.js: SMTP on <paramref name="smtpPort"/>, inbox and REST API on <paramref name="httpPort"/>; mail kept in its state folder.</summary>
    public static IResourceBuilder<MailDevResource> AddLocalMailDev(this IDistributedApplicationBuilder builder, string name, int smtpPort, int httpPort)
    {
        var package = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "maildev"));
        var entry = Path.Combine(package, "node_modules", "maildev", "bin", "maildev");
        var mail = builder.StateDirectoryFor(name);
        var (smtp, http) = (builder.PortFor(smtpPort), builder.PortFor(httpPort));
        return builder.AddResource(new MailDevResource(name, "node", package))
            .WithEndpoint(port: smtp, targetPort: smtp, scheme: "smtp", name: MailDevResource.SmtpEndpointName, isProxied: false)
            .WithHttpEndpoint(port: http, targetPort: http, name: MailDevResource.HttpEndpointName, isProxied: false)
            .WithArgs(entry, "--ip", "127.0.0.1", "--smtp", smtp.ToString(), "--web", http.ToString(), "--mail-directory", mail)
            .WithUrlForEndpoint(MailDevResource.HttpEndpointName, url => url.DisplayText = "Inbox")
            .WithIconName("Mail")
            .WithHttpHealthCheck("/healthz", endpointName: MailDevResource.HttpEndpointName)
            .OnBeforeResourceStarted((_, _, _) => File.Exists(entry)
                ? Task.CompletedTask
                : throw new InvalidOperationException($"maildev is not installed: run 'npm ci --prefix {package}' (./run.sh does it for you)."));
    }
}
