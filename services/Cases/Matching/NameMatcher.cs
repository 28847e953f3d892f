using F23.StringSimilarity;

namespace Platform.Cases.Matching;

/// <summary>
/// Whether two name keys (<see cref="NameKey"/>) can be the same person: every word of the shorter name
/// (at least two words, or the only word of both) finds a word of the other that is the same canonical
/// name or whose skeleton is close (Jaro-Winkler ≥ <see cref="WordThreshold"/>). Used only together with
/// an equal date of birth, so similar names of different people born on other days never meet.
/// </summary>
public static class NameMatcher
{
    public const double WordThreshold = 0.88;
    private static readonly JaroWinkler Similarity = new();

    public static bool IsSameName(string a, string b) => Score(a, b) >= 1.0;

    public static bool IsSameName(string a, string b, out double score) => (score = Score(a, b)) >= 1.0;

    /// <summary>The share of the shorter name's words found in the other (0..1).</summary>
    public static double Score(string keyA, string keyB)
    {
        var a = keyA.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = keyB.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (a.Length == 0 || b.Length == 0) return 0;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        // A single given name matches only a single given name: "Ali" is not every "Ali Yılmaz".
        if (shorter.Length == 1 && longer.Length > 1) return 0.5;
        var unused = longer.ToList();
        var found = 0;
        foreach (var word in shorter)
        {
            var best = unused.Select(other => (other, score: WordSimilarity(word, other))).MaxBy(m => m.score);
            if (best.score < WordThreshold) continue;
            found++;
            unused.Remove(best.other);
        }
        return (double)found / shorter.Length;
    }

    private static double WordSimilarity(string a, string b)
    {
        if (a == b) return 1;
        // Canonical names (upper case) are equal or different, never "close".
        if (char.IsUpper(a[0]) || char.IsUpper(b[0])) return 0;
        if (a.Length < 3 || b.Length < 3) return 0;
        return Similarity.Similarity(a, b);
    }
}
