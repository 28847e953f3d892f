using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Platform.Messaging.Redelivery;

/// <summary>
/// Delayed redelivery without the broker's delayed-message plugin (Debian's RabbitMQ has none): a copy
/// of the message waits in <c>{queue}_delay_{seconds}s</c>, a durable queue whose TTL dead-letters it
/// back to <c>{queue}</c> through the default exchange. One queue per delay, because RabbitMQ expires
/// messages only at a queue's head.
/// </summary>
public sealed class DelayQueues(BrokerAddress broker, QueueTopology topology, ILogger<DelayQueues> logger) : IAsyncDisposable
{
    public const string AttemptHeader = "platform-redelivery-attempt";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _declared = [];
    private IConnection? _connection;
    private IChannel? _channel;

    public static string DelayQueueName(string queue, TimeSpan delay) => $"{queue}_delay_{(int)delay.TotalSeconds}s";

    /// <summary>Publishes (with a broker confirm) a copy of the message that returns to <paramref name="queue"/> after <paramref name="delay"/>.</summary>
    public async Task SendBackLaterAsync(string queue, TimeSpan delay, int attempt, ReadOnlyMemory<byte> body,
        IReadOnlyBasicProperties original, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties(original)
        {
            Persistent = true,
            Headers = new Dictionary<string, object?>(original.Headers ?? new Dictionary<string, object?>())
            {
                [AttemptHeader] = attempt,
            },
        };
        var delayQueue = DelayQueueName(queue, delay);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            if (_declared.Add(delayQueue))
            {
                var arguments = new Dictionary<string, object?>
                {
                    ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                    ["x-dead-letter-exchange"] = "",
                    ["x-dead-letter-routing-key"] = queue,
                };
                // Quorum queues expire and dead-letter messages too (RabbitMQ 3.10 and newer).
                if (topology.QuorumQueues) arguments["x-queue-type"] = "quorum";
                await channel.QueueDeclareAsync(delayQueue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            }
            await channel.BasicPublishAsync("", delayQueue, mandatory: true, properties, body, cancellationToken);
        }
        catch
        {
            // A broken channel is rebuilt on the next call; the caller lets the message fail this time.
            await ResetAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
        logger.LogInformation("Message {MessageId} goes back to {Queue} in {DelaySeconds} s (attempt {Attempt})",
            original.MessageId, queue, delay.TotalSeconds, attempt);
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true }) return _channel;
        await ResetAsync();
        _connection = await broker.ConnectAsync("delayed-redelivery", cancellationToken);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return _channel;
    }

    private async Task ResetAsync()
    {
        _declared.Clear();
        if (_channel is not null) { try { await _channel.DisposeAsync(); } catch (Exception) { /* already broken */ } }
        if (_connection is not null) { try { await _connection.DisposeAsync(); } catch (Exception) { /* already broken */ } }
        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync() => await ResetAsync();
}
