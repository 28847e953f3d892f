namespace Platform.Cases.Matching;

/// <summary>
/// Whether two full names can be one person (always together with an equal date of birth). Names are
/// compared token by token, in any order (family name first or last), each token of one name paired
/// with at most one of the other: every name of the shorter must find its pair, so a father's name
/// written in one record and not in the other is tolerated, while two different middle names, or a
/// given name alone against a full name, are not. Two tokens pair when the given-name table
/// (<see cref="GivenNames"/>) says they are one name, or, where it does not know them, when their
/// spellings are close (<see cref="SpellingDistance"/>).
/// </summary>
public static class NameMatcher
{
    public static bool IsSameName(string a, string b) => IsSameName(PersonName.Of(a), PersonName.Of(b));

    public static bool IsSameName(PersonName a, PersonName b)
    {
        if (AllOfShorterPaired(a.Tokens, b.Tokens)) return true;
        // "Mohammad Reza Ahmadi" / "Mohammadreza Ahmadi": only the name with more tokens is read joined,
        // never both, or every full name would also be one long word and a final vowel would stop counting.
        var (more, fewer) = a.Tokens.Count > b.Tokens.Count ? (a, b) : (b, a);
        if (more.Tokens.Count == fewer.Tokens.Count) return false;
        return more.Joined.Any(joined => AllOfShorterPaired(joined, fewer.Tokens));
    }

    private static bool AllOfShorterPaired(IReadOnlyList<NameToken> a, IReadOnlyList<NameToken> b)
    {
        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        if (shorter.Count == 0 || longer.Count > 30) return false;
        // A single given name matches only a single given name: "Ali" is not every "Ali Yılmaz".
        if (shorter.Count == 1 && longer.Count > 1) return false;
        var pairs = new bool[shorter.Count, longer.Count];
        for (var i = 0; i < shorter.Count; i++)
        {
            var any = false;
            for (var j = 0; j < longer.Count; j++) any |= pairs[i, j] = Pair(shorter[i], longer[j]);
            // Most people born on the same day share no name at all: stop at the first name without a pair.
            if (!any) return false;
        }
        return Assign(pairs, 0, 0, shorter.Count, longer.Count);
    }

    /// <summary>Whether tokens from <paramref name="i"/> on each find a pair among the longer name's tokens not yet <paramref name="used"/>.</summary>
    private static bool Assign(bool[,] pairs, int i, int used, int shorter, int longer)
    {
        if (i == shorter) return true;
        for (var j = 0; j < longer; j++)
        {
            if ((used & (1 << j)) != 0 || !pairs[i, j]) continue;
            if (Assign(pairs, i + 1, used | (1 << j), shorter, longer)) return true;
        }
        return false;
    }

    /// <summary>Whether two tokens are one name.</summary>
    public static bool Pair(NameToken a, NameToken b)
    {
        if (a.Prefix != b.Prefix || a.Suffix != b.Suffix) return false;
        var namesOfA = a.GivenNames;
        var namesOfB = b.GivenNames;
        if (namesOfA is not null && namesOfB is not null) return namesOfA.Overlaps(namesOfB);
        if (Close(a, b)) return true;
        // A spelling the table does not know, against every spelling of the name the other one is, in the
        // other one's script: two Arabic spellings are compared as Arabic (آمال is not أمل because both are "Amal").
        if (namesOfB is not null) return GivenNames.SpellingsOf(namesOfB, b.Arabic).Any(spelling => Close(a, spelling));
        if (namesOfA is not null) return GivenNames.SpellingsOf(namesOfA, a.Arabic).Any(spelling => Close(spelling, b));
        return false;
    }

    private static bool Close(NameToken a, NameToken b) =>
        a.Prefix == b.Prefix && a.Suffix == b.Suffix && SpellingDistance.Within(a, b);
}
