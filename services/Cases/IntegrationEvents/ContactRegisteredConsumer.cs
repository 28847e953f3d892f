using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Cases.IntegrationEvents;

/// <summary>Focal points of institutions (from meetings): who is emailed when a referral is made to their institution.</summary>
public sealed class ContactRegisteredConsumer(CasesDbContext db, ILogger<ContactRegisteredConsumer> logger)
    : IdempotentConsumer<ContactRegistered, CasesDbContext>(db, logger)
{
    protected override async Task HandleAsync(ContactRegistered message, ConsumeContext<ContactRegistered> context)
    {
        var contact = await Db.Contacts.FindAsync([message.ContactId], context.CancellationToken);
        if (contact is null)
        {
            contact = new KnownContact { Id = message.ContactId, FullName = message.FullName, Email = message.Email, Language = message.Language };
            Db.Contacts.Add(contact);
        }
        contact.InstitutionId = message.InstitutionId;
        contact.FullName = message.FullName;
        contact.Email = message.Email;
        contact.Language = message.Language;
    }
}
