using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Meetings.Infrastructure.EntityConfigurations;

internal sealed class MeetingDocumentEntityTypeConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> document)
    {
        document.ToTable("meeting_documents");
        document.Property(d => d.FileName).HasMaxLength(DocumentUpload.FileNameMaxLength);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.UploadedBy).HasMaxLength(200);
        document.Property(d => d.Sha256).HasMaxLength(32);
        // Kept out of line (TOAST) by PostgreSQL; lists select around it.
        document.Property(d => d.Content).HasColumnType("bytea");
        document.Ignore(d => d.ETag);
        document.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId);
        document.HasIndex(d => new { d.MeetingId, d.UploadedAt });
    }
}
