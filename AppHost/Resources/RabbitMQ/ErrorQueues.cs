using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RabbitMQ.Client;

namespace Platform.AppHost.Resources.RabbitMQ;

/// <summary>
/// What operators do with messages that failed every attempt: count them per <c>{queue}_error</c> queue,
/// and move them back to <c>{queue}</c> once the cause is fixed (without the fault headers, so they get
/// a fresh set of retries).
/// </summary>
public sealed class ErrorQueues(Uri broker, Uri management)
{
    public const string Suffix = "_error";

    public sealed record ErrorQueue(string Name, string SourceQueue, long Messages, string VirtualHost);

    public async Task<IReadOnlyList<ErrorQueue>> ListAsync(CancellationToken cancellationToken = default)
    {
        // The management API finds the queues; its counts lag by seconds, so they are read over AMQP.
        using var http = ManagementClient();
        var queues = await http.GetFromJsonAsync<List<QueueInfo>>($"api/queues/{Uri.EscapeDataString(VirtualHost)}?columns=name", cancellationToken) ?? [];
        await using var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "error-queue-list" }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var errorQueues = new List<ErrorQueue>();
        foreach (var name in queues.Select(q => q.Name).Where(n => n.EndsWith(Suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var declared = await channel.QueueDeclarePassiveAsync(name, cancellationToken);
            errorQueues.Add(new ErrorQueue(name, name[..^Suffix.Length], declared.MessageCount, VirtualHost));
        }
        return errorQueues;
    }

    /// <summary>Moves up to <paramref name="limit"/> messages from <c>{queue}_error</c> back to <c>{queue}</c>; returns how many moved.</summary>
    public async Task<int> RequeueAsync(string queue, int limit = 10_000, CancellationToken cancellationToken = default)
    {
        var sourceQueue = queue.EndsWith(Suffix, StringComparison.Ordinal) ? queue[..^Suffix.Length] : queue;
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "error-queue-requeue" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
        await channel.QueueDeclarePassiveAsync(sourceQueue + Suffix, cancellationToken);
        var moved = 0;
        while (moved < limit && await channel.BasicGetAsync(sourceQueue + Suffix, autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = (message.BasicProperties.Headers ?? new Dictionary<string, object?>())
                    .Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason" && h.Key != "platform-redelivery-attempt")
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync("", sourceQueue, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }

    private string VirtualHost => Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/')) is { Length: > 0 } vhost ? vhost : "/";

    private HttpClient ManagementClient() => CreateManagementClient(broker, management);

    /// <summary>An HTTP client on the broker's management API, authenticated with the user of <paramref name="broker"/> (amqp://user:password@...).</summary>
    public static HttpClient CreateManagementClient(Uri broker, Uri management)
    {
        var parts = broker.UserInfo.Split(':', 2);
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.UnescapeDataString(parts[0])}:{Uri.UnescapeDataString(parts[1])}")));
        return http;
    }

    private sealed record QueueInfo(string Name);
}
