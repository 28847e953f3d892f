namespace Platform.Cases.Matching;

/// <summary>
/// Did another desk or institution give the same category of aid to the same person within the window?
/// The person is found by the keyed hash of any identifier (national or foreigner identity number, passport,
/// UNHCR case), or, without one, among the few people born on the same day (keyed hash of the date of
/// birth) whose sealed full name matches (<see cref="NameMatcher"/>). For aid given to a household (food,
/// cash, household items) the other members of the person's household count too. The answer names
/// category, date, district and institution, never the person; each person matched is written to the audit
/// log as a "match". Many checks are answered together with a handful of set-based queries, whatever
/// their number (<see cref="FindManyAsync"/>): one check is a batch of one.
/// </summary>
public sealed class DuplicateAssistanceCheck(CasesDbContext db, PersonalDataProtector protector, AuditTrail audit)
{
    public const int DefaultWindowDays = 30;
    private const int MatchesPerCheck = 20;

    /// <summary>Aid a household receives as one: given to one member, it was given to all of them.</summary>
    public static readonly IReadOnlyList<string> HouseholdCategories = ["food-support", "cash-assistance", "shelter-household-items"];

    /// <summary>Who the check is about: identifiers, or a name with a date of birth (either may come from a beneficiary).</summary>
    public sealed record Person(IReadOnlyList<PersonIdentifier> Identifiers, string? FullName, DateOnly? DateOfBirth, Guid? BeneficiaryId = null);

    /// <summary>The service the check is for; services of the same provider in the same district are that desk's own business.</summary>
    public sealed record Service(string Category, DateOnly On, int WindowDays, string District, Guid? ProviderInstitutionId);

    public sealed record Check(Person Person, Service Service);

    public async Task<IReadOnlyList<AssistanceMatch>> FindAsync(Person person, Service service, Partner partner, CancellationToken cancellationToken) =>
        (await FindManyAsync([new Check(person, service)], partner, cancellationToken))[0];

    /// <summary>The matches of each check, in the order of <paramref name="checks"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<AssistanceMatch>>> FindManyAsync(IReadOnlyList<Check> checks, Partner partner, CancellationToken cancellationToken)
    {
        var people = await SamePeopleAsync(checks, cancellationToken);
        await AddHouseholdsAsync(checks, people, cancellationToken);
        var given = await AssistanceQuery.GivenAsync(db, checks, people, MatchesPerCheck, cancellationToken);

        var providers = given.SelectMany(g => g).Select(s => s.ProviderInstitutionId).Distinct().ToList();
        var names = providers.Count == 0 ? []
            : await db.Institutions.AsNoTracking().Where(i => providers.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        var answers = new List<IReadOnlyList<AssistanceMatch>>(checks.Count);
        for (var i = 0; i < checks.Count; i++)
        {
            foreach (var beneficiaryId in given[i].Select(s => s.BeneficiaryId).Distinct())
                audit.Record(partner, beneficiaryId, "match", "service");
            answers.Add(given[i].Select(s => new AssistanceMatch
            {
                Category = s.Category, DeliveredOn = s.DeliveredOn, District = s.District, InstitutionId = s.ProviderInstitutionId,
                InstitutionName = names.GetValueOrDefault(s.ProviderInstitutionId, "(unknown institution)"), MatchedBy = people[i][s.BeneficiaryId],
            }).ToList());
        }
        return answers;
    }

    /// <summary>For each check, the registrations that are this person, with how each was recognised.</summary>
    private async Task<List<Dictionary<Guid, string>>> SamePeopleAsync(IReadOnlyList<Check> checks, CancellationToken cancellationToken)
    {
        var found = checks.Select(c => c.Person.BeneficiaryId is { } self ? new Dictionary<Guid, string> { [self] = "identifier" } : []).ToList();
        var hashed = checks.Select(c => c.Person.Identifiers.Select(i => (i.Kind, Hash: protector.IdentifierHash(i))).ToList()).ToList();

        var allHashes = hashed.SelectMany(h => h).Select(h => h.Hash).DistinctBy(Convert.ToHexString).ToList();
        if (allHashes.Count > 0)
        {
            var registered = (await db.Identifiers.AsNoTracking().Where(i => allHashes.Contains(i.Hash)).Select(i => new { i.Hash, i.BeneficiaryId }).ToListAsync(cancellationToken))
                .ToLookup(i => Convert.ToHexString(i.Hash), i => i.BeneficiaryId);
            for (var c = 0; c < checks.Count; c++)
                foreach (var (_, hash) in hashed[c])
                    foreach (var id in registered[Convert.ToHexString(hash)]) found[c][id] = "identifier";
        }

        var byName = Enumerable.Range(0, checks.Count).Where(c => checks[c].Person is { FullName: not null, DateOfBirth: not null }).ToList();
        if (byName.Count == 0) return found;
        var birthHashes = byName.Select(c => protector.BirthDateHash(checks[c].Person.DateOfBirth!.Value)).ToList();
        var distinctBirths = birthHashes.DistinctBy(Convert.ToHexString).ToList();
        var candidates = (await db.Beneficiaries.AsNoTracking().Where(b => distinctBirths.Contains(b.BirthDateHash))
                .Select(b => new Candidate(b.Id, b.BirthDateHash, b.SealedDetails, b.Key)).ToListAsync(cancellationToken))
            .ToLookup(b => Convert.ToHexString(b.BirthDateHash));
        // Their lifelong identity numbers, to tell two people with alike names apart.
        var lifelong = (await db.Identifiers.AsNoTracking()
                .Where(i => i.Kind == IdentifierKinds.NationalId || i.Kind == IdentifierKinds.ForeignerId || i.Kind == IdentifierKinds.UnhcrCase)
                .Join(db.Beneficiaries.Where(b => distinctBirths.Contains(b.BirthDateHash)), i => i.BeneficiaryId, b => b.Id, (i, _) => new { i.BeneficiaryId, i.Kind, i.Hash })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.BeneficiaryId, i => (i.Kind, i.Hash));
        // Each candidate is unsealed once, however many checks meet them.
        var names = new Dictionary<Guid, PersonName>();
        PersonName NameOf(Candidate candidate) =>
            names.TryGetValue(candidate.Id, out var name) ? name
                : names[candidate.Id] = PersonName.Of(protector.Open(candidate.SealedDetails, candidate.Id, candidate.Key).FullName);

        for (var n = 0; n < byName.Count; n++)
        {
            var c = byName[n];
            var name = PersonName.Of(checks[c].Person.FullName!);
            foreach (var candidate in candidates[Convert.ToHexString(birthHashes[n])].Where(candidate => !found[c].ContainsKey(candidate.Id)))
            {
                // Two different identity numbers of the same kind are two people, however alike their names.
                if (hashed[c].Any(h => IdentifierKinds.IsLifelong(h.Kind) && lifelong[candidate.Id].Any(l => l.Kind == h.Kind && !l.Hash.AsSpan().SequenceEqual(h.Hash)))) continue;
                if (NameMatcher.IsSameName(name, NameOf(candidate))) found[c][candidate.Id] = "name";
            }
        }
        return found;
    }

    /// <summary>For household aid, the other members of the households of the people found: their aid is the household's.</summary>
    private async Task AddHouseholdsAsync(IReadOnlyList<Check> checks, List<Dictionary<Guid, string>> people, CancellationToken cancellationToken)
    {
        var concerned = Enumerable.Range(0, checks.Count).Where(c => HouseholdCategories.Contains(checks[c].Service.Category) && people[c].Count > 0).ToList();
        if (concerned.Count == 0) return;
        var ids = concerned.SelectMany(c => people[c].Keys).Distinct().ToList();
        var together = await db.HouseholdMembers.AsNoTracking()
            .Where(m => ids.Contains(m.BeneficiaryId))
            .Join(db.HouseholdMembers, m => m.HouseholdId, other => other.HouseholdId, (m, other) => new { Member = m.BeneficiaryId, Other = other.BeneficiaryId })
            .Where(pair => pair.Member != pair.Other)
            .ToListAsync(cancellationToken);
        if (together.Count == 0) return;
        var housemates = together.ToLookup(pair => pair.Member, pair => pair.Other);
        foreach (var c in concerned)
            foreach (var other in people[c].Keys.SelectMany(id => housemates[id]).Distinct().ToList())
                people[c].TryAdd(other, "household");
    }

    private sealed record Candidate(Guid Id, byte[] BirthDateHash, byte[] SealedDetails, PersonKey? Key);
}
