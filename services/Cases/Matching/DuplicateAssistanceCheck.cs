namespace Platform.Cases.Matching;

/// <summary>
/// Did another desk or institution give the same category of aid to the same person within the window?
/// The person is found by the keyed hash of the identity number, or, without one, among the few people
/// born on the same day (keyed hash of the date of birth) whose sealed full name matches
/// (<see cref="NameMatcher"/>). The answer names category, date, district and institution, never the
/// person; each person matched is written to the audit log as a "match" by the caller.
/// </summary>
public sealed class DuplicateAssistanceCheck(CasesDbContext db, PersonalDataProtector protector, AuditTrail audit)
{
    public const int DefaultWindowDays = 30;

    /// <summary>Who the check is about: an identity number, or a name with a date of birth (either may come from a beneficiary).</summary>
    public sealed record Person(string? ForeignerIdNumber, string? FullName, DateOnly? DateOfBirth, Guid? BeneficiaryId = null);

    /// <summary>The service the check is for; services of the same provider in the same district are that desk's own business.</summary>
    public sealed record Service(string Category, DateOnly On, int WindowDays, string District, Guid? ProviderInstitutionId);

    public async Task<IReadOnlyList<AssistanceMatch>> FindAsync(Person person, Service service, Partner partner, CancellationToken cancellationToken)
    {
        var people = await SamePersonAsync(person, cancellationToken);
        if (people.Count == 0) return [];
        var (from, to) = (service.On.AddDays(-service.WindowDays), service.On.AddDays(service.WindowDays));
        var ids = people.Keys.ToList();
        var given = await db.Services.AsNoTracking()
            .Where(s => ids.Contains(s.BeneficiaryId) && s.Category == service.Category && s.DeliveredOn >= from && s.DeliveredOn <= to)
            .Where(s => s.District != service.District || s.ProviderInstitutionId != service.ProviderInstitutionId)
            .OrderByDescending(s => s.DeliveredOn)
            .Take(20)
            .ToListAsync(cancellationToken);
        if (given.Count == 0) return [];

        var providers = given.Select(s => s.ProviderInstitutionId).Distinct().ToList();
        var names = await db.Institutions.AsNoTracking().Where(i => providers.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        foreach (var beneficiaryId in given.Select(s => s.BeneficiaryId).Distinct())
            audit.Record(partner, beneficiaryId, "match", "service");
        return given.Select(s => new AssistanceMatch
        {
            Category = s.Category, DeliveredOn = s.DeliveredOn, District = s.District, InstitutionId = s.ProviderInstitutionId,
            InstitutionName = names.GetValueOrDefault(s.ProviderInstitutionId, "(unknown institution)"), MatchedBy = people[s.BeneficiaryId],
        }).ToList();
    }

    /// <summary>Registrations that are this person, with how each was recognised.</summary>
    private async Task<Dictionary<Guid, string>> SamePersonAsync(Person person, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, string>();
        if (person.BeneficiaryId is { } self) found[self] = "identifier";
        byte[]? identifier = person.ForeignerIdNumber is { } number ? protector.IdentifierHash(number) : null;
        if (identifier is not null)
        {
            foreach (var id in await db.Beneficiaries.AsNoTracking().Where(b => b.IdentifierHash == identifier).Select(b => b.Id).ToListAsync(cancellationToken))
                found[id] = "identifier";
        }
        if (person is { FullName: { } fullName, DateOfBirth: { } born })
        {
            var name = PersonName.Of(fullName);
            var birthDate = protector.BirthDateHash(born);
            var sameBirthday = await db.Beneficiaries.AsNoTracking().Where(b => b.BirthDateHash == birthDate).ToListAsync(cancellationToken);
            foreach (var candidate in sameBirthday.Where(c => !found.ContainsKey(c.Id)))
            {
                // Two different identity numbers are two people, however alike their names.
                if (identifier is not null && candidate.IdentifierHash is not null && !candidate.IdentifierHash.AsSpan().SequenceEqual(identifier)) continue;
                if (NameMatcher.IsSameName(name, PersonName.Of(protector.Open(candidate).FullName))) found[candidate.Id] = "name";
            }
        }
        return found;
    }
}
