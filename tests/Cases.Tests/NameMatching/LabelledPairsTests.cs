using Platform.Cases.Matching;
using Xunit.Abstractions;

namespace Platform.Cases.Tests.NameMatching;

/// <summary>
/// The name matcher on the labelled set of issue 16 (<c>labelled-pairs.tsv</c>): precision and recall per
/// kind of spelling difference, so that a change that helps one kind and hurts another shows. The floors
/// are where the matcher stands today; the goal of issue 16 is precision 0.97 and recall 0.93.
/// </summary>
public sealed class LabelledPairsTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds =
        ["arabic-script", "compound", "hamza-alif-ta-marbuta", "persian", "kurdish-latin", "french", "turkish-forms", "order-and-extra", "near-miss"];

    [Fact]
    public void The_labelled_set_covers_every_kind_with_both_answers_and_at_least_500_pairs()
    {
        var pairs = LabelledPair.Load();

        Assert.True(pairs.Count >= 500, $"{pairs.Count} pairs");
        Assert.All(pairs, p => Assert.Contains(p.Kind, Kinds));
        Assert.All(Kinds, kind =>
        {
            Assert.Contains(pairs, p => p.Kind == kind && p.Same);
            Assert.Contains(pairs, p => p.Kind == kind && !p.Same);
        });
    }

    [Fact]
    public void Precision_and_recall_per_kind_stay_at_least_where_they_stand()
    {
        var outcomes = LabelledPair.Load().Select(p => (Pair: p, Matched: NameMatcher.IsSameName(NameKey.Of(p.A), NameKey.Of(p.B)))).ToList();

        var overall = MatchFigures.Of(outcomes);
        output.WriteLine($"all kinds              {overall}");
        foreach (var kind in Kinds)
            output.WriteLine($"{kind,-22} {MatchFigures.Of(outcomes.Where(o => o.Pair.Kind == kind))}");
        foreach (var (pair, matched) in outcomes.Where(o => o.Pair.Same != o.Matched))
            output.WriteLine($"  {(pair.Same ? "missed     " : "wrong match")} [{pair.Kind}] {pair.A} / {pair.B}  ({NameKey.Of(pair.A)} / {NameKey.Of(pair.B)})");

        Assert.All(Floors, floor =>
        {
            var figures = floor.Key == "all" ? overall : MatchFigures.Of(outcomes.Where(o => o.Pair.Kind == floor.Key));
            Assert.True(figures.Precision >= floor.Value.Precision, $"{floor.Key}: precision {figures.Precision:P1} below {floor.Value.Precision:P0}");
            Assert.True(figures.Recall >= floor.Value.Recall, $"{floor.Key}: recall {figures.Recall:P1} below {floor.Value.Recall:P0}");
        });
    }

    /// <summary>
    /// Where the matcher stood when the set was written (2026-12-01, rounded down to the percent); raised as
    /// it improves, never lowered to let a change through.
    /// </summary>
    private static readonly Dictionary<string, (double Precision, double Recall)> Floors = new()
    {
        ["all"] = (0.79, 0.67),
        ["arabic-script"] = (0.86, 0.98),
        ["compound"] = (0.84, 0.63),
        ["hamza-alif-ta-marbuta"] = (0.68, 0.56),
        ["persian"] = (0.89, 0.55),
        ["kurdish-latin"] = (0.73, 0.32),
        ["french"] = (0.71, 0.40),
        ["turkish-forms"] = (0.87, 0.88),
        ["order-and-extra"] = (0.96, 1.00),
        ["near-miss"] = (0.32, 0.91),
    };
}
