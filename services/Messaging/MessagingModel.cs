using Platform.Messaging.Inbox;
using Platform.Messaging.Outbox;

namespace Platform.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox and inbox tables to a service's own model (and so to its migrations).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.HasIndex(m => new { m.AggregateId, m.Sequence }, "ix_outbox_messages_aggregate_pending").HasFilter("delivered_at IS NULL");
            // The dispatcher only ever looks for what is still to deliver.
            outbox.HasIndex(m => m.Sequence, "ix_outbox_messages_pending").HasFilter("delivered_at IS NULL");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
        return modelBuilder;
    }
}
