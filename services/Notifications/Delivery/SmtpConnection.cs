using System.Net.Sockets;
using MailKit.Net.Smtp;

namespace Platform.Notifications.Delivery;

/// <summary>One sender's connection to the SMTP server, opened when there is mail and kept open while there is more.</summary>
public sealed class SmtpConnection(SmtpSettings smtp) : IDisposable
{
    private SmtpClient? _client;

    public async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true }) return _client;
        _client?.Dispose();
        _client = new SmtpClient { Timeout = 30_000 };
        // Our own socket, to turn Nagle off: SMTP is a conversation of small writes, and Nagle against
        // the server's delayed ACK costs ~40 ms per message (measured: 22 emails/s with it, see README).
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(smtp.Host, smtp.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        await _client.ConnectAsync(socket, smtp.Host, smtp.Port, smtp.Security, cancellationToken);
        if (smtp.Username is not null) await _client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        return _client;
    }

    public async Task DisconnectAsync()
    {
        if (_client is null) return;
        try { if (_client.IsConnected) await _client.DisconnectAsync(true); }
        catch (Exception ex) when (EmailDelivery.IsTransient(ex)) { }
        _client.Dispose();
        _client = null;
    }

    public void Dispose() => _client?.Dispose();
}
