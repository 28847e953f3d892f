using RabbitMQ.Client;

namespace Platform.Messaging;

/// <summary>The broker of <c>ConnectionStrings:messaging</c> (<c>amqp://user:password@host:port/vhost</c>).</summary>
public sealed class BrokerAddress(Uri uri)
{
    public string Host => uri.Host;
    public ushort Port => (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port);
    public string VirtualHost => Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } path ? path : "/";
    public string UserName => Credentials.User;
    public string Password => Credentials.Password;

    private (string User, string Password) Credentials
    {
        get
        {
            var parts = uri.UserInfo.Split(':', 2);
            return parts.Length == 2 ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1])) : ("guest", "guest");
        }
    }

    public ConnectionFactory CreateConnectionFactory(string clientName) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = UserName,
        Password = Password,
        ClientProvidedName = clientName,
    };
}
