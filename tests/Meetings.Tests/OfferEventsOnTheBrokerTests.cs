using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using static Platform.Meetings.Tests.ServiceOfferRequests;

namespace Platform.Meetings.Tests;

/// <summary>What the outbox put on the broker for an offer, read back from a queue bound to the events' exchanges.</summary>
[Collection(MeetingsCollection.Name)]
public sealed class OfferEventsOnTheBrokerTests(MeetingsService service)
{
    private static readonly string[] Events = ["ServiceOfferPublished", "ServiceOfferChanged", "ServiceOfferWithdrawn"];

    [Fact]
    public async Task Published_changed_and_withdrawn_reach_the_broker_in_order_with_their_versions()
    {
        var factory = new ConnectionFactory { Uri = service.Broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync($"inspect-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in Events)
        {
            // MassTransit's exchange per message type: fanout, durable, named namespace:type.
            await channel.ExchangeDeclareAsync($"Platform.Contracts:{type}", ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, $"Platform.Contracts:{type}", "");
        }

        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var offer = await partner.PublishOfferIdAsync(institution, Offer("Sosyal Uyum Atölyesi", "social-cohesion"));
        (await partner.PatchOfferAsync(offer, """{"capacityPerMonth": 12}""")).EnsureSuccessStatusCode();
        (await partner.WithdrawOfferAsync(offer)).EnsureSuccessStatusCode();

        var received = new List<(string Type, JsonElement Message)>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && received.Count < Events.Length)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
            {
                var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span)).RootElement;
                var type = envelope.GetProperty("messageType")[0].GetString()!;
                var message = envelope.GetProperty("message").Clone();
                if (message.GetProperty("offerId").GetGuid() == offer) received.Add((type[(type.LastIndexOf(':') + 1)..], message));
            }
            else await Task.Delay(100);
        }

        Assert.Equal(Events, received.Select(r => r.Type));
        Assert.Equal([1, 2, 3], received.Select(r => r.Message.GetProperty("version").GetInt32()));
        Assert.Equal(12, received[1].Message.GetProperty("terms").GetProperty("capacityPerMonth").GetInt32());
        Assert.All(received, r => Assert.Equal(institution, r.Message.GetProperty("institutionId").GetGuid()));
    }
}
