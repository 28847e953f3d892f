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
    protected override Task HandleAsync(InstitutionRegistered message, ConsumeContext<InstitutionRegistered> context) =>
        Db.Institutions.LearnAsync(message, context.CancellationToken);
}
