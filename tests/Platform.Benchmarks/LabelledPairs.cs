using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing.NameMatching;

namespace Platform.Benchmarks;

/// <summary>
/// The labelled name pairs of issue 16 (<see cref="LabelledPair"/>) through the public duplicate check:
/// spelling A is seeded with food support five days ago, spelling B is checked with the same birth date
/// (one date per pair, before 1950, so that no pair meets another or the population). Precision and recall
/// are printed per set and per kind.
/// </summary>
public static class LabelledPairs
{
    public const string Category = "food-support";

    public sealed record Pair(string Set, LabelledPair Labelled, DateOnly Born)
    {
        public string A => Labelled.A;
        public string B => Labelled.B;
    }

    public static IReadOnlyList<Pair> Load() =>
        LabelledPair.Sets.SelectMany(set => LabelledPair.Load(set).Select(pair => (set, pair)))
            .Select((p, i) => new Pair(p.set, p.pair, new DateOnly(1900, 1, 2).AddDays(i))).ToList();

    public static async Task CheckAsync(HttpClient partner, IReadOnlyList<Pair> pairs)
    {
        var outcomes = new List<(Pair Pair, bool Found)>();
        foreach (var pair in pairs)
        {
            using var response = await partner.PostAsJsonAsync("/api/v1/duplicate-checks", new { fullName = pair.B, dateOfBirth = pair.Born.ToString("yyyy-MM-dd"), category = Category });
            response.EnsureSuccessStatusCode();
            outcomes.Add((pair, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean()));
        }
        Console.WriteLine("  labelled name pairs through POST /api/v1/duplicate-checks:");
        foreach (var set in outcomes.GroupBy(o => o.Pair.Set))
        {
            Console.WriteLine($"    {set.Key,-22} {Figures(set)}");
            foreach (var kind in set.GroupBy(o => o.Pair.Labelled.Kind))
                Console.WriteLine($"      {kind.Key,-22} {Figures(kind)}");
        }
    }

    private static MatchFigures Figures(IEnumerable<(Pair Pair, bool Found)> outcomes) => MatchFigures.Of(outcomes.Select(o => (o.Pair.Labelled, o.Found)));
}
