using Platform.Testing.NameMatching;
using Platform.Cases.Matching;
using Xunit.Abstractions;

namespace Platform.Cases.Tests.NameMatching;

/// <summary>
/// The name matcher on the labelled sets of issue 16: precision and recall per kind of spelling
/// difference, so that a change that helps one kind and hurts another shows. The tuning set's misses are
/// printed to work on. The first held-out set was written apart from the matcher and looked at once the
/// matcher stood (so it is half a tuning set now); the second was written last and is never looked into:
/// it says how the matcher generalises. The floors are where the matcher stands; the goal of issue 16 is
/// precision 0.97 and recall 0.93.
/// </summary>
public sealed class LabelledPairsTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds =
        ["arabic-script", "compound", "hamza-alif-ta-marbuta", "persian", "kurdish-latin", "french", "turkish-forms", "order-and-extra", "near-miss"];

    [Theory]
    [InlineData(LabelledPair.Tuning)]
    [InlineData(LabelledPair.HeldOut)]
    [InlineData(LabelledPair.SecondHeldOut)]
    public void The_labelled_set_covers_every_kind_with_both_answers_and_at_least_500_pairs(string file)
    {
        var pairs = LabelledPair.Load(file);

        Assert.True(pairs.Count >= 500, $"{pairs.Count} pairs");
        Assert.All(pairs, p => Assert.Contains(p.Kind, Kinds));
        Assert.All(Kinds, kind =>
        {
            Assert.Contains(pairs, p => p.Kind == kind && p.Same);
            Assert.Contains(pairs, p => p.Kind == kind && !p.Same);
        });
    }

    [Fact]
    public void On_the_tuning_set_precision_and_recall_per_kind_stay_at_least_where_they_stand() =>
        AssertFloors(LabelledPair.Tuning, TuningFloors, printMisses: true);

    [Fact]
    public void On_the_held_out_set_precision_and_recall_per_kind_stay_at_least_where_they_stand() =>
        AssertFloors(LabelledPair.HeldOut, HeldOutFloors, printMisses: false);

    [Fact]
    public void On_the_second_held_out_set_precision_and_recall_per_kind_stay_at_least_where_they_stand() =>
        AssertFloors(LabelledPair.SecondHeldOut, SecondHeldOutFloors, printMisses: false);

    private void AssertFloors(string file, Dictionary<string, (double Precision, double Recall)> floors, bool printMisses)
    {
        var outcomes = LabelledPair.Load(file).Select(p => (Pair: p, Matched: NameMatcher.IsSameName(p.A, p.B))).ToList();

        var overall = MatchFigures.Of(outcomes);
        output.WriteLine($"{file}: all kinds {overall}");
        foreach (var kind in Kinds)
            output.WriteLine($"  {kind,-22} {MatchFigures.Of(outcomes.Where(o => o.Pair.Kind == kind))}");
        if (printMisses)
        {
            foreach (var (pair, matched) in outcomes.Where(o => o.Pair.Same != o.Matched))
                output.WriteLine($"  {(pair.Same ? "missed     " : "wrong match")} [{pair.Kind}] {pair.A} / {pair.B}  ({Described(pair.A)} / {Described(pair.B)}){Distances(pair)}");
        }

        Assert.All(floors, floor =>
        {
            var figures = floor.Key == "all" ? overall : MatchFigures.Of(outcomes.Where(o => o.Pair.Kind == floor.Key));
            // As printed (to a tenth of a percent), so that a floor read off the printout holds.
            Assert.True(Math.Round(figures.Precision, 3) >= floor.Value.Precision, $"{floor.Key}: precision {figures.Precision:P1} below {floor.Value.Precision:P0}");
            Assert.True(Math.Round(figures.Recall, 3) >= floor.Value.Recall, $"{floor.Key}: recall {figures.Recall:P1} below {floor.Value.Recall:P0}");
        });
    }

    private static string Described(string fullName) =>
        string.Join(' ', PersonName.Of(fullName).Tokens.Select(t => $"{t.Prefix}{(t.Prefix is null ? "" : "+")}{t.Sounds}{(t.Suffix is null ? "" : "+" + t.Suffix)}{(GivenNames.Of(t) is { } names ? "=" + string.Join('|', names) : "")}"));

    private static string Distances(LabelledPair pair)
    {
        var a = PersonName.Of(pair.A).Tokens;
        var b = PersonName.Of(pair.B).Tokens;
        return "  " + string.Join(' ', a.SelectMany(x => b.Select(y => $"{SpellingDistance.Between(x, y):0.##}/{SpellingDistance.Limit(x, y):0.##}")));
    }

    /// <summary>Where the matcher stands (rounded down to the percent); raised as it improves, never lowered to let a change through.</summary>
    private static readonly Dictionary<string, (double Precision, double Recall)> TuningFloors = new()
    {
        ["all"] = (0.99, 0.99),
        ["arabic-script"] = (1.00, 1.00),
        ["compound"] = (1.00, 1.00),
        ["hamza-alif-ta-marbuta"] = (1.00, 0.98),
        ["persian"] = (1.00, 1.00),
        ["kurdish-latin"] = (1.00, 0.98),
        ["french"] = (0.98, 1.00),
        ["turkish-forms"] = (1.00, 1.00),
        ["order-and-extra"] = (1.00, 1.00),
        ["near-miss"] = (0.92, 1.00),
    };

    private static readonly Dictionary<string, (double Precision, double Recall)> HeldOutFloors = new()
    {
        ["all"] = (1.00, 0.99),
        ["arabic-script"] = (1.00, 1.00),
        ["compound"] = (1.00, 0.95),
        ["hamza-alif-ta-marbuta"] = (1.00, 1.00),
        ["persian"] = (1.00, 1.00),
        ["kurdish-latin"] = (1.00, 1.00),
        ["french"] = (1.00, 1.00),
        ["turkish-forms"] = (1.00, 0.97),
        ["order-and-extra"] = (1.00, 1.00),
        ["near-miss"] = (1.00, 1.00),
    };

    private static readonly Dictionary<string, (double Precision, double Recall)> SecondHeldOutFloors = new()
    {
        ["all"] = (0.98, 0.95),
        ["arabic-script"] = (0.97, 0.95),
        ["compound"] = (1.00, 0.93),
        ["hamza-alif-ta-marbuta"] = (0.95, 0.97),
        ["persian"] = (1.00, 0.98),
        ["kurdish-latin"] = (1.00, 1.00),
        ["french"] = (0.97, 0.89),
        ["turkish-forms"] = (1.00, 0.93),
        ["order-and-extra"] = (1.00, 0.97),
        ["near-miss"] = (1.00, 1.00),
    };
}
