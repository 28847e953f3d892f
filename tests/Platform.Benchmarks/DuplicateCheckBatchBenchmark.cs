using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Security.Protection;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The bulk duplicate check at the scale of the network: the duplicate-check benchmark's 100,000 people and
/// 1,000,000 services (sealed, hashed, loaded with COPY), a quarter of the people in households of four,
/// then batches of 1,000 entries through the gateway, as JSON and as CSV: half by identity number, a third
/// by name with date of birth, the rest people nobody registered; a third of the entries ask about
/// household aid. Prints each batch's time; the aim is under 2 s a batch.
/// </summary>
public static class DuplicateCheckBatchBenchmark
{
    private static readonly string[] Categories = ["health", "education", "food-support", "cash-assistance", "legal-aid", "shelter-household-items"];

    public static async Task RunAsync(int people, int services, int entries, int rounds)
    {
        var platform = new PlatformFixture();
        await platform.InitializeAsync();
        try
        {
            Console.WriteLine($"duplicate-check-batch benchmark: whole platform (Release), {Environment.ProcessorCount} cores; {people:N0} people, {services:N0} services, batches of {entries:N0}, {rounds} rounds per format");
            var protector = await DuplicateCheckBenchmark.CasesProtectorAsync(platform);
            var random = new Random(42);
            var clock = Stopwatch.StartNew();
            var connectionString = platform.App.GetConnectionString("casesdb");
            var population = await DuplicateCheckBenchmark.SeedAsync(connectionString, protector, random, people, services, januaryFirstPercent: 20, labelled: []);
            await SeedHouseholdsAsync(connectionString, people / 4);
            Console.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:0} s (COPY, households in SQL, then ANALYZE)");

            using var partner = new HttpClient { BaseAddress = new Uri(platform.App.GetEndpoint("gateway")), Timeout = TimeSpan.FromMinutes(2) };
            partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await UnlimitedPartner.TokenAsync(platform, "cases.read,cases.write"));
            foreach (var format in new[] { "json", "csv" })
            {
                await SendAsync(partner, format, Batch(random, population, entries)); // warm-up
                var times = new List<double>();
                var duplicates = 0;
                for (var round = 0; round < rounds; round++)
                {
                    var batch = Batch(random, population, entries);
                    var started = Stopwatch.GetTimestamp();
                    var answer = await SendAsync(partner, format, batch);
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    duplicates += answer.GetProperty("duplicates").GetInt32();
                }
                times.Sort();
                Console.WriteLine($"  {entries:N0}-entry batch as {format,-4}: median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms ({string.Join(", ", times.Select(t => $"{t:0}"))} ms); {duplicates * 100 / (entries * rounds)}% of entries found aid within 30 days");
            }
        }
        finally
        {
            await platform.DisposeAsync();
        }
    }

    private sealed record Entry(string? ForeignerIdNumber, string? FullName, string? DateOfBirth, string Category);

    private static List<Entry> Batch(Random random, IReadOnlyList<DuplicateCheckBenchmark.Person> population, int entries) =>
        Enumerable.Range(0, entries).Select(_ =>
        {
            var person = population[random.Next(population.Count)];
            var category = Categories[random.Next(Categories.Length)];
            return random.Next(6) switch
            {
                < 3 => new Entry(person.Number, null, null, category),
                < 5 => new Entry(null, person.Name, person.Born.ToString("yyyy-MM-dd"), category),
                _ => new Entry(ForeignerIds.New(), null, null, category),
            };
        }).ToList();

    private static async Task<JsonElement> SendAsync(HttpClient partner, string format, List<Entry> batch)
    {
        using var content = format == "json"
            ? (HttpContent)JsonContent.Create(batch.Select(e => new { foreignerIdNumber = e.ForeignerIdNumber, fullName = e.FullName, dateOfBirth = e.DateOfBirth, category = e.Category }))
            : new StringContent(Csv(batch), Encoding.UTF8, "text/csv");
        using var response = await partner.PostAsync("/api/v1/duplicate-checks/batch", content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Csv(List<Entry> batch)
    {
        var csv = new StringBuilder("foreignerIdNumber,fullName,dateOfBirth,category\r\n");
        foreach (var e in batch) csv.Append($"{e.ForeignerIdNumber},\"{e.FullName}\",{e.DateOfBirth},{e.Category}\r\n");
        return csv.ToString();
    }

    /// <summary>Households of four (a head and three children) out of the first <paramref name="households"/> × 4 people.</summary>
    private static async Task SeedHouseholdsAsync(string connectionString, int households)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        // Several statements in one command take no parameters: the count is a number of ours, written in.
        await using var seed = new NpgsqlCommand($$"""
            CREATE TEMP TABLE grouped AS
                SELECT id, district, n / 4 AS g, n % 4 AS place
                FROM (SELECT id, district, row_number() OVER (ORDER BY id) - 1 AS n FROM beneficiaries WHERE registered_by = 'benchmark') numbered
                WHERE n < {{households * 4}};
            INSERT INTO households (id, reference_code, district, formed_by, formed_at)
                SELECT md5('household-' || g)::uuid, 'HH-B' || lpad(g::text, 8, '0'), min(district), 'benchmark', now() FROM grouped GROUP BY g;
            INSERT INTO household_members (household_id, beneficiary_id, relationship, added_by, added_at)
                SELECT md5('household-' || g)::uuid, id, CASE WHEN place = 0 THEN 'head' ELSE 'child' END, 'benchmark', now() FROM grouped;
            ANALYZE households; ANALYZE household_members; ANALYZE beneficiary_identifiers;
            """, db);
        await seed.ExecuteNonQueryAsync();
    }
}
