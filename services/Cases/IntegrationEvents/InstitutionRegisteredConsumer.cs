using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Cases.IntegrationEvents;

public sealed class InstitutionRegisteredConsumer(CasesDbContext db, ILogger<InstitutionRegisteredConsumer> logger)
    : IdempotentConsumer<InstitutionRegistered, CasesDbContext>(db, logger)
{
    protected override Task HandleAsync(InstitutionRegistered message, ConsumeContext<InstitutionRegistered> context) =>
        Db.Institutions.LearnAsync(message, context.CancellationToken);
}
