using System.Globalization;
using System.Text;

namespace Platform.Cases.Matching;

/// <summary>
/// Arabic-script words (Arabic, Persian, Kurdish Sorani, Pashto letters) as <see cref="Sounds"/>. Arabic
/// writes consonants and long vowels only, so a word becomes its consonants, with ا و ي as the long
/// vowels <see cref="Sounds.Alif"/>, <see cref="Sounds.Waw"/>, <see cref="Sounds.Ya"/> that a Latin
/// spelling must show, and a final ة or ه as <see cref="Sounds.FinalHa"/> (Fatma, Fatimah, Nimet).
/// </summary>
public static class ArabicLetters
{
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    /// <summary>
    /// One spelling per letter: presentation forms and Persian digits through NFKC; harakat, shadda, the
    /// superscript alif and tatweel removed; hamza carriers, ta marbuta, alif maqsura and the Persian,
    /// Kurdish and Pashto look-alikes folded to the Arabic letter they stand for.
    /// </summary>
    public static string Normalize(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or >= '\u06D6' and <= '\u06ED') continue;
            folded.Append(c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' or 'ٲ' or 'ٳ' => 'ا',
                'ی' or 'ې' or 'ێ' or 'ے' or 'ۍ' or 'ئ' => 'ي',
                'ک' => 'ك',
                'ګ' => 'گ',
                'ۀ' or 'ە' => 'ه',
                'ھ' => 'ه',
                'ۆ' or 'ۇ' or 'ۈ' or 'ۋ' or 'ؤ' => 'و',
                'ڕ' or 'ړ' => 'ر',
                'ڵ' => 'ل',
                'ټ' => 'ت',
                'ډ' => 'د',
                'ږ' => 'ژ',
                'ښ' => 'ش',
                'ڼ' => 'ن',
                'ځ' => 'ز',
                'څ' => 'س',
                'ڤ' => 'ف',
                _ => c,
            });
        }
        return folded.ToString();
    }

    /// <summary>A normalised word (<see cref="Normalize"/>) as sounds; <paramref name="wordEnd"/> says whether it ends a written word.</summary>
    public static string Sounds(string word, bool wordEnd = true)
    {
        var sounds = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var last = i == word.Length - 1;
            char? sound = word[i] switch
            {
                'ا' => Matching.Sounds.Alif,
                'ب' => 'b', 'پ' => 'p', 'ت' or 'ط' => 't', 'ث' => Matching.Sounds.Tha,
                'ج' => Matching.Sounds.Jim, 'چ' => Matching.Sounds.Che, 'ح' => 'h', 'خ' => Matching.Sounds.Kha,
                'د' => 'd', 'ذ' or 'ض' or 'ظ' => Matching.Sounds.Dhal, 'ر' => 'r', 'ز' => 'z', 'ژ' => Matching.Sounds.Zhe,
                'س' or 'ص' => 's', 'ش' => Matching.Sounds.Shin, 'ع' => Matching.Sounds.Ayn, 'غ' => Matching.Sounds.Ghayn,
                'ف' => 'f', 'ق' => 'q', 'ك' => 'k', 'گ' => 'g', 'ل' => 'l', 'م' => 'm', 'ن' => 'n',
                'ه' or 'ة' when last && wordEnd && i > 0 => Matching.Sounds.FinalHa,
                'ه' or 'ة' => 'h',
                'و' => Matching.Sounds.Waw,
                'ي' => Matching.Sounds.Ya,
                'ى' when last => Matching.Sounds.AlifMaqsura,
                'ى' => Matching.Sounds.Ya,
                'ء' => Matching.Sounds.Hamza,
                _ => null,
            };
            if (sound is not { } s) continue;
            // A doubled letter is one sound (shadda is gone already; ييـ, وو are written twice for ي/و + vowel).
            if (sounds.Length > 0 && sounds[^1] == s) continue;
            sounds.Append(s);
        }
        // A hamza after a long alif at the end (إسراء, علاء) is not heard in Turkish or English spellings.
        if (sounds.Length > 1 && sounds[^1] == Matching.Sounds.Hamza && sounds[^2] == Matching.Sounds.Alif) sounds.Length--;
        return sounds.ToString();
    }
}
