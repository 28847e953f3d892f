using System.Globalization;
using System.Text;
using AnyAscii;

namespace Platform.Cases.Matching;

/// <summary>
/// A name reduced to what survives its spellings: Arabic script transliterated (AnyAscii), Turkish
/// letters folded (ş→s, ı/İ→i, ğ→g), lowercase by the invariant culture on purpose (never tr-TR's
/// dotted/dotless i rules on Latin transliterations), particles dropped (al-, el-, bin, ibn), then each
/// word as a frequent name's canonical form or as its consonant skeleton (vowels are not written in
/// Arabic; Turkish devoices final d/b: Mahmut = Mahmud). The key is sealed with the person's details.
/// </summary>
public static partial class NameKey
{
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})ال(?=\p{L}{2,})")]
    private static partial System.Text.RegularExpressions.Regex ArabicArticle();

    private static readonly HashSet<string> Particles = ["al", "el", "bin", "ibn", "bint", "binti", "ben", "oglu", "ogullari"];

    public static string Of(string fullName) => string.Join(' ', Tokens(fullName));

    public static IReadOnlyList<string> Tokens(string fullName)
    {
        var ascii = Fold(fullName).Transliterate().ToLowerInvariant();
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in ascii)
        {
            // Apostrophes and backticks stand for hamza and ayn: part of the word, as the table spells them.
            if (char.IsAsciiLetterLower(c) || c is '\'' or '`') current.Append(c);
            else Flush();
        }
        Flush();
        // "Abd al-Rahman", "عبد الله": the servant-of names are one name.
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] is "abd" or "abdul" or "abdel" or "`bd" or "bd")
            {
                words[i] = (words[i] == "`bd" || words[i] == "bd" ? "`bd" : "abd") + words[i + 1];
                words.RemoveAt(i + 1);
            }
        }
        return words.Where(w => !Particles.Contains(w.Trim('\'', '`'))).Select(Canonical).Where(w => w.Length > 0).ToList();

        void Flush()
        {
            if (current.Length == 0) return;
            var word = current.ToString();
            // "al-Halabi" / "el-Halebi" / "الحلبي" (lhlby): the article is not part of the name.
            if (word.Length > 4 && (word.StartsWith("al", StringComparison.Ordinal) || word.StartsWith("el", StringComparison.Ordinal)) && CommonNames.Of(word) is null && CommonNames.Of(word[2..]) is not null)
                word = word[2..];
            words.Add(word);
            current.Clear();
        }
    }

    private static string Canonical(string word)
    {
        if (CommonNames.Of(word) is { } name) return name;
        // A leading ayn or hamza (عباس -> `bs) is heard as a vowel: "Abbas".
        var bare = (word[0] is '\'' or '`' ? "a" : "") + word.Replace("'", "").Replace("`", "");
        if (CommonNames.Of(bare) is { } named) return named;
        if (bare.StartsWith('l') && CommonNames.Of(bare[1..]) is { } withArticle) return withArticle;
        return Skeleton(bare);
    }

    /// <summary>Consonants only, digraphs as one sound, doubled letters once, final d/b as t/p would be heard.</summary>
    public static string Skeleton(string word)
    {
        var s = word
            .Replace("kh", "h").Replace("gh", "g").Replace("sh", "s").Replace("th", "t").Replace("dh", "d").Replace("ph", "f")
            .Replace('q', 'k').Replace('w', 'v').Replace('x', 'k').Replace('c', 'j');
        var skeleton = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || (c == 'v' && i > 0);
            if (vowel && i > 0) continue;
            if (vowel) c = 'a';
            if (skeleton.Length > 0 && skeleton[^1] == c) continue;
            skeleton.Append(c);
        }
        if (skeleton.Length > 2 && skeleton[^1] == 'h') skeleton.Length--;   // ta marbuta: Fatimah = Fatma
        if (skeleton.Length > 1 && skeleton[^1] is 'd') skeleton[^1] = 't';  // Turkish final devoicing
        if (skeleton.Length > 1 && skeleton[^1] is 'b') skeleton[^1] = 'p';
        return skeleton.ToString();
    }

    /// <summary>Turkish letters AnyAscii would leave ambiguous, folded explicitly (ordinal, culture-free).</summary>
    private static string Fold(string text)
    {
        // The Arabic article is written joined to the name (السعدي): drop it before transliterating.
        var normalized = ArabicArticle().Replace(text.Normalize(NormalizationForm.FormC), "");
        var folded = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            folded.Append(c switch
            {
                'ı' or 'İ' or 'I' => 'i',
                'ş' or 'Ş' => 's',
                'ğ' or 'Ğ' => 'g',
                'ç' or 'Ç' => 'c',
                'ö' or 'Ö' => 'o',
                'ü' or 'Ü' => 'u',
                _ => c,
            });
        }
        return folded.ToString();
    }
}
