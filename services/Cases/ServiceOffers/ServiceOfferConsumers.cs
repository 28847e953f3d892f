using MassTransit;
using Platform.Messaging.Inbox;

namespace Platform.Cases.ServiceOffers;

// The projection of the meetings service's service offers. Each event carries the offer's version: one
// that is not newer than the copy (a redelivery, or an event overtaken by a later one) changes nothing,
// except that the first publication's time is kept whenever it arrives.

public sealed class ServiceOfferPublishedConsumer(CasesDbContext db, ILogger<ServiceOfferPublishedConsumer> logger)
    : IdempotentConsumer<ServiceOfferPublished, CasesDbContext>(db, logger)
{
    protected override async Task HandleAsync(ServiceOfferPublished message, ConsumeContext<ServiceOfferPublished> context)
    {
        var offer = await Db.ServiceOffers.FindAsync([message.OfferId], context.CancellationToken);
        if (offer is null)
        {
            Db.ServiceOffers.Add(KnownServiceOffer.From(message.OfferId, message.InstitutionId, message.Terms, message.Version, publishedAt: message.PublishedAt));
            return;
        }
        // A change that overtook the publication left the publication time open.
        offer.PublishedAt ??= message.PublishedAt.ToUniversalTime();
        if (message.Version <= offer.Version)
        {
            Logger.LogInformation("Service offer {OfferId} is at version {Version}; publication of version {Stale} ignored", offer.Id, offer.Version, message.Version);
            return;
        }
        offer.Take(message.InstitutionId, message.Terms, message.Version);
    }
}

public sealed class ServiceOfferChangedConsumer(CasesDbContext db, ILogger<ServiceOfferChangedConsumer> logger)
    : IdempotentConsumer<ServiceOfferChanged, CasesDbContext>(db, logger)
{
    protected override async Task HandleAsync(ServiceOfferChanged message, ConsumeContext<ServiceOfferChanged> context)
    {
        var offer = await Db.ServiceOffers.FindAsync([message.OfferId], context.CancellationToken);
        if (offer is null)
        {
            // The change overtook the publication: the terms are whole, the publication time comes later.
            Db.ServiceOffers.Add(offer = KnownServiceOffer.From(message.OfferId, message.InstitutionId, message.Terms, message.Version));
        }
        else if (message.Version <= offer.Version)
        {
            Logger.LogInformation("Service offer {OfferId} is at version {Version}; change to version {Stale} ignored", offer.Id, offer.Version, message.Version);
            return;
        }
        offer.Take(message.InstitutionId, message.Terms, message.Version);
        offer.ChangedAt = message.ChangedAt.ToUniversalTime();
    }
}

public sealed class ServiceOfferWithdrawnConsumer(CasesDbContext db, ILogger<ServiceOfferWithdrawnConsumer> logger)
    : IdempotentConsumer<ServiceOfferWithdrawn, CasesDbContext>(db, logger)
{
    protected override async Task HandleAsync(ServiceOfferWithdrawn message, ConsumeContext<ServiceOfferWithdrawn> context)
    {
        // Without its terms there is nothing to keep: redelivered until the publication has arrived.
        var offer = await Db.ServiceOffers.FindAsync([message.OfferId], context.CancellationToken)
            ?? throw new ServiceOfferNotKnownYetException(message.OfferId);
        if (message.Version <= offer.Version)
        {
            Logger.LogInformation("Service offer {OfferId} is at version {Version}; withdrawal at version {Stale} ignored", offer.Id, offer.Version, message.Version);
            return;
        }
        offer.Version = message.Version;
        offer.WithdrawnAt = message.WithdrawnAt.ToUniversalTime();
    }
}

public sealed class ServiceOfferNotKnownYetException(Guid offerId)
    : Exception($"Service offer {offerId} was withdrawn before its publication arrived; retried until it does.");
