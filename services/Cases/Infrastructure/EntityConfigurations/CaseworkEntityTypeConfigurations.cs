using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Cases.Model;

namespace Platform.Cases.Infrastructure.EntityConfigurations;

public sealed class BeneficiaryEntityTypeConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> beneficiary)
    {
        beneficiary.ToTable("beneficiaries");
        beneficiary.HasIndex(b => b.ReferenceCode).IsUnique();
        beneficiary.HasIndex(b => b.IdentifierHash);
        beneficiary.HasIndex(b => b.BirthDateHash);
        beneficiary.HasIndex(b => b.District);
        beneficiary.Property(b => b.ReferenceCode).HasMaxLength(20);
        beneficiary.Property(b => b.District).HasMaxLength(40);
        beneficiary.Property(b => b.LegalStatus).HasMaxLength(40);
        beneficiary.Property(b => b.Sex).HasMaxLength(10);
        beneficiary.Property(b => b.Nationality).HasMaxLength(2);
        beneficiary.Property(b => b.RegisteredBy).HasMaxLength(100);
        beneficiary.HasMany(b => b.Consents).WithOne().HasForeignKey(c => c.BeneficiaryId);
        beneficiary.HasMany(b => b.Identifiers).WithOne().HasForeignKey(i => i.BeneficiaryId);
        beneficiary.Property(b => b.Version).IsRowVersion();
        beneficiary.HasOne(b => b.Key).WithOne().HasForeignKey<PersonKey>(k => k.BeneficiaryId);
        // Every read of a person's details needs her key: it comes with her.
        beneficiary.Navigation(b => b.Key).AutoInclude();
    }
}

public sealed class PersonKeyEntityTypeConfiguration : IEntityTypeConfiguration<PersonKey>
{
    public void Configure(EntityTypeBuilder<PersonKey> key)
    {
        key.ToTable("person_keys");
        key.HasKey(k => k.BeneficiaryId);
    }
}

public sealed class ConsentEntityTypeConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> consent)
    {
        consent.ToTable("consents");
        consent.Property(c => c.Purpose).HasMaxLength(30);
    }
}

public sealed class CaseEntityTypeConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.ToTable("cases");
        @case.HasIndex(c => c.ReferenceCode).IsUnique();
        @case.HasIndex(c => c.BeneficiaryId);
        @case.HasIndex(c => new { c.District, c.Status });
        @case.Property(c => c.ReferenceCode).HasMaxLength(20);
        @case.Property(c => c.District).HasMaxLength(40);
        @case.Property(c => c.Priority).HasMaxLength(10);
        @case.Property(c => c.Status).HasMaxLength(20);
        @case.Property(c => c.AssignedTo).HasMaxLength(100);
        @case.Property(c => c.OpenedBy).HasMaxLength(100);
        @case.Property(c => c.Version).IsRowVersion();
        @case.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CaseId);
    }
}

public sealed class CaseNoteEntityTypeConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> note)
    {
        note.ToTable("case_notes");
        note.Property(n => n.WrittenBy).HasMaxLength(100);
        note.Property(n => n.WrittenByInstitution).HasMaxLength(100);
    }
}

public sealed class ServiceRecordEntityTypeConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> service)
    {
        service.ToTable("services_delivered");
        // The duplicate check's path: a person's services of one category, newest first.
        service.HasIndex(s => new { s.BeneficiaryId, s.Category, s.DeliveredOn });
        service.HasIndex(s => new { s.District, s.DeliveredOn });
        service.HasIndex(s => s.CaseId);
        service.Property(s => s.District).HasMaxLength(40);
        service.Property(s => s.Category).HasMaxLength(40);
        service.Property(s => s.Subject).HasMaxLength(40);
        // Services recorded before channels were: delivered at the desk.
        service.Property(s => s.Channel).HasMaxLength(20).HasDefaultValue(ServiceChannels.InPerson);
        service.Property(s => s.Amount).HasPrecision(14, 2);
        service.Property(s => s.Currency).HasMaxLength(3);
        service.Property(s => s.RecordedBy).HasMaxLength(100);
    }
}

public sealed class ReferralEntityTypeConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("referrals");
        referral.HasIndex(r => r.ReferenceCode).IsUnique();
        referral.HasIndex(r => r.CaseId);
        referral.HasIndex(r => new { r.ToInstitutionId, r.Status });
        referral.HasIndex(r => new { r.FromDistrict, r.Status });
        // The capacity check and the directory's load: an offer's referrals by month.
        referral.HasIndex(r => new { r.ServiceOfferId, r.MadeAt });
        // The reminder's path: unanswered referrals not reminded yet, by due date.
        referral.HasIndex(r => new { r.Status, r.DueBy }).HasFilter("reminder_sent_at IS NULL");
        referral.Property(r => r.ReferenceCode).HasMaxLength(20);
        referral.Property(r => r.FromDistrict).HasMaxLength(40);
        referral.Property(r => r.MadeBy).HasMaxLength(100);
        referral.Property(r => r.AnsweredBy).HasMaxLength(100);
        referral.Property(r => r.ToProgramme).HasMaxLength(20);
        referral.Property(r => r.Category).HasMaxLength(40);
        referral.Property(r => r.Status).HasMaxLength(20);
        referral.Property(r => r.Version).IsRowVersion();
    }
}

public sealed class DuplicateFlagEntityTypeConfiguration : IEntityTypeConfiguration<DuplicateFlag>
{
    public void Configure(EntityTypeBuilder<DuplicateFlag> flag)
    {
        flag.ToTable("duplicate_flags");
        flag.HasIndex(f => new { f.District, f.CheckedAt });
        flag.Property(f => f.District).HasMaxLength(40);
        flag.Property(f => f.Category).HasMaxLength(40);
        flag.Property(f => f.CheckedBy).HasMaxLength(100);
    }
}

public sealed class KnownContactEntityTypeConfiguration : IEntityTypeConfiguration<KnownContact>
{
    public void Configure(EntityTypeBuilder<KnownContact> contact)
    {
        contact.ToTable("known_contacts");
        contact.HasIndex(c => c.InstitutionId);
        contact.Property(c => c.Id).ValueGeneratedNever();
        contact.Property(c => c.FullName).HasMaxLength(200);
        contact.Property(c => c.Email).HasMaxLength(254);
        contact.Property(c => c.Language).HasMaxLength(2);
    }
}
