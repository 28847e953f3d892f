using System.Collections.Frozen;

namespace Platform.Cases.Matching;

/// <summary>
/// The curated table of given names (<c>given-names.txt</c>): every spelling of one name, in Arabic and
/// Persian script, Turkish, English, French, Kurdish and Persian Latin, points at the name. Two
/// spellings of one name are equal whatever their letters (Mehmet / Muhammad / محمد); two names of the
/// table are different however alike their letters (Nabil / Nabila, Saad / Said).
/// </summary>
public static class GivenNames
{
    /// <summary>The embedded file's lines, read once: the fields below are all built from them.</summary>
    private static readonly string[] Text = ReadText();

    /// <summary>Whole words of the table that start like the article (الياس, الهام, Elham): not stripped.</summary>
    private static readonly FrozenSet<string> WholeWords = Lines().SelectMany(line => line.Spellings).Select(WholeWord).Where(w => w is not null).Select(w => w!).ToFrozenSet();

    private static readonly (FrozenDictionary<string, NameSet> ByKey, FrozenDictionary<string, NameToken[]> Spellings) Table = Build();

    /// <summary>Whether <paramref name="word"/> (normalised Arabic, or plain lower-case Latin) is a whole name of the table.</summary>
    public static bool IsWholeName(string word) => WholeWords.Contains(word);

    /// <summary>The names a token spells, or null when the table does not know it.</summary>
    public static NameSet? Of(NameToken token) => Table.ByKey.GetValueOrDefault(token.Key);

    /// <summary>Every spelling the table has for these names in one script.</summary>
    public static IReadOnlyList<NameToken> SpellingsOf(NameSet names, bool arabic) => arabic ? names.ArabicSpellings : names.LatinSpellings;

    /// <summary>The names a whole spelling ("Mohammad Reza", "عبد الرحمن") is in the table, or null.</summary>
    public static string[]? Recognise(string spelling) => AsOneToken(spelling) is { } token ? Of(token)?.Names : null;

    /// <summary>Spellings the table gives to more than one name without declaring them ambiguous: what normalisation made alike.</summary>
    public static IEnumerable<(string Key, string[] Names)> Collisions()
    {
        var declared = Ambiguous().Select(a => AsOneToken(a.Spelling)?.Key).ToHashSet();
        return Table.ByKey.Where(e => e.Value.Names.Length > 1 && !declared.Contains(e.Key)).Select(e => (e.Key, e.Value.Names));
    }

    public static int Count => Table.Spellings.Count;

    private static (FrozenDictionary<string, NameSet>, FrozenDictionary<string, NameToken[]>) Build()
    {
        var byKey = new Dictionary<string, HashSet<string>>();
        var spellings = new Dictionary<string, NameToken[]>();
        foreach (var (name, written) in Lines())
        {
            var tokens = written.Select(spelling => AsOneToken(spelling)).Where(t => t is not null).Select(t => t!).DistinctBy(t => t.Key).ToArray();
            spellings[name] = tokens;
            foreach (var token in tokens) Add(token, name);
        }
        // A spelling two names share (Hamid: حامد or حميد) is either of them, and neither name's own spelling.
        foreach (var (spelling, names) in Ambiguous())
        {
            if (AsOneToken(spelling) is not { } token) continue;
            foreach (var name in names.Where(spellings.ContainsKey)) Add(token, name);
        }
        // One set object per distinct group of names, with its spellings per script ready for the matcher.
        var sets = byKey.Values.Select(names => names.Order(StringComparer.Ordinal).ToArray()).DistinctBy(names => string.Join(' ', names))
            .ToDictionary(names => string.Join(' ', names), names => new NameSet(names, names.SelectMany(n => spellings[n]).ToArray()));
        return (byKey.ToFrozenDictionary(e => e.Key, e => sets[string.Join(' ', e.Value.Order(StringComparer.Ordinal))]), spellings.ToFrozenDictionary());

        void Add(NameToken token, string name) => (byKey.TryGetValue(token.Key, out var names) ? names : byKey[token.Key] = []).Add(name);
    }

    /// <summary>A spelling as the one token the matcher will see: "Mohammad Reza" joined, as a record's "Mohammadreza" is.</summary>
    private static NameToken? AsOneToken(string spelling)
    {
        var tokens = NameTokenizer.Tokens(spelling, WholeWords.Contains);
        if (tokens.Count == 0) return null;
        var token = tokens[0];
        foreach (var next in tokens.Skip(1))
            token = token?.JoinedWith(next);
        return token;
    }

    private static string? WholeWord(string spelling)
    {
        var word = spelling.Trim();
        if (word.Contains(' ')) return null;
        if (word.Length > 0 && ArabicLetters.IsArabic(word[0]))
        {
            var normalized = ArabicLetters.Normalize(word);
            return normalized.StartsWith("ال", StringComparison.Ordinal) ? normalized : null;
        }
        var plain = NameTokenizer.Plain(word);
        return plain.StartsWith("al", StringComparison.Ordinal) || plain.StartsWith("el", StringComparison.Ordinal) ? plain : null;
    }

    /// <summary>The "# ambiguous&lt;TAB&gt;spelling&lt;TAB&gt;NAME NAME&lt;TAB&gt;(why)" lines.</summary>
    private static IEnumerable<(string Spelling, string[] Names)> Ambiguous() =>
        Text.Where(line => line.StartsWith("# ambiguous\t", StringComparison.Ordinal)).Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 3).Select(fields => (fields[1], fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    private static IEnumerable<(string Name, string[] Spellings)> Lines()
    {
        foreach (var line in Text)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 3) throw new FormatException($"given-names.txt: not NAME<TAB>gender<TAB>spellings: {line}");
            yield return (fields[0], fields[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }

    private static string[] ReadText()
    {
        using var stream = typeof(GivenNames).Assembly.GetManifestResourceStream("Platform.Cases.Matching.given-names.txt")
            ?? throw new InvalidOperationException("given-names.txt is not embedded in the cases service.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return [.. lines];
    }
}
