using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Contracts;

namespace Platform.WebApi.Directory;

/// <summary>
/// A service's copy of the stakeholder directory (owned by meetings, learnt from its
/// <c>InstitutionRegistered</c> events): who provides services, receives referrals, runs cohorts and
/// supports licences. An id a service has not learnt is refused, never stored on trust.
/// </summary>
public sealed class KnownInstitution
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public string? District { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}

public static class KnownInstitutions
{
    /// <summary>Adds or updates the institution the event names: a copy published twice leaves one row.</summary>
    public static async Task LearnAsync(this DbSet<KnownInstitution> institutions, InstitutionRegistered message, CancellationToken cancellationToken)
    {
        var institution = await institutions.FindAsync([message.InstitutionId], cancellationToken);
        if (institution is null)
        {
            institution = new KnownInstitution { Id = message.InstitutionId, Name = message.Name, Kind = message.Kind };
            institutions.Add(institution);
        }
        institution.Name = message.Name;
        institution.Kind = message.Kind;
        institution.District = message.District;
        institution.RegisteredAt = message.RegisteredAt;
    }

    /// <summary>The <c>institutions</c> table, the same in every service that keeps a copy.</summary>
    public static void Configure(EntityTypeBuilder<KnownInstitution> institution)
    {
        institution.ToTable("institutions");
        // The id is the meetings service's: never generated here.
        institution.Property(i => i.Id).ValueGeneratedNever();
        institution.Property(i => i.Name).HasMaxLength(200);
        institution.Property(i => i.Kind).HasMaxLength(40);
        institution.Property(i => i.District).HasMaxLength(40);
    }
}
