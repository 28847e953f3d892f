using MassTransit;
using Platform.Cases.Model;
using Platform.Messaging.Inbox;

namespace Platform.Cases.IntegrationEvents;

public sealed class InstitutionRegisteredConsumer(CasesDbContext db, ILogger<InstitutionRegisteredConsumer> logger)
    : IdempotentConsumer<InstitutionRegistered, CasesDbContext>(db, logger)
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
