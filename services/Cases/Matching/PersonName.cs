namespace Platform.Cases.Matching;

/// <summary>
/// A full name ready for matching: its tokens (<see cref="NameTokenizer"/>), and the readings in which
/// two neighbouring names are one (Mohammad Reza = Mohammadreza, Gul Ahmad = Gulahmad). Parsed once
/// per check, compared with each person born on the same day.
/// </summary>
public sealed class PersonName
{
    private PersonName(IReadOnlyList<NameToken> tokens)
    {
        Tokens = tokens;
        var joined = new List<IReadOnlyList<NameToken>>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].JoinedWith(tokens[i + 1]) is not { } token) continue;
            joined.Add([.. tokens.Take(i), token, .. tokens.Skip(i + 2)]);
        }
        Joined = joined;
    }

    public IReadOnlyList<NameToken> Tokens { get; }

    /// <summary>The tokens with two neighbours written as one, to meet a name that has one token less.</summary>
    public IReadOnlyList<IReadOnlyList<NameToken>> Joined { get; }

    public static PersonName Of(string fullName) => new(NameTokenizer.Tokens(fullName));
}
