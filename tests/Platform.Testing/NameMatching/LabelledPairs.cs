namespace Platform.Testing.NameMatching;

/// <summary>
/// One line of a labelled set of tests/Cases.Tests/NameMatching (read by the matcher's tests and by the
/// duplicate-check benchmark, which runs the same pairs through the public API) (<c>labelled-pairs.tsv</c>, <c>held-out-pairs.tsv</c>): two spellings of a full name, the kind of spelling difference
/// they stand for, and whether they are the same person (the records share a birth date, so only the
/// name tells them apart).
/// </summary>
public sealed record LabelledPair(string Kind, bool Same, string A, string B)
{
    /// <summary>The set the matcher is tuned on.</summary>
    public const string Tuning = "labelled-pairs.tsv";

    /// <summary>Written apart from the matcher and the tuning set: how the matcher does on pairs it was not tuned on.</summary>
    public const string HeldOut = "held-out-pairs.tsv";

    /// <summary>Written last, apart from all of the above and from the table, and never tuned on: the honest estimate.</summary>
    public const string SecondHeldOut = "second-held-out-pairs.tsv";

    public static readonly IReadOnlyList<string> Sets = [Tuning, HeldOut, SecondHeldOut];

    public static IReadOnlyList<LabelledPair> Load(string file)
    {
        var path = Path.Combine(Repository.Root, "tests", "Cases.Tests", "NameMatching", file);
        return File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(Parse).ToList();
    }

    private static LabelledPair Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 4 || fields[1] is not ("0" or "1"))
            throw new FormatException($"Not kind<TAB>same<TAB>a<TAB>b: {line}");
        return new LabelledPair(fields[0], fields[1] == "1", fields[2], fields[3]);
    }
}

/// <summary>Precision and recall of a matcher over some labelled pairs.</summary>
public sealed record MatchFigures(int Pairs, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static MatchFigures Of(IEnumerable<(LabelledPair Pair, bool Matched)> outcomes)
    {
        var list = outcomes.ToList();
        return new MatchFigures(list.Count,
            list.Count(o => o.Pair.Same && o.Matched),
            list.Count(o => !o.Pair.Same && o.Matched),
            list.Count(o => o.Pair.Same && !o.Matched));
    }

    public override string ToString() => $"{Pairs,4} pairs  precision {Precision,6:P1}  recall {Recall,6:P1}";
}
