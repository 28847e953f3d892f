using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Cases.Households;

namespace Platform.Cases.Infrastructure.EntityConfigurations;

public sealed class HouseholdEntityTypeConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> household)
    {
        household.ToTable("households");
        household.HasIndex(h => h.ReferenceCode).IsUnique();
        household.HasIndex(h => h.District);
        household.Property(h => h.ReferenceCode).HasMaxLength(20);
        household.Property(h => h.District).HasMaxLength(40);
        household.Property(h => h.FormedBy).HasMaxLength(100);
        household.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HouseholdId);
    }
}

public sealed class HouseholdMemberEntityTypeConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public const string OneHouseholdPerPerson = "ix_household_members_beneficiary_id";
    public const string OneHeadPerHousehold = "ix_household_members_one_head";

    public void Configure(EntityTypeBuilder<HouseholdMember> member)
    {
        member.ToTable("household_members");
        member.HasKey(m => new { m.HouseholdId, m.BeneficiaryId });
        // A person belongs to at most one household at a time.
        member.HasIndex(m => m.BeneficiaryId).IsUnique().HasDatabaseName(OneHouseholdPerPerson);
        // And a household has at most one head.
        member.HasIndex(m => m.HouseholdId).IsUnique().HasFilter("relationship = 'head'").HasDatabaseName(OneHeadPerHousehold);
        member.Property(m => m.Relationship).HasMaxLength(20);
        member.Property(m => m.AddedBy).HasMaxLength(100);
        member.HasOne<Beneficiary>().WithMany().HasForeignKey(m => m.BeneficiaryId);
    }
}

public sealed class BeneficiaryIdentifierEntityTypeConfiguration : IEntityTypeConfiguration<BeneficiaryIdentifier>
{
    public void Configure(EntityTypeBuilder<BeneficiaryIdentifier> identifier)
    {
        identifier.ToTable("beneficiary_identifiers");
        identifier.HasKey(i => new { i.BeneficiaryId, i.Kind });
        // Every lookup is by hash: the duplicate checks, the "already registered" rule.
        identifier.HasIndex(i => i.Hash);
        identifier.Property(i => i.Kind).HasMaxLength(20);
    }
}
