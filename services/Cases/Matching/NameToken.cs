namespace Platform.Cases.Matching;

/// <summary>
/// One name of a full name, as sounds (<see cref="Sounds"/>). Compound names are one token: the
/// servant-of and father-of names as a <see cref="Prefix"/> (Abd al-Rahman, Abu Bakr), the -din and
/// -ullah names as a <see cref="Suffix"/> (Nur al-Din, Najibullah), so that a compound matches only a
/// compound whose parts match one by one (Abd al-Rahman is not Abd al-Rahim).
/// </summary>
public sealed class NameToken(string Core, bool Arabic, string? Prefix = null, string? Suffix = null)
{
    public const string Abd = "ABD";
    public const string Abu = "ABU";
    public const string Din = "DIN";
    public const string Allah = "ALLAH";

    public string Core { get; } = Core;
    public bool Arabic { get; } = Arabic;
    public string? Prefix { get; } = Prefix;
    public string? Suffix { get; } = Suffix;

    /// <summary>The core's sounds: long vowels written in Arabic script, all vowels in Latin.</summary>
    public string Sounds { get; } = Core == Allah ? Allah : Arabic ? ArabicLetters.Sounds(Core, wordEnd: Suffix is null) : LatinLetters.Sounds(Core);

    /// <summary>How many consonants <see cref="Sounds"/> has: what the distance's limit grows with.</summary>
    public int Consonants => consonants ??= Matching.Sounds.Consonants(Sounds);

    private int? consonants;

    /// <summary>Whether the core ends the written name, where a final vowel tells Nabil from Nabila.</summary>
    public bool EndsWord => Suffix is null;

    /// <summary>Equal keys are equal spellings: what the given-name table is looked up by.</summary>
    public string Key => key ??= $"{(Arabic ? 'a' : 'l')}|{Prefix}|{Sounds}|{Suffix}";

    private string? key;

    /// <summary>The names of the given-name table this token spells, or null (looked up once).</summary>
    public NameSet? GivenNames
    {
        get
        {
            if (looked) return names;
            names = Matching.GivenNames.Of(this);
            looked = true;
            return names;
        }
    }

    private NameSet? names;
    private bool looked;

    /// <summary>"Mohammad Reza" as one token, to meet "Mohammadreza" or "محمدرضا".</summary>
    public NameToken? JoinedWith(NameToken next) =>
        Suffix is null && next.Prefix is null && Arabic == next.Arabic && Core != Allah && next.Core != Allah
            ? new NameToken(Core + next.Core, Arabic, Prefix, next.Suffix)
            : null;

    public NameToken WithSuffix(string suffix) => new(Core, Arabic, Prefix, suffix);

    public override string ToString() => Key;
}
