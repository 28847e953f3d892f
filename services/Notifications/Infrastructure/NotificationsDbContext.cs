using Platform.Messaging;

namespace Platform.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.HasIndex(n => new { n.EventId, n.RecipientId, n.Kind }).IsUnique();
            notification.HasIndex(n => new { n.Status, n.NextAttemptAt });
            notification.HasIndex(n => n.SubjectId);
            notification.Property(n => n.Kind).HasMaxLength(20);
            notification.Property(n => n.Status).HasMaxLength(10);
            notification.Property(n => n.Language).HasMaxLength(2);
            notification.Property(n => n.RecipientEmail).HasMaxLength(254);
            notification.Property(n => n.RecipientName).HasMaxLength(200);
            notification.Property(n => n.Subject).HasMaxLength(400);
            notification.Property(n => n.MessageId).HasMaxLength(200);
            notification.Property(n => n.TraceParent).HasMaxLength(64);
            notification.Property(n => n.District).HasMaxLength(40);
            notification.Property(n => n.RecipientKind).HasMaxLength(20).HasDefaultValue(RecipientKinds.FocalPoint);
            notification.HasIndex(n => new { n.District, n.CreatedAt });
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
