using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Platform.Cases.Tests;

/// <summary>A queue of the test's own, bound to MassTransit's exchanges of some event types: what the service put on the broker.</summary>
internal sealed class BrokerQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private BrokerQueue(IConnection connection, IChannel channel, string queue) => (_connection, _channel, _queue) = (connection, channel, queue);

    public static async Task<BrokerQueue> BindAsync(Uri broker, params string[] eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync($"inspect-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in eventTypes)
        {
            // MassTransit's exchange per message type: fanout, durable, named namespace:type.
            await channel.ExchangeDeclareAsync($"Platform.Contracts:{type}", ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, $"Platform.Contracts:{type}", "");
        }
        return new BrokerQueue(connection, channel, queue);
    }

    /// <summary>The first message whose body (the event itself) matches, read within 30 seconds; the others read on the way are dropped.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> matches, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await _channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
            {
                var message = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span)).RootElement.GetProperty("message").Clone();
                if (matches(message)) return message;
            }
            else await Task.Delay(100);
        }
        throw new TimeoutException($"No {what} reached the broker within 30 seconds.");
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
