using Platform.Notifications.Composition;
using Platform.Security.Protection;

namespace Platform.Notifications.Delivery;

/// <summary>What an email is about, for whom the delivery log shows it: a partner sees the emails of its districts.</summary>
public readonly record struct Concerning(Guid SubjectId, string? District, Guid? InstitutionId);

/// <summary>Who gets an email: a focal point (a work contact) or a participant (whose details are personal data).</summary>
public sealed record EmailRecipient(Guid Id, string FullName, string Email, string Language, string Kind = RecipientKinds.FocalPoint);

/// <summary>
/// Where consumers put the emails an event calls for: one Pending row per (event, recipient, kind) in
/// the consumer's own transaction (its commit wakes the senders, see NewMailCommitInterceptor). The unique key means a second delivery
/// of the same event can never become a second email. A participant's name and address are kept only
/// masked in the row, and the message that holds them is sealed.
/// </summary>
public sealed class DeliveryLog(NotificationsDbContext db, PersonalDataProtector protector, TimeProvider clock)
{
    public void Add(Guid eventId, string kind, Concerning about, EmailRecipient recipient, ComposedEmail email)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var participant = recipient.Kind == RecipientKinds.Participant;
        db.Notifications.Add(new Notification
        {
            Id = id,
            EventId = eventId,
            SubjectId = about.SubjectId,
            District = about.District,
            InstitutionId = about.InstitutionId,
            Kind = kind,
            RecipientKind = recipient.Kind,
            RecipientId = recipient.Id,
            RecipientName = participant ? Masking.Name(recipient.FullName) : recipient.FullName,
            RecipientEmail = participant ? Masking.Email(recipient.Email) : recipient.Email,
            Language = recipient.Language,
            Subject = email.Subject,
            MessageId = email.MessageId,
            Content = participant ? protector.SealBytes(email.Content, SealContext(id)) : email.Content,
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        });
    }

    /// <summary>What a participant's sealed message is bound to: it opens for this row only.</summary>
    public static string SealContext(Guid notificationId) => $"notification/{notificationId}";
}
