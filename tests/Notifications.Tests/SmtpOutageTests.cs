using Platform.Contracts;
using Platform.Testing;

namespace Platform.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class SmtpOutageTests(NotificationsService service)
{
    [Fact]
    public async Task Twenty_invitations_due_while_SMTP_is_down_all_arrive_once_when_it_is_back()
    {
        var invitees = Enumerable.Range(0, 20).Select(i => Events.Invitee(i % 3 == 0 ? "ar" : "tr")).ToList();
        await service.MailHost.StopResourceAsync("smtp");
        try
        {
            await service.PublishAsync(new MeetingScheduled { Meeting = Events.Meeting(), Invitees = invitees });
            await Task.Delay(TimeSpan.FromSeconds(4)); // the sender tries, fails, backs off
        }
        finally
        {
            await service.MailHost.StartResourceAsync("smtp");
        }

        foreach (var invitee in invitees)
            Assert.Single(await service.WaitForMailAsync(invitee.Email, 1, TimeSpan.FromSeconds(60)));
    }
}
