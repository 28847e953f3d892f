using Platform.Messaging;
using Platform.WebApi.Idempotency;

namespace Platform.Meetings.Infrastructure;

public sealed class MeetingsDbContext(DbContextOptions<MeetingsDbContext> options) : DbContext(options)
{
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ReplyLinkKey> ReplyLinkKeys => Set<ReplyLinkKey>();
    public DbSet<ServiceOffer> ServiceOffers => Set<ServiceOffer>();
    public DbSet<OfferReferral> OfferReferrals => Set<OfferReferral>();
    public DbSet<MeetingDocument> MeetingDocuments => Set<MeetingDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MeetingsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotency();
    }
}
