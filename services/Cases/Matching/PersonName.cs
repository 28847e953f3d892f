namespace Platform.Cases.Matching;

/// <summary>
/// A full name ready for matching: its tokens (<see cref="NameTokenizer"/>), and the readings in which
/// two neighbouring names are one (Mohammad Reza = Mohammadreza, Gul Ahmad = Gulahmad). Parsed once
/// per check, compared with each person born on the same day.
/// </summary>
public sealed class PersonName
{
    private PersonName(IReadOnlyList<NameToken> tokens) => Tokens = tokens;

    public IReadOnlyList<NameToken> Tokens { get; }

    /// <summary>The tokens with two neighbours written as one, to meet a name that has one token less (made when first asked for).</summary>
    public IReadOnlyList<IReadOnlyList<NameToken>> Joined => joined ??= JoinNeighbours();

    private IReadOnlyList<IReadOnlyList<NameToken>>? joined;

    private List<IReadOnlyList<NameToken>> JoinNeighbours()
    {
        var readings = new List<IReadOnlyList<NameToken>>();
        for (var i = 0; i + 1 < Tokens.Count; i++)
        {
            if (Tokens[i].JoinedWith(Tokens[i + 1]) is not { } token) continue;
            readings.Add([.. Tokens.Take(i), token, .. Tokens.Skip(i + 2)]);
        }
        return readings;
    }

    public static PersonName Of(string fullName) => new(NameTokenizer.Tokens(fullName));
}
