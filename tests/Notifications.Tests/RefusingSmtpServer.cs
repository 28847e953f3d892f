using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Notifications.Tests;

/// <summary>
/// A scripted SMTP peer for the one thing maildev never does: refuse a mailbox for good (550). It
/// speaks just enough SMTP for MailKit and refuses every recipient.
/// </summary>
internal sealed class RefusingSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public RefusingSmtpServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public string ConnectionString => $"Endpoint=smtp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private static async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 refusing.test ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Split(' ')[0].ToUpperInvariant();
            await writer.WriteLineAsync(command switch
            {
                "EHLO" or "HELO" => "250 refusing.test",
                "MAIL" => "250 2.1.0 OK",
                "RCPT" => "550 5.1.1 Mailbox unavailable",
                "RSET" or "NOOP" => "250 2.0.0 OK",
                "QUIT" => "221 2.0.0 Bye",
                _ => "502 5.5.2 Not implemented",
            });
            if (command == "QUIT") return;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
