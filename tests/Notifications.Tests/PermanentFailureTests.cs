using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class PermanentFailureTests(NotificationsService service)
{
    [Fact]
    public async Task A_refused_mailbox_is_marked_Failed_at_once_and_published_as_NotificationFailed()
    {
        using var smtp = new RefusingSmtpServer();
        var (refusing, database) = await service.StartServiceAsync(smtp.ConnectionString);
        await using var _ = refusing;
        var invitee = Events.Invitee("tr");
        var meeting = Events.Meeting();

        await refusing.Services.GetRequiredService<IBus>().Publish(new MeetingScheduled { Meeting = meeting, Invitees = [invitee] });
        await using var db = new NpgsqlConnection(database);
        await db.OpenAsync();
        var row = await Eventually.GetAsync(async () =>
        {
            await using var query = new NpgsqlCommand("SELECT status, attempts, last_error FROM notifications WHERE subject_id = $1", db) { Parameters = { new() { Value = meeting.MeetingId } } };
            await using var reader = await query.ExecuteReaderAsync();
            return await reader.ReadAsync() ? (Status: reader.GetString(0), Attempts: reader.GetInt32(1), Error: reader.IsDBNull(2) ? null : reader.GetString(2)) : default;
        }, r => r.Status is "Failed" or "Sent", TimeSpan.FromSeconds(30), "the refusal to be recorded");
        await using var events = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE aggregate_id = $1 AND message_type LIKE 'Platform.Contracts.NotificationFailed,%'", db)
        {
            Parameters = { new() { Value = meeting.MeetingId } },
        };

        Assert.Equal("Failed", row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("550", row.Error);
        Assert.Equal(1L, await events.ExecuteScalarAsync());
    }
}
