using System.Globalization;
using System.Text;

namespace Platform.Cases.Matching;

/// <summary>
/// Latin-script words as <see cref="Sounds"/>, whichever tradition wrote them: Turkish (ş ç ğ ı, c for
/// j), Kurdish Kurmanji (x for kh, ê î û), English and Levantine or Gulf transliterations (sh, kh, gh, th,
/// dh), French (ch, ou, dj) and Persian Latin (zh). Digraphs become one sound; the distance knows a
/// digraph may also be two letters (Fathi is t+h, Adham is d+h).
/// </summary>
public static class LatinLetters
{
    /// <summary>The letters of a Latin word as sounds; anything that is not a letter is dropped.</summary>
    public static string Sounds(string word)
    {
        var letters = Letters(word);
        var sounds = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length; i++)
        {
            var rest = letters.AsSpan(i);
            var (sound, length) = rest switch
            {
                ['t', 'c', 'h', ..] => (Matching.Sounds.Che, 3),
                ['s', 'c', 'h', ..] => (Matching.Sounds.Shin, 3),
                ['d', 's', 'h', ..] => (Matching.Sounds.Jim, 3),
                ['d', 'j', ..] => (Matching.Sounds.Jim, 2),
                ['k', 'h', ..] => (Matching.Sounds.Kha, 2),
                ['g', 'h', ..] => (Matching.Sounds.Ghayn, 2),
                ['s', 'h', ..] => (Matching.Sounds.Shin, 2),
                ['c', 'h', ..] => (Matching.Sounds.Ch, 2),
                ['z', 'h', ..] => (Matching.Sounds.Zhe, 2),
                ['t', 'h', ..] => (Matching.Sounds.Tha, 2),
                ['d', 'h', ..] => (Matching.Sounds.Dhal, 2),
                ['p', 'h', ..] => ('f', 2),
                ['c', 'k', ..] => ('k', 2),
                ['c', 'e' or 'i' or 'y', ..] => (Matching.Sounds.SoftC, 1),
                ['o', 'u', ..] or ['o', 'o', ..] or ['u', 'u', ..] => ('u', 2),
                ['e', 'e', ..] or ['i', 'i', ..] => ('i', 2),
                // "Saad", "Raad", "Alaa": a doubled a is how Latin spellings show an ayn or a hamza.
                ['a', 'a', ..] => ('a', 1),
                _ => (Single(rest[0]), 1),
            };
            if (rest is ['a', 'a', ..])
            {
                Append('a');
                Append(Matching.Sounds.Ayn);
                i++;
                continue;
            }
            if (sound != '\0') Append(sound);
            i += length - 1;
        }
        for (var i = 0; i < sounds.Length; i++)
        {
            if (sounds[i] != Matching.Sounds.KurdishE) continue;
            sounds[i] = 'e';
            if (i + 1 == sounds.Length || !(Matching.Sounds.IsShortVowel(sounds[i + 1]) || sounds[i + 1] == 'y')) sounds.Insert(i + 1, 'y');
        }
        // "Tawfiq", "Tevfik", "Toufik": a w after a vowel and before a consonant is the vowel o.
        for (var i = 0; i + 1 < sounds.Length; i++)
        {
            if (sounds[i] is 'a' or 'e' or 'o' && sounds[i + 1] == 'w' && (i + 2 == sounds.Length || !Matching.Sounds.IsShortVowel(sounds[i + 2])))
            {
                sounds[i] = 'o';
                sounds.Remove(i + 1, 1);
            }
        }
        return sounds.ToString();

        void Append(char sound)
        {
            if (sounds.Length > 0 && sounds[^1] == sound) return;
            sounds.Append(sound);
        }
    }

    private static char Single(char letter) => letter switch
    {
        'c' => Matching.Sounds.Jim,
        'j' => Matching.Sounds.Jim,
        'v' or 'w' => 'w',
        'x' => Matching.Sounds.Kha,
        >= 'a' and <= 'z' => letter,
        Matching.Sounds.Shin or Matching.Sounds.Che or Matching.Sounds.Ghayn or Matching.Sounds.Ayn
            or Matching.Sounds.Dhal or Matching.Sounds.Tha or Matching.Sounds.Kha or Matching.Sounds.DotlessI or Matching.Sounds.KurdishE => letter,
        _ => '\0',
    };

    /// <summary>
    /// Lower-case ASCII letters, with the letters whose sound ASCII cannot keep already as sounds
    /// (ş, ç, ğ, the dotted transliteration letters, apostrophes for ayn and hamza). The Turkish
    /// dotted and dotless i are the same vowel here, so culture never matters.
    /// </summary>
    private static string Letters(string word)
    {
        var letters = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var mapped = c switch
            {
                'ş' or 'Ş' or 'š' or 'Š' => Matching.Sounds.Shin,
                'ç' or 'Ç' or 'č' or 'Č' => Matching.Sounds.Che,
                'ğ' or 'Ğ' or 'ẍ' or 'Ẍ' => Matching.Sounds.Ghayn,
                'ı' => Matching.Sounds.DotlessI,
                'İ' or 'I' => 'i',
                'ḥ' or 'Ḥ' => 'h',
                'ṣ' or 'Ṣ' => 's',
                'ṭ' or 'Ṭ' => 't',
                'ḍ' or 'Ḍ' or 'ẓ' or 'Ẓ' or 'ḏ' or 'Ḏ' => Matching.Sounds.Dhal,
                'ṯ' or 'Ṯ' => Matching.Sounds.Tha,
                'ẖ' or 'ḫ' or 'Ḫ' => Matching.Sounds.Kha,
                'ž' or 'Ž' => Matching.Sounds.Zhe,
                // Kurdish ê is the ey of Arabic names (Şêx, Hisên, Silêman).
                'ê' or 'Ê' => Matching.Sounds.KurdishE,
                '\'' or '`' or '’' or '‘' or 'ʿ' or 'ʾ' or 'ʻ' or 'ʼ' => Matching.Sounds.Ayn,
                _ => '\0',
            };
            if (mapped != '\0')
            {
                letters.Append(mapped);
                continue;
            }
            if (c < '\u0080')
            {
                var lower = char.ToLowerInvariant(c);
                if (char.IsAsciiLetterLower(lower)) letters.Append(lower);
                continue;
            }
            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark) continue;
                var lower = char.ToLowerInvariant(part);
                if (char.IsAsciiLetterLower(lower)) letters.Append(lower);
            }
        }
        return letters.ToString();
    }
}
