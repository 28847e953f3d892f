using System.Text.Json;
using Npgsql;

namespace Platform.Testing;

/// <summary>What a service's outbox holds for one aggregate: the events it committed with its state, in order.</summary>
public static class OutboxEvents
{
    /// <summary>The events written for <paramref name="aggregateId"/> in the database at <paramref name="connectionString"/>, oldest first, by short type name.</summary>
    public static async Task<List<(string Type, JsonElement Body)>> OfAsync(string connectionString, Guid aggregateId)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT message_type, body FROM outbox_messages WHERE aggregate_id = $1 ORDER BY sequence", db)
        {
            Parameters = { new() { Value = aggregateId } },
        };
        var events = new List<(string, JsonElement)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // "Platform.Contracts.MeetingScheduled, Platform.Contracts" -> "MeetingScheduled"
            var type = reader.GetString(0);
            events.Add((type[(type.LastIndexOf('.', type.IndexOf(',')) + 1)..type.IndexOf(',')], JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        }
        return events;
    }
}
