using System.Data.Common;
using MailKit.Security;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The SMTP server from <c>ConnectionStrings:smtp</c>, in Aspire's form:
/// <c>Endpoint=smtp://host:port[;Username=...;Password=...]</c> (<c>smtps://</c> for TLS on connect;
/// plain <c>smtp://</c> upgrades with STARTTLS when the server offers it).
/// </summary>
public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? Username, string? Password)
{
    public static SmtpSettings From(IConfiguration configuration)
    {
        var text = configuration.GetConnectionString("smtp")
            ?? throw new InvalidOperationException("ConnectionStrings:smtp is not set: e.g. Endpoint=smtp://relay.example:587;Username=...;Password=...");
        var parts = new DbConnectionStringBuilder { ConnectionString = text };
        var endpoint = new Uri(parts.TryGetValue("Endpoint", out var e) ? (string)e : text);
        return new SmtpSettings(
            endpoint.Host,
            endpoint.Port > 0 ? endpoint.Port : 25,
            endpoint.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
            parts.TryGetValue("Username", out var user) ? (string)user : null,
            parts.TryGetValue("Password", out var password) ? (string)password : null);
    }
}

/// <summary>How the senders share the work and retry: <c>Notifications:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    /// <summary>
    /// Messages one sender claims (and sends over its connection) at a time: small enough that a meeting's
    /// invitations spread over every connection, large enough that a commit is shared by many.
    /// </summary>
    public int BatchSize { get; set; } = 25;
    /// <summary>
    /// SMTP connections sending at once: the server's time per message (parsing, storing) overlaps. Measured with
    /// maildev (notifications benchmark): 1 connection 159 emails/s, 4 273/s, 8 362/s.
    /// </summary>
    public int Connections { get; set; } = 8;
    /// <summary>Longest wait before a message that could not be handed over is tried again.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long a claimed message is reserved for the sender that claimed it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
