using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Notifications.Tests;

/// <summary>The delivery log shows a partner its own districts only, and never a participant's name or address.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class DeliveryLogPrivacyTests(NotificationsService service)
{
    [Fact]
    public async Task A_desk_sees_the_emails_of_its_own_districts_and_not_the_invitees_of_another_district()
    {
        var pendik = Events.Meeting() with { District = "pendik" };
        var invitee = Events.Invitee("tr");
        await service.PublishAsync(new MeetingScheduled { Meeting = pendik, Invitees = [invitee] });
        await service.WaitForMailAsync(invitee.Email, 1);

        using var umraniye = service.Partner("umraniye-desk", "notifications.read", "umraniye");
        using var pendikDesk = service.Partner("pendik-desk", "notifications.read", "pendik");
        using var cityWide = service.Partner("operations", "notifications.read");

        var seenByUmraniye = await LogAsync(umraniye, pendik.MeetingId);
        var seenByPendik = await LogAsync(pendikDesk, pendik.MeetingId);
        var seenCityWide = await LogAsync(cityWide, pendik.MeetingId);

        Assert.Equal(0, seenByUmraniye.GetProperty("totalItems").GetInt32());
        Assert.DoesNotContain(invitee.Email, seenByUmraniye.GetRawText());
        var row = Assert.Single(seenByPendik.GetProperty("items").EnumerateArray());
        Assert.Equal(invitee.Email, row.GetProperty("recipientEmail").GetString());
        Assert.Equal("pendik", row.GetProperty("district").GetString());
        Assert.Equal(pendik.HostInstitutionId, row.GetProperty("institutionId").GetGuid());
        Assert.Equal(1, seenCityWide.GetProperty("totalItems").GetInt32());
    }

    [Fact]
    public async Task A_womans_training_invitation_is_masked_in_the_log_and_its_message_dropped_once_sent()
    {
        var trainingId = Guid.NewGuid();
        var email = $"fatma.{Guid.NewGuid():N}@example.org";
        var invitee = new TrainingInvitee { EntrepreneurId = Guid.NewGuid(), FullName = "Fatma Yıldırım", Email = email, Language = "tr" };
        await service.PublishAsync(Events.Training(trainingId, invitee));

        // She gets her invitation with her own name and address ...
        var sent = Assert.Single(await service.WaitForMailAsync(email, 1));
        Assert.Equal("Fatma Yıldırım", sent.To.Mailboxes.Single().Name);

        // ... and the log shows neither, to anyone, and keeps no message once it was handed over.
        using var cityWide = service.Partner("operations", "notifications.read");
        var row = Assert.Single((await Eventually.GetAsync(() => LogAsync(cityWide, trainingId),
            log => log.GetProperty("items").EnumerateArray().Any(n => n.GetProperty("status").GetString() == "Sent"), TimeSpan.FromSeconds(20), "the invitation logged as Sent"))
            .GetProperty("items").EnumerateArray());
        Assert.Equal("f***@example.org", row.GetProperty("recipientEmail").GetString());
        Assert.Equal("F*** Y***", row.GetProperty("recipientName").GetString());
        Assert.Equal("participant", row.GetProperty("recipientKind").GetString());

        var dump = await Sql.ScalarAsync<string>(service.Database,
            "SELECT string_agg(n::text, '\n') FROM notifications n WHERE subject_id = $1", trainingId);
        Assert.DoesNotContain(email, dump);
        Assert.DoesNotContain("Yıldırım", dump);
        Assert.True(await Sql.ScalarAsync<bool>(service.Database, "SELECT content IS NULL FROM notifications WHERE subject_id = $1", trainingId));
    }

    [Fact]
    public async Task A_participants_message_waiting_for_the_smtp_server_is_sealed_at_rest()
    {
        var trainingId = Guid.NewGuid();
        var email = $"amina.{Guid.NewGuid():N}@example.org";
        var invitee = new TrainingInvitee { EntrepreneurId = Guid.NewGuid(), FullName = "أمينة الحسن", Email = email, Language = "ar" };
        await service.MailHost.StopResourceAsync("smtp");
        try
        {
            await service.PublishAsync(Events.Training(trainingId, invitee, district: "sultangazi"));
            var waiting = await Eventually.GetAsync(
                () => Sql.ScalarAsync<long>(service.Database, "SELECT count(*) FROM notifications WHERE subject_id = $1 AND status = 'Pending'", trainingId),
                count => count == 1, TimeSpan.FromSeconds(20), "the invitation waiting for SMTP");
            Assert.Equal(1, waiting);

            var content = await Sql.ScalarAsync<byte[]>(service.Database, "SELECT content FROM notifications WHERE subject_id = $1", trainingId);
            var asText = System.Text.Encoding.UTF8.GetString(content);
            Assert.DoesNotContain(email, asText);
            Assert.DoesNotContain("Subject:", asText);
            Assert.DoesNotContain("MIME-Version", asText);
        }
        finally
        {
            await service.MailHost.StartResourceAsync("smtp");
        }

        // The sender opens it with the service's key and delivers it whole.
        var delivered = Assert.Single(await service.WaitForMailAsync(email, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("أمينة الحسن", delivered.To.Mailboxes.Single().Name);
    }

    private static async Task<JsonElement> LogAsync(HttpClient partner, Guid subjectId) =>
        await partner.GetFromJsonAsync<JsonElement>($"/api/v1/notifications?subjectId={subjectId}");
}
