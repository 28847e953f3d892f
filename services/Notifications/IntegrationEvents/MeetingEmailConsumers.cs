using MassTransit;
using Platform.Messaging.Inbox;
using Platform.Notifications.Composition;
using Platform.Notifications.Delivery;
using Platform.Security.Sharing;

namespace Platform.Notifications.IntegrationEvents;

/// <summary>Invitations: one per invitee (iTIP REQUEST, SEQUENCE of the meeting).</summary>
public sealed class MeetingScheduledConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<MeetingScheduledConsumer> logger)
    : IdempotentConsumer<MeetingScheduled, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(MeetingScheduled message, ConsumeContext<MeetingScheduled> context)
    {
        foreach (var invitee in message.Invitees)
            log.Add(context.MessageId!.Value, NotificationKinds.Invitation, MeetingEmails.About(message.Meeting), MeetingEmails.Recipient(invitee),
                composer.Invitation(message.Meeting, invitee, isUpdate: false));
        return Task.CompletedTask;
    }
}

/// <summary>Updates: the same UID with the higher SEQUENCE, to every invitee.</summary>
public sealed class MeetingRescheduledConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<MeetingRescheduledConsumer> logger)
    : IdempotentConsumer<MeetingRescheduled, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(MeetingRescheduled message, ConsumeContext<MeetingRescheduled> context)
    {
        foreach (var invitee in message.Invitees)
            log.Add(context.MessageId!.Value, NotificationKinds.Update, MeetingEmails.About(message.Meeting), MeetingEmails.Recipient(invitee),
                composer.Invitation(message.Meeting, invitee, isUpdate: true));
        return Task.CompletedTask;
    }
}

/// <summary>Cancellations (iTIP CANCEL, STATUS:CANCELLED) to every invitee.</summary>
public sealed class MeetingCancelledConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<MeetingCancelledConsumer> logger)
    : IdempotentConsumer<MeetingCancelled, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(MeetingCancelled message, ConsumeContext<MeetingCancelled> context)
    {
        foreach (var invitee in message.Invitees)
            log.Add(context.MessageId!.Value, NotificationKinds.Cancellation, MeetingEmails.About(message.Meeting), MeetingEmails.Recipient(invitee),
                composer.Cancellation(message.Meeting, invitee, message.Reason, removed: false));
        return Task.CompletedTask;
    }
}

/// <summary>A new invitee gets the current invitation.</summary>
public sealed class InviteeAddedConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<InviteeAddedConsumer> logger)
    : IdempotentConsumer<InviteeAdded, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(InviteeAdded message, ConsumeContext<InviteeAdded> context)
    {
        var invitee = message.Invitee;
        log.Add(context.MessageId!.Value, NotificationKinds.Invitation, MeetingEmails.About(message.Meeting), MeetingEmails.Recipient(invitee),
            composer.Invitation(message.Meeting, invitee, isUpdate: false));
        return Task.CompletedTask;
    }
}

/// <summary>A removed invitee gets a cancellation of their invitation only.</summary>
public sealed class InviteeRemovedConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<InviteeRemovedConsumer> logger)
    : IdempotentConsumer<InviteeRemoved, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(InviteeRemoved message, ConsumeContext<InviteeRemoved> context)
    {
        var invitee = message.Invitee;
        log.Add(context.MessageId!.Value, NotificationKinds.Cancellation, MeetingEmails.About(message.Meeting), MeetingEmails.Recipient(invitee),
            composer.Cancellation(message.Meeting, invitee, null, removed: true));
        return Task.CompletedTask;
    }
}

/// <summary>Minutes, with decisions and action items, to every invitee.</summary>
public sealed class MinutesPublishedConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<MinutesPublishedConsumer> logger)
    : IdempotentConsumer<MinutesPublished, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(MinutesPublished message, ConsumeContext<MinutesPublished> context)
    {
        foreach (var invitee in message.Invitees)
            log.Add(context.MessageId!.Value, NotificationKinds.Minutes, MeetingEmails.About(message.Meeting), MeetingEmails.Recipient(invitee),
                composer.Minutes(message, invitee));
        return Task.CompletedTask;
    }
}

/// <summary>An overdue action item, to its owner institution's focal points.</summary>
public sealed class ActionItemOverdueConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<ActionItemOverdueConsumer> logger)
    : IdempotentConsumer<ActionItemOverdue, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(ActionItemOverdue message, ConsumeContext<ActionItemOverdue> context)
    {
        foreach (var recipient in message.Recipients)
            log.Add(context.MessageId!.Value, NotificationKinds.Overdue, new Concerning(message.ActionItemId, message.District, message.OwnerInstitutionId), MeetingEmails.Recipient(recipient),
                composer.Overdue(message, recipient));
        return Task.CompletedTask;
    }
}

/// <summary>A referral to an institution: its focal points get the reference code, in their language.</summary>
public sealed class ReferralMadeConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<ReferralMadeConsumer> logger)
    : IdempotentConsumer<ReferralMade, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(ReferralMade message, ConsumeContext<ReferralMade> context)
    {
        foreach (var recipient in message.Recipients)
            log.Add(context.MessageId!.Value, NotificationKinds.Referral, new Concerning(message.ReferralId, message.FromDistrict, message.ToInstitutionId), MeetingEmails.Recipient(recipient),
                composer.Referral(message, recipient));
        return Task.CompletedTask;
    }
}

/// <summary>A referral was answered: the referring desk's focal points get the reference code and the outcome.</summary>
public sealed class ReferralAnsweredConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<ReferralAnsweredConsumer> logger)
    : IdempotentConsumer<ReferralAnswered, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(ReferralAnswered message, ConsumeContext<ReferralAnswered> context)
    {
        // The programme's answers, and answers with no desk to tell, name nobody.
        foreach (var recipient in message.Recipients)
            log.Add(context.MessageId!.Value, NotificationKinds.ReferralAnswered, new Concerning(message.ReferralId, message.FromDistrict, message.ToInstitutionId), MeetingEmails.Recipient(recipient),
                composer.ReferralAnswered(message, recipient));
        return Task.CompletedTask;
    }
}

/// <summary>A referral is past its due date unanswered: the receiving institution's focal points are reminded, once.</summary>
public sealed class ReferralOverdueConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, ILogger<ReferralOverdueConsumer> logger)
    : IdempotentConsumer<ReferralOverdue, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(ReferralOverdue message, ConsumeContext<ReferralOverdue> context)
    {
        foreach (var recipient in message.Recipients)
            log.Add(context.MessageId!.Value, NotificationKinds.ReferralReminder, new Concerning(message.ReferralId, message.FromDistrict, message.ToInstitutionId), MeetingEmails.Recipient(recipient),
                composer.ReferralReminder(message, recipient));
        return Task.CompletedTask;
    }
}

/// <summary>A training session of the livelihoods programme: each invited woman gets an invitation in her language.</summary>
public sealed class TrainingScheduledConsumer(NotificationsDbContext db, EmailComposer composer, DeliveryLog log, SharedEnvelope envelope, ILogger<TrainingScheduledConsumer> logger)
    : IdempotentConsumer<TrainingScheduled, NotificationsDbContext>(db, logger)
{
    protected override Task HandleAsync(TrainingScheduled message, ConsumeContext<TrainingScheduled> context)
    {
        foreach (var invitee in envelope.Open<List<TrainingInvitee>>(message.SealedInvitees, SharedEnvelope.TrainingContext(message.TrainingId)))
            log.Add(context.MessageId!.Value, NotificationKinds.Training, new Concerning(message.TrainingId, message.District, null),
                new EmailRecipient(invitee.EntrepreneurId, invitee.FullName, invitee.Email, invitee.Language, RecipientKinds.Participant),
                composer.Training(message, invitee));
        return Task.CompletedTask;
    }
}

/// <summary>How meeting events name what an email concerns and whom it goes to.</summary>
internal static class MeetingEmails
{
    public static Concerning About(MeetingSnapshot meeting) => new(meeting.MeetingId, meeting.District, meeting.HostInstitutionId);

    public static EmailRecipient Recipient(Invitation invitee) => new(invitee.ContactId, invitee.FullName, invitee.Email, invitee.Language);

    public static EmailRecipient Recipient(Recipient recipient) => new(recipient.ContactId, recipient.FullName, recipient.Email, recipient.Language);
}
