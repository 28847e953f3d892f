using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Platform.Cases.Identity;
using Platform.Cases.Matching;
using Platform.Cases.Model;
using Platform.WebApi;
using Platform.Cases.Protection;
using Platform.Security.Protection;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The duplicate-assistance check at the scale of the network: 100,000 people and 1,000,000 services in
/// casesdb (sealed and hashed with the platform's own keys, loaded with COPY), then checks through the
/// gateway by identity number and by name with date of birth. Prints p50/p99 per kind; the aim is p99 under 50 ms.
/// A share of the people is born on 1 January, as registrations without a known birthday are, so that a name
/// check meets hundreds of people born on the same day. Then the labelled name pairs of issue 16 through the
/// same public check: one spelling recorded with aid, the other checked, precision and recall per kind.
/// </summary>
public static class DuplicateCheckBenchmark
{
    private static readonly string[] GivenNames = ["Muhammed", "محمد", "Ahmad", "Fatma", "فاطمة", "Ayşe", "Aisha", "Hüseyin", "Zainab", "Yusuf", "Omar", "Khadija", "Mustafa", "Meryem", "Ali", "Hasan", "Emine", "Ibrahim", "Leyla", "Salim"];
    private static readonly string[] FamilyNames = ["Halabi", "الحلبي", "Haddad", "Darwish", "Kurdi", "Othman", "Nasser", "Hamdan", "Khatib", "Saleh", "Jaber", "Abbas", "Mansour", "Khoury", "Idris", "Qasim", "Yassin", "Samir", "Bakr", "Nouri", "Rashid", "Hamid", "Saadi", "Khalil"];
    private static readonly string[] Districts = ["umraniye", "gaziosmanpasa", "fatih", "esenyurt", "sultanbeyli", "bagcilar", "kucukcekmece", "zeytinburnu", "sultangazi", "basaksehir", "arnavutkoy"];
    private static readonly string[] Categories = ["health", "education", "identification-registration", "food-support", "cash-assistance", "legal-aid", "psychosocial-support", "interpretation", "shelter-household-items"];

    /// <summary>The cases service's own protector (its keys from the AppHost's secrets), to seal and hash seeded people as the service does.</summary>
    public static async Task<PersonalDataProtector> CasesProtectorAsync(PlatformFixture platform) =>
        new(Options.Create(new PersonalDataOptions
        {
            Keys = new() { ["1"] = await platform.App.SecretAsync("cases-personal-data-key-1") },
            HashKey = await platform.App.SecretAsync("cases-identifier-hash-key"),
            SharingKey = await platform.App.SecretAsync("personal-data-sharing-key"),
        }));

    public static async Task RunAsync(int people, int services, int checks, int januaryFirstPercent)
    {
        var platform = new PlatformFixture();
        await platform.InitializeAsync();
        try
        {
            Console.WriteLine($"duplicate-check benchmark: whole platform (Release), {Environment.ProcessorCount} cores; {people:N0} people ({januaryFirstPercent} % born on 1 January), {services:N0} services, {checks} checks per kind");
            var protector = await CasesProtectorAsync(platform);
            var random = new Random(42);
            var clock = Stopwatch.StartNew();
            var labelled = LabelledPairs.Load();
            var population = await SeedAsync(platform.App.GetConnectionString("casesdb"), protector, random, people, services, januaryFirstPercent, labelled);
            Console.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:0} s (COPY, then ANALYZE)");

            using var partner = new HttpClient { BaseAddress = new Uri(platform.App.GetEndpoint("gateway")) };
            partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await UnlimitedPartner.TokenAsync(platform, "cases.read,cases.write"));
            foreach (var (kind, request) in new (string, Func<Person, object>)[]
                     {
                         ("by identity number", p => new { foreignerIdNumber = p.Number, category = Categories[random.Next(Categories.Length)] }),
                         ("by name + birth date", p => new { fullName = p.Name, dateOfBirth = p.Born.ToString("yyyy-MM-dd"), category = Categories[random.Next(Categories.Length)] }),
                     })
            {
                for (var i = 0; i < 50; i++) (await partner.PostAsJsonAsync("/api/v1/duplicate-checks", request(population[random.Next(population.Count)]))).EnsureSuccessStatusCode();
                var times = new List<double>(checks);
                var found = 0;
                for (var i = 0; i < checks; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await partner.PostAsJsonAsync("/api/v1/duplicate-checks", request(population[random.Next(population.Count)]));
                    response.EnsureSuccessStatusCode();
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if ((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("duplicate").GetBoolean()) found++;
                }
                times.Sort();
                Console.WriteLine($"  {kind,-22} p50 {times[times.Count / 2]:0.0} ms, p99 {times[(int)(times.Count * 0.99)]:0.0} ms, max {times[^1]:0.0} ms; {found * 100 / checks}% found aid within 30 days");
            }
            await LabelledPairs.CheckAsync(partner, labelled);
        }
        finally
        {
            await platform.DisposeAsync();
        }
    }

    internal sealed record Person(Guid Id, string Number, string Name, DateOnly Born);

    internal static async Task<List<Person>> SeedAsync(string connectionString, PersonalDataProtector protector, Random random, int people, int services, int januaryFirstPercent, IReadOnlyList<LabelledPairs.Pair> labelled)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var providers = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (provider, i) in providers.Select((p, i) => (p, i)))
        {
            await using var insert = new NpgsqlCommand("INSERT INTO institutions (id, name, kind, district, registered_at) VALUES ($1, $2, 'ngo', NULL, now())", db)
                { Parameters = { new() { Value = provider }, new() { Value = $"Benchmark provider {i}" } } };
            await insert.ExecuteNonQueryAsync();
        }

        var population = new List<Person>(people);
        var recorded = labelled.Select(pair => new Person(Guid.CreateVersion7(), ForeignerIds.New(), pair.A, pair.Born)).ToList();
        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY beneficiaries (id, reference_code, district, legal_status, sex, nationality, household_size, languages, vulnerabilities, sealed_details, identifier_hash, birth_date_hash, registered_by, registered_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < people + recorded.Count; i++)
            {
                var born = random.Next(100) < januaryFirstPercent ? new DateOnly(1950 + random.Next(0, 65), 1, 1) : new DateOnly(1950, 1, 1).AddDays(random.Next(0, 65 * 365));
                var person = i < people
                    ? new Person(Guid.CreateVersion7(), ForeignerIds.New(), $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}", born)
                    : recorded[i - people];
                if (i < people) population.Add(person);
                await copy.StartRowAsync();
                await copy.WriteAsync(person.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(ReferenceCodes.New("BNF"), NpgsqlDbType.Varchar);
                await copy.WriteAsync(Districts[random.Next(Districts.Length)], NpgsqlDbType.Varchar);
                await copy.WriteAsync("temporary-protection", NpgsqlDbType.Varchar);
                await copy.WriteAsync(random.Next(2) == 0 ? "female" : "male", NpgsqlDbType.Varchar);
                await copy.WriteAsync("SY", NpgsqlDbType.Varchar);
                await copy.WriteAsync(random.Next(1, 9), NpgsqlDbType.Integer);
                await copy.WriteAsync(new[] { "ar" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(protector.Seal(new PersonalDetails(person.Name, person.Number, person.Born, "+90 500 000 00 00"), BeneficiaryDetails.Context(person.Id)), NpgsqlDbType.Bytea);
                await copy.WriteAsync(protector.IdentifierHash(PersonIdentifier.Of(IdentifierKinds.ForeignerId, person.Number)), NpgsqlDbType.Bytea);
                await copy.WriteAsync(protector.BirthDateHash(person.Born), NpgsqlDbType.Bytea);
                await copy.WriteAsync("benchmark", NpgsqlDbType.Varchar);
                await copy.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        // Matching looks identifiers up in their own table: one row per person, the same hash.
        await using (var identifiers = new NpgsqlCommand(
            "INSERT INTO beneficiary_identifiers (beneficiary_id, kind, hash) SELECT id, 'foreigner-id', identifier_hash FROM beneficiaries WHERE identifier_hash IS NOT NULL", db))
            await identifiers.ExecuteNonQueryAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY services_delivered (id, case_id, beneficiary_id, district, category, provider_institution_id, delivered_on, amount, currency, recorded_by, recorded_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < services + recorded.Count; i++)
            {
                var labelledAid = i >= services;
                var person = labelledAid ? recorded[i - services] : population[random.Next(population.Count)];
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Guid.Empty, NpgsqlDbType.Uuid);
                await copy.WriteAsync(person.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(Districts[random.Next(Districts.Length)], NpgsqlDbType.Varchar);
                await copy.WriteAsync(labelledAid ? LabelledPairs.Category : Categories[random.Next(Categories.Length)], NpgsqlDbType.Varchar);
                await copy.WriteAsync(providers[random.Next(providers.Count)], NpgsqlDbType.Uuid);
                await copy.WriteAsync(labelledAid ? today.AddDays(-5) : today.AddDays(-random.Next(0, 365)), NpgsqlDbType.Date);
                await copy.WriteAsync(1000m, NpgsqlDbType.Numeric);
                await copy.WriteAsync("TRY", NpgsqlDbType.Varchar);
                await copy.WriteAsync("benchmark", NpgsqlDbType.Varchar);
                await copy.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE beneficiaries; ANALYZE services_delivered;", db)) await analyze.ExecuteNonQueryAsync();
        return population;
    }
}
