using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Resources.MailDev;

/// <summary>
/// The SMTP sink for development and tests: maildev (npm, pinned in AppHost/maildev) with its web inbox
/// and REST API (<c>GET /email</c>). Services get <c>ConnectionStrings__smtp=Endpoint=smtp://host:port</c>.
/// </summary>
public sealed class MailDevResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string SmtpEndpointName = "smtp";
    public const string HttpEndpointName = "http";
    private EndpointReference? _smtp;

    public EndpointReference SmtpEndpoint => _smtp ??= new(this, SmtpEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=smtp://{SmtpEndpoint.Property(EndpointProperty.IPV4Host)}:{SmtpEndpoint.Property(EndpointProperty.Port)}");
}
