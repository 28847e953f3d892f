using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The labelled name pairs of issue 16 (tests/Cases.Tests/NameMatching) through the public duplicate check:
/// spelling A is seeded with food support five days ago, spelling B is checked with the same birth date
/// (one date per pair, before 1950, so that no pair meets another or the population). Precision and recall
/// are printed per set and per kind.
/// </summary>
public static class LabelledPairs
{
    public const string Category = "food-support";

    public sealed record Pair(string Set, string Kind, bool Same, string A, string B, DateOnly Born);

    public static IReadOnlyList<Pair> Load()
    {
        var pairs = new List<Pair>();
        foreach (var set in new[] { "labelled-pairs.tsv", "held-out-pairs.tsv", "second-held-out-pairs.tsv" })
        {
            foreach (var line in File.ReadLines(Path.Combine(Repository.Root, "tests", "Cases.Tests", "NameMatching", set)).Skip(1).Where(l => l.Length > 0))
            {
                var fields = line.Split('\t');
                pairs.Add(new Pair(set, fields[0], fields[1] == "1", fields[2], fields[3], new DateOnly(1900, 1, 2).AddDays(pairs.Count)));
            }
        }
        return pairs;
    }

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
            foreach (var kind in set.GroupBy(o => o.Pair.Kind))
                Console.WriteLine($"      {kind.Key,-22} {Figures(kind)}");
        }
    }

    private static string Figures(IEnumerable<(Pair Pair, bool Found)> outcomes)
    {
        var list = outcomes.ToList();
        var truePositives = list.Count(o => o.Pair.Same && o.Found);
        var falsePositives = list.Count(o => !o.Pair.Same && o.Found);
        var falseNegatives = list.Count(o => o.Pair.Same && !o.Found);
        var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
        var recall = truePositives + falseNegatives == 0 ? 1 : (double)truePositives / (truePositives + falseNegatives);
        return $"{list.Count,4} pairs  precision {precision,6:P1}  recall {recall,6:P1}";
    }
}
