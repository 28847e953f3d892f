using Platform.Cases.Model;
using Platform.Cases.ServiceOffers;
using Platform.Messaging;
using Platform.WebApi.Idempotency;
using Platform.WebApi.PersonalData;

namespace Platform.Cases.Infrastructure;

public sealed class CasesDbContext(DbContextOptions<CasesDbContext> options) : DbContext(options)
{
    public DbSet<KnownInstitution> Institutions => Set<KnownInstitution>();
    public DbSet<KnownContact> Contacts => Set<KnownContact>();
    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<ServiceRecord> Services => Set<ServiceRecord>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<DuplicateFlag> DuplicateFlags => Set<DuplicateFlag>();
    public DbSet<KnownServiceOffer> ServiceOffers => Set<KnownServiceOffer>();
    public DbSet<CaseTransfer> Transfers => Set<CaseTransfer>();
    public DbSet<BeneficiaryIdentifier> Identifiers => Set<BeneficiaryIdentifier>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<Protection.PersonKey> PersonKeys => Set<Protection.PersonKey>();
    public DbSet<Retention.RetentionRun> RetentionRuns => Set<Retention.RetentionRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CasesDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotency();
        modelBuilder.AddAuditLog();
    }
}
