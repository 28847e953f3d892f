using MassTransit;
using Platform.Messaging.Inbox;
using Platform.Notifications.Composition;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.IntegrationEvents;

/// <summary>A case is to move to another district: the receiving desk's focal points get the reference code, in their language.</summary>
public sealed class CaseTransferRequestedConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<CaseTransferRequestedConsumer> logger)
    : IdempotentConsumer<CaseTransferRequested, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(CaseTransferRequested message, ConsumeContext<CaseTransferRequested> context)
    {
        // The delivery log shows it to the receiving district, whose desk it is for.
        foreach (var recipient in message.Recipients)
            log.Add(context.MessageId!.Value, NotificationKinds.Transfer, new Concerning(message.TransferId, message.ToDistrict, message.ToInstitutionId), MeetingEmails.Recipient(recipient),
                composer.Transfer(message, recipient));
        return Task.CompletedTask;
    }
}
