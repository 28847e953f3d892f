namespace Platform.Cases.Matching;

/// <summary>
/// The names of the given-name table one spelling can be: one name mostly, two or three for an ambiguous
/// spelling (Hamid: حامد or حميد). Carries those names' spellings per script, which a spelling the table
/// does not know is compared with.
/// </summary>
public sealed class NameSet(string[] names, NameToken[] spellings)
{
    public string[] Names { get; } = names;

    public IReadOnlyList<NameToken> ArabicSpellings { get; } = spellings.Where(s => s.Arabic).ToArray();

    public IReadOnlyList<NameToken> LatinSpellings { get; } = spellings.Where(s => !s.Arabic).ToArray();

    public bool Overlaps(NameSet other)
    {
        if (ReferenceEquals(this, other)) return true;
        foreach (var name in Names)
            if (Array.IndexOf(other.Names, name) >= 0) return true;
        return false;
    }

    public override string ToString() => string.Join('|', Names);
}
