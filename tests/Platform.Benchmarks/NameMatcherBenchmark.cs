using System.Diagnostics;
using Platform.Cases.Matching;

namespace Platform.Benchmarks;

/// <summary>
/// The name matcher alone, in process: how long parsing a full name and comparing two parsed names take, on
/// the spellings of the labelled sets. A check by name and birth date parses and compares every person born
/// that day, a few hundred on 1 January, so these two figures bound its cost.
/// </summary>
public static class NameMatcherBenchmark
{
    public static void Run(int rounds)
    {
        var pairs = LabelledPairs.Load();
        var names = pairs.SelectMany(p => new[] { p.A, p.B }).ToList();
        Console.WriteLine($"name-matcher benchmark: {names.Count} spellings, {pairs.Count} pairs, {rounds} rounds, {GivenNames.Count} names in the table");
        foreach (var name in names) PersonName.Of(name);

        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
            foreach (var name in names) PersonName.Of(name);
        Console.WriteLine($"  parse a full name        {clock.Elapsed.TotalMicroseconds / (rounds * names.Count):0.0} µs");

        var parsed = pairs.Select(p => (A: PersonName.Of(p.A), B: PersonName.Of(p.B))).ToList();
        clock.Restart();
        for (var round = 0; round < rounds; round++)
            foreach (var (a, b) in parsed) NameMatcher.IsSameName(a, b);
        Console.WriteLine($"  compare two parsed names {clock.Elapsed.TotalMicroseconds / (rounds * parsed.Count):0.0} µs");

        // Unrelated names, as most people born on the same day are.
        var strangers = parsed.Select((p, i) => (p.A, parsed[(i * 7 + 3) % parsed.Count].B)).ToList();
        clock.Restart();
        for (var round = 0; round < rounds; round++)
            foreach (var (a, b) in strangers) NameMatcher.IsSameName(a, b);
        Console.WriteLine($"  compare two strangers    {clock.Elapsed.TotalMicroseconds / (rounds * strangers.Count):0.0} µs");
    }
}
