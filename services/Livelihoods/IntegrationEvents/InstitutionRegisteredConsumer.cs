using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Livelihoods.IntegrationEvents;

/// <summary>
/// Meetings registered an institution: livelihoods learns it, once. The inbox drops a redelivered
/// message; a copy published twice updates the one row its id keys.
/// </summary>
public sealed class InstitutionRegisteredConsumer(LivelihoodsDbContext db, ILogger<InstitutionRegisteredConsumer> logger)
    : IdempotentConsumer<InstitutionRegistered, LivelihoodsDbContext>(db, logger)
{
    protected override async Task HandleAsync(InstitutionRegistered message, ConsumeContext<InstitutionRegistered> context)
    {
        var institution = await Db.Institutions.FindAsync([message.InstitutionId], context.CancellationToken);
        if (institution is null)
        {
            institution = new KnownInstitution { Id = message.InstitutionId, Name = message.Name, Kind = message.Kind };
            Db.Institutions.Add(institution);
        }
        institution.Name = message.Name;
        institution.Kind = message.Kind;
        institution.District = message.District;
        institution.RegisteredAt = message.RegisteredAt;
    }
}
