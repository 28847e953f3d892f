using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Meetings.Infrastructure.EntityConfigurations;

internal sealed class InstitutionEntityTypeConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> institution)
    {
        institution.ToTable("institutions");
        institution.Property(i => i.Name).HasMaxLength(Validation.InstitutionNameMaxLength);
        institution.Property(i => i.SearchName).HasMaxLength(Validation.InstitutionNameMaxLength);
        institution.Property(i => i.Kind).HasMaxLength(40);
        institution.Property(i => i.District).HasMaxLength(40);
        institution.HasIndex(i => i.District);
        institution.HasMany(i => i.Contacts).WithOne().HasForeignKey(c => c.InstitutionId);
    }
}

internal sealed class ContactEntityTypeConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> contact)
    {
        contact.ToTable("contacts");
        contact.Property(c => c.FullName).HasMaxLength(Validation.PersonNameMaxLength);
        contact.Property(c => c.Email).HasMaxLength(Validation.EmailMaxLength);
        contact.Property(c => c.Language).HasMaxLength(2);
        contact.Property(c => c.Role).HasMaxLength(100);
        contact.Property(c => c.Phone).HasMaxLength(PhoneNumbers.MaxLength);
        contact.HasIndex(c => new { c.InstitutionId, c.Email }).IsUnique();
    }
}

internal sealed class MeetingEntityTypeConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.ToTable("meetings");
        meeting.Property(m => m.Title).HasMaxLength(Validation.TitleMaxLength);
        meeting.Property(m => m.Kind).HasMaxLength(40);
        meeting.Property(m => m.District).HasMaxLength(40);
        meeting.Property(m => m.Status).HasMaxLength(20);
        meeting.Property(m => m.Location).HasMaxLength(500);
        meeting.Property(m => m.OnlineUrl).HasMaxLength(1000);
        meeting.Property(m => m.CancellationReason).HasMaxLength(Validation.TextMaxLength);
        meeting.Property(m => m.Version).IsRowVersion();
        meeting.HasIndex(m => new { m.District, m.StartsAt });
        meeting.OwnsMany(m => m.Agenda, agenda =>
        {
            agenda.ToTable("meeting_agenda_items");
            agenda.WithOwner().HasForeignKey("MeetingId");
            agenda.HasKey("MeetingId", nameof(AgendaItem.Position));
            agenda.Property(a => a.Topic).HasMaxLength(40);
            agenda.Property(a => a.Title).HasMaxLength(Validation.TitleMaxLength);
        });
        meeting.OwnsMany(m => m.Invitees, invitee =>
        {
            invitee.ToTable("meeting_invitees");
            invitee.WithOwner().HasForeignKey("MeetingId");
            invitee.HasKey("MeetingId", nameof(Invitee.ContactId));
            invitee.Property(i => i.Reply).HasMaxLength(20);
        });
        meeting.OwnsOne(m => m.Minutes, minutes =>
        {
            minutes.ToTable("meeting_minutes");
            minutes.Property(m => m.Summary).HasMaxLength(Validation.TextMaxLength);
        });
    }
}

internal sealed class ActionItemEntityTypeConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> item)
    {
        item.ToTable("action_items");
        item.Property(a => a.Description).HasMaxLength(Validation.TextMaxLength);
        item.Property(a => a.District).HasMaxLength(40);
        item.Property(a => a.Status).HasMaxLength(20);
        item.Property(a => a.Version).IsRowVersion();
        item.HasIndex(a => new { a.District, a.Status });
        item.HasIndex(a => new { a.Status, a.DueOn });
    }
}

internal sealed class ReplyLinkKeyEntityTypeConfiguration : IEntityTypeConfiguration<ReplyLinkKey>
{
    public void Configure(EntityTypeBuilder<ReplyLinkKey> key)
    {
        key.ToTable("reply_link_keys");
        key.HasKey(k => k.Id);
    }
}
