using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Cases.Transfers;

namespace Platform.Cases.Infrastructure.EntityConfigurations;

public sealed class CaseTransferEntityTypeConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> transfer)
    {
        transfer.ToTable("case_transfers");
        transfer.HasIndex(t => t.ReferenceCode).IsUnique();
        // One pending transfer per case, held by the database as well: two desks racing get one 409.
        transfer.HasIndex(t => t.CaseId).IsUnique().HasFilter("status = 'pending'").HasDatabaseName("ix_case_transfers_one_pending_per_case");
        // The custody history's path: a case's transfers in order.
        transfer.HasIndex(t => new { t.CaseId, t.AnsweredAt });
        transfer.HasIndex(t => new { t.ToDistrict, t.Status });
        transfer.HasIndex(t => new { t.FromDistrict, t.Status });
        transfer.Property(t => t.ReferenceCode).HasMaxLength(20);
        transfer.Property(t => t.FromDistrict).HasMaxLength(40);
        transfer.Property(t => t.ToDistrict).HasMaxLength(40);
        transfer.Property(t => t.Status).HasMaxLength(20);
        transfer.Property(t => t.RequestedBy).HasMaxLength(100);
        transfer.Property(t => t.AnsweredBy).HasMaxLength(100);
        transfer.Property(t => t.AnsweredByInstitution).HasMaxLength(100);
        transfer.Property(t => t.Version).IsRowVersion();
        transfer.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId);
    }
}
