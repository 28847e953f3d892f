using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Cases.Matching;

/// <summary>
/// A full name as it is written, in any script, as <see cref="NameToken"/>s: the article (al-, el-,
/// ال, as-/ash- before a sun letter), bin/ibn/bint and the like dropped; Abd, Abu, -din and -ullah
/// compounds made one token whether written joined, hyphenated or as two words.
/// </summary>
public static partial class NameTokenizer
{
    private static readonly HashSet<string> LatinParticles = ["al", "el", "ul", "il", "ol", "bin", "ibn", "bint", "binti", "ben", "bent", "bn", "ibnu"];
    private static readonly HashSet<string> LatinSunArticles = ["as", "ash", "ad", "ar", "at", "az", "an", "ath", "adh", "es", "ed", "er", "et", "ez", "en", "us", "ud", "ur", "ut", "uz", "un", "is", "id", "ir", "it", "iz", "in"];
    private static readonly HashSet<string> LatinAbd = ["abd", "abdul", "abdel", "abdal", "abdil", "abdol", "abdoul", "abdur", "abdus", "abdun", "abdut", "abduz", "ebd", "ebdul", "ebdil", "evd", "evdil", "ebdel"];
    private static readonly HashSet<string> LatinAbu = ["abu", "abou", "abo", "ebu", "ebou", "abū"];
    private static readonly HashSet<string> LatinDin = ["din", "deen", "dine", "ddin", "eddin", "eddine", "ettin", "uddin", "uddeen", "iddin", "addin", "aldin", "eldin"];
    private static readonly HashSet<string> ArabicParticles = ["بن", "ابن", "بنت", "ال", "ولد"];

    [GeneratedRegex(@"^(?<core>[a-z]{3,}?)(?:(?:[aeiou]l?)(?:ddin|ttin|din|tin|ddeen|deen)|(?:ddin|ttin|ddeen))e?$")]
    private static partial Regex LatinDinCompound();

    /// <summary>Zayn al-Abidin ends like a -din name and is not one.</summary>
    [GeneratedRegex(@"(?:abi|abe|ab)d(?:in|een|ine)$")]
    private static partial Regex AbidinEnding();

    [GeneratedRegex(@"^(?<core>[a-z]{2,}?)(?:ullah|ollah|allah|ulla|olla|alla)$")]
    private static partial Regex LatinAllahCompound();

    [GeneratedRegex(@"^a?l?lah?$|^[uo]l?lah?$")]
    private static partial Regex LatinAllah();

    /// <summary>The tokens of a full name; <paramref name="isWholeName"/> tells a table spelling (ال kept when the table has it) from a record.</summary>
    public static IReadOnlyList<NameToken> Tokens(string fullName, Func<string, bool>? isWholeName = null)
    {
        var words = Words(fullName.Normalize(NormalizationForm.FormC));
        var tokens = new List<NameToken>();
        var pending = new Pending();
        for (var i = 0; i < words.Count; i++)
        {
            var (word, plain, arabic) = words[i];
            var token = arabic ? ArabicWord(word, words, i, pending, isWholeName) : LatinWord(word, plain, words, i, pending, isWholeName ?? GivenNames.IsWholeName);
            if (token is null) continue;
            if (token.Suffix is not null && token.Core.Length == 0)
            {
                // "Nur al-Din", "Najib Allah": the -din or -ullah word belongs to the name before it.
                if (tokens.Count > 0 && tokens[^1].Suffix is null && tokens[^1].Core != NameToken.Allah)
                    tokens[^1] = tokens[^1].WithSuffix(token.Suffix);
                continue;
            }
            tokens.Add(token);
        }
        if (pending.Prefix is { } prefix) tokens.Add(new NameToken(prefix.ToLowerInvariant(), Arabic: false));
        return tokens;
    }

    private static NameToken? LatinWord(string word, string plain, List<(string Word, string Plain, bool Arabic)> words, int i, Pending pending, Func<string, bool> isWholeName)
    {
        var next = i + 1 < words.Count ? words[i + 1].Plain : null;
        if (pending.Prefix is null && next is not null && LatinAbd.Contains(plain)) { pending.Prefix = NameToken.Abd; return null; }
        if (pending.Prefix is null && next is not null && LatinAbu.Contains(plain)) { pending.Prefix = NameToken.Abu; return null; }
        if (LatinParticles.Contains(plain)) return null;
        // "ash-Shami", "ad-Darwish", "ud-Din": the article as the sun letter it became.
        if (next is not null && LatinSunArticles.Contains(plain) && next.Length > plain.Length && next.StartsWith(plain[1..], StringComparison.Ordinal)) return null;
        if (LatinDin.Contains(plain) && i > 0) return Suffixed("", NameToken.Din);
        if (LatinAllah().IsMatch(plain) && pending.Prefix is not null) return Take(NameToken.Allah, arabic: false);
        if (LatinAllah().IsMatch(plain) && i > 0) return Suffixed("", NameToken.Allah);

        if (pending.Prefix is null && plain.Length >= 6 && (plain.StartsWith("abd", StringComparison.Ordinal) || plain.StartsWith("ebd", StringComparison.Ordinal) || plain.StartsWith("evd", StringComparison.Ordinal)))
        {
            pending.Prefix = NameToken.Abd;
            return Take(AfterConnective(word, plain, 3), arabic: false);
        }
        if (pending.Prefix is null && plain.Length >= 6 && (plain.StartsWith("abu", StringComparison.Ordinal) || plain.StartsWith("ebu", StringComparison.Ordinal)) && !Sounds.IsShortVowel(plain[3]))
        {
            pending.Prefix = NameToken.Abu;
            return Take(word[3..], arabic: false);
        }
        if (pending.Prefix is not null) return Take(word, arabic: false);
        if (!AbidinEnding().IsMatch(plain) && LatinDinCompound().Match(plain) is { Success: true } din)
            return Suffixed(word[..din.Groups["core"].Length], NameToken.Din);
        if (LatinAllahCompound().Match(plain) is { Success: true } allah)
            return Suffixed(word[..allah.Groups["core"].Length], NameToken.Allah);
        // "Alhalabi", "Elkurdi": the article written joined to a family name.
        if (plain.Length >= 7 && plain[..2] is "al" or "el" && !Sounds.IsShortVowel(plain[2]) && plain[2] != 'l' && !isWholeName(plain))
            return Take(word[2..], arabic: false);
        return Take(word, arabic: false);

        NameToken Take(string core, bool arabic)
        {
            var token = new NameToken(LatinAllah().IsMatch(Plain(core)) && pending.Prefix is not null ? NameToken.Allah : core, arabic, pending.Prefix);
            pending.Prefix = null;
            return token;
        }

        NameToken Suffixed(string core, string suffix)
        {
            var token = new NameToken(core, Arabic: false, pending.Prefix, suffix);
            pending.Prefix = null;
            return token;
        }
    }

    /// <summary>What follows Abd: "ul"/"el"/"al", a vowel before a doubled sun letter (Abdurrahman), or a lone vowel (Abdirahman).</summary>
    private static string AfterConnective(string word, string plain, int start)
    {
        var at = start;
        if (at < plain.Length && Sounds.IsShortVowel(plain[at])) at++;
        if (at + 1 < plain.Length && plain[at] == 'l' && at > start && !(plain[(at + 1)..] is "lah" or "la" or "lahi")) at++;
        return word[at..];
    }

    private static NameToken? ArabicWord(string word, List<(string Word, string Plain, bool Arabic)> words, int i, Pending pending, Func<string, bool>? isWholeName)
    {
        var hasNext = i + 1 < words.Count;
        word = WithoutArticle(word, isWholeName ?? GivenNames.IsWholeName);
        if (pending.Prefix is null && hasNext && word == "عبد") { pending.Prefix = NameToken.Abd; return null; }
        if (pending.Prefix is null && hasNext && word is "ابو" or "ابوا") { pending.Prefix = NameToken.Abu; return null; }
        if (ArabicParticles.Contains(word)) return null;
        if (IsAllah(word))
        {
            // عبد الله is Abdullah; حبيب الله is Habibullah, the -ullah part of the name before it.
            if (pending.Prefix is not null) return Take(NameToken.Allah, null, pending);
            return i > 0 ? new NameToken("", Arabic: true, Suffix: NameToken.Allah) : null;
        }
        if (word is "الدين" or "دين" && i > 0) return new NameToken("", Arabic: true, Suffix: NameToken.Din);

        if (pending.Prefix is null && word.Length > 4 && word.StartsWith("عبد", StringComparison.Ordinal))
        {
            pending.Prefix = NameToken.Abd;
            word = word[3..];
            word = WithoutArticle(word, _ => false);
        }
        else if (pending.Prefix is null && word.Length > 4 && word.StartsWith("ابو", StringComparison.Ordinal))
        {
            pending.Prefix = NameToken.Abu;
            word = word[3..];
        }
        if (IsAllah(word)) return Take(NameToken.Allah, null, pending);
        string? suffix = null;
        if (word.Length > 6 && word.EndsWith("الدين", StringComparison.Ordinal)) (word, suffix) = (word[..^5], NameToken.Din);
        else if (word.Length > 5 && (word.EndsWith("الله", StringComparison.Ordinal) || word.EndsWith("اللة", StringComparison.Ordinal))) (word, suffix) = (word[..^4], NameToken.Allah);
        return Take(word, suffix, pending);

        static bool IsAllah(string word) => word is "الله" or "اللة" or "لله";

        // The article joined to a name (الحلبي, العبدالله), unless the table knows the whole word as a name (الياس, الهام).
        static string WithoutArticle(string word, Func<string, bool> isWholeName) =>
            word.Length >= 4 && word.StartsWith("ال", StringComparison.Ordinal) && !IsAllah(word) && !isWholeName(word) ? word[2..] : word;

        static NameToken Take(string core, string? suffix, Pending pending)
        {
            var token = new NameToken(core, Arabic: true, pending.Prefix, suffix);
            pending.Prefix = null;
            return token;
        }
    }

    /// <summary>Words with their plain form (lower-case letters without marks, one for one) and script.</summary>
    private static List<(string Word, string Plain, bool Arabic)> Words(string fullName)
    {
        var words = new List<(string, string, bool)>();
        var current = new StringBuilder();
        var arabic = false;
        foreach (var c in fullName)
        {
            var isArabic = ArabicLetters.IsArabic(c);
            // Harakat, shadda and tatweel are inside a word, not between words (مُحَمَّد, محـمد).
            if (isArabic && arabic && current.Length > 0 && (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '\u0640')) continue;
            var isLetter = char.IsLetter(c) || (!isArabic && c is '\'' or '`' or '’' or '‘' or 'ʿ' or 'ʾ' && current.Length > 0);
            if (!isLetter || (current.Length > 0 && isArabic != arabic))
            {
                Flush();
                if (!isLetter) continue;
            }
            arabic = isArabic;
            current.Append(c);
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0) return;
            var word = current.ToString();
            current.Clear();
            if (arabic)
            {
                var normalized = ArabicLetters.Normalize(word);
                if (normalized.Length > 0) words.Add((normalized, normalized, true));
            }
            else words.Add((word, Plain(word), false));
        }
    }

    /// <summary>One lower-case letter per letter of <paramref name="word"/>: marks dropped, Turkish ı and İ as i.</summary>
    internal static string Plain(string word)
    {
        var plain = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var letter = c switch
            {
                'ı' or 'İ' or 'I' => 'i',
                < '\u0080' => char.ToLowerInvariant(c),
                _ => char.ToLowerInvariant(c.ToString().Normalize(NormalizationForm.FormD)[0]),
            };
            plain.Append(letter);
        }
        return plain.ToString();
    }

    /// <summary>An Abd or Abu read, waiting for the name it belongs to.</summary>
    private sealed class Pending
    {
        public string? Prefix { get; set; }
    }
}
