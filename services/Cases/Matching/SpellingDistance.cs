namespace Platform.Cases.Matching;

/// <summary>
/// How far apart two spellings of one name are, as the cheapest alignment of their <see cref="Sounds"/>
/// (a weighted edit distance). What spellings of one name differ by costs little: a short vowel Arabic
/// does not write, sounds written alike (t/d at the end, k/q, h/kh, s/ş), a digraph read as two
/// letters; what tells names apart costs a whole letter: another consonant, a long vowel written in one
/// Arabic spelling and not in the other (بشار / بشر), a final vowel of the feminine (Nabil / Nabila).
/// </summary>
public static class SpellingDistance
{
    private enum Scripts { LatinLatin, ArabicLatin, ArabicArabic }

    /// <summary>The most a pair may cost and still be one name: more slack for longer names.</summary>
    public static double Limit(NameToken a, NameToken b)
    {
        var consonants = Math.Max(a.Consonants, b.Consonants);
        // A hair above the round figures, so that costs adding up to them (0.2 + 0.1) are within.
        return consonants switch { <= 2 => 0.3, 3 => 0.45, 4 => 0.6, _ => 0.75 } + 1e-9;
    }

    /// <summary>Whether two spellings are within <see cref="Limit"/> of each other.</summary>
    public static bool Within(NameToken a, NameToken b) => Between(a, b, Limit(a, b)) <= Limit(a, b);

    /// <summary>The distance, or anything above <paramref name="giveUpAbove"/> as soon as the alignment cannot come back under it.</summary>
    public static double Between(NameToken a, NameToken b, double giveUpAbove = double.PositiveInfinity)
    {
        if (a.Sounds == NameToken.Allah || b.Sounds == NameToken.Allah) return a.Sounds == b.Sounds ? 0 : double.PositiveInfinity;
        if (!a.Arabic && b.Arabic) (a, b) = (b, a);
        var scripts = a.Arabic ? b.Arabic ? Scripts.ArabicArabic : Scripts.ArabicLatin : Scripts.LatinLatin;
        return Align(a.Sounds, a.EndsWord, b.Sounds, b.EndsWord, scripts, giveUpAbove);
    }

    /// <summary>The alignment; <paramref name="x"/> is the Arabic-script side when the scripts differ.</summary>
    private static double Align(string x, bool xEnds, string y, bool yEnds, Scripts scripts, double giveUpAbove)
    {
        var n = x.Length;
        var m = y.Length;
        Span<double> table = n * m < 1024 ? stackalloc double[(n + 1) * (m + 1)] : new double[(n + 1) * (m + 1)];
        var width = m + 1;
        // What each sound of y costs when x lacks it, once per sound rather than once per cell.
        Span<double> missingY = m < 128 ? stackalloc double[m] : new double[m];
        for (var j = 0; j < m; j++) missingY[j] = Missing(y, j, yEnds, latinSide: scripts != Scripts.ArabicArabic, scripts);
        table[0] = 0;
        for (var j = 1; j <= m; j++) table[j] = table[j - 1] + missingY[j - 1];
        for (var i = 1; i <= n; i++)
        {
            var missingX = Missing(x, i - 1, xEnds, latinSide: scripts == Scripts.LatinLatin, scripts);
            table[i * width] = table[(i - 1) * width] + missingX;
            var rowBest = table[i * width];
            for (var j = 1; j <= m; j++)
            {
                var best = table[(i - 1) * width + j] + missingX;
                best = Math.Min(best, table[i * width + j - 1] + missingY[j - 1]);
                var bothFinal = i == n && j == m && xEnds && yEnds;
                best = Math.Min(best, table[(i - 1) * width + j - 1] + Instead(x[i - 1], i - 1, y[j - 1], bothFinal, scripts));
                if (scripts == Scripts.ArabicLatin)
                {
                    // A Latin digraph for two Arabic letters: Fathi (فتحي) is t+h, Adham (أدهم) d+h, Ishaq (إسحاق) s+h.
                    if (i >= 2 && x[i - 1] == 'h' && DigraphOf(x[i - 2]) == y[j - 1])
                        best = Math.Min(best, table[(i - 2) * width + j - 1] + 0.1);
                    // A final ة or ه written as two Latin letters: -ah, -eh, Turkish -et (Nimet), -ha (Taha).
                    if (i == n && xEnds && x[i - 1] == Sounds.FinalHa && j >= 2)
                        best = Math.Min(best, table[(i - 1) * width + j - 2] + FinalHaAs(y[j - 2], y[j - 1]));
                }
                table[i * width + j] = best;
                rowBest = Math.Min(rowBest, best);
            }
            // Costs only add up (the two-row steps reach back one row further, hence the row before too).
            if (rowBest > giveUpAbove && (i < 2 || RowMinimum(table.Slice((i - 1) * width, width)) > giveUpAbove)) return rowBest;
        }
        return table[n * width + m];
    }

    private static double RowMinimum(Span<double> row)
    {
        var minimum = double.PositiveInfinity;
        foreach (var cost in row) minimum = Math.Min(minimum, cost);
        return minimum;
    }

    private static char DigraphOf(char arabic) => arabic switch
    {
        't' => Sounds.Tha, 's' => Sounds.Shin, 'd' => Sounds.Dhal, 'k' => Sounds.Kha, 'g' => Sounds.Ghayn, 'x' => Sounds.Kha, _ => '\0',
    };

    private static double FinalHaAs(char first, char second) => (first, second) switch
    {
        ('a' or 'e', 'h') or ('h', 'a' or 'e') => 0,
        ('a' or 'e', 't') => 0.15,
        ('a' or 'e', Sounds.Ayn) => 0.1,
        _ => 1,
    };

    /// <summary>What a sound costs when the other spelling lacks it.</summary>
    private static double Missing(string sounds, int at, bool endsWord, bool latinSide, Scripts scripts)
    {
        var sound = sounds[at];
        var final = endsWord && at == sounds.Length - 1;
        var afterVowel = at > 0 && (Sounds.IsShortVowel(sounds[at - 1]) || Sounds.IsLongVowel(sounds[at - 1]));
        if (latinSide)
        {
            if (Sounds.IsShortVowel(sound))
            {
                // A final vowel, or the vowel of a final -ah/-eh, is the feminine ending (Nabila, Mahdieh) or a word
                // of its own; French writes a silent -e after n, ch and sh (Yassine, Darwiche).
                if (final) return sound == 'e' && at > 0 && sounds[at - 1] is 'n' or Sounds.Ch or Sounds.Shin ? 0.15 : 1;
                if (endsWord && at == sounds.Length - 2 && sounds[^1] == 'h') return 1;
                // Arabic writes a first vowel (alif, ayn): Ashraf is not Sharaf.
                if (at == 0) return 0.6;
                if (scripts == Scripts.ArabicLatin) return 0.05;
                // A vowel after a vowel is one sound spelled two ways (Rezaei, Rezaee, Rezai); before one it is
                // a y (Rania is not Rana).
                return Sounds.IsShortVowel(sounds[at - 1]) ? 0.15 : 0.35;
            }
            return sound switch
            {
                Sounds.Ayn => 0.15,
                // A y the Arabic spelling does not write is a letter of its own (Hüseyin is not حسن).
                'y' => scripts == Scripts.LatinLatin ? 0.2 : 0.6,
                'h' => final && afterVowel ? 0.15 : 0.5,
                't' when final && afterVowel && scripts == Scripts.LatinLatin => 0.35,
                'w' => scripts == Scripts.LatinLatin ? 0.3 : 0.5,
                Sounds.Ghayn => 0.3,
                _ => 1,
            };
        }
        if (scripts == Scripts.ArabicLatin)
        {
            return sound switch
            {
                Sounds.Alif => at == 0 ? 0.05 : 0.6,
                Sounds.Waw or Sounds.Ya or Sounds.AlifMaqsura => 0.6,
                Sounds.Ayn => 0.15,
                Sounds.Hamza => 0.1,
                'h' => 0.6,
                _ => 1,
            };
        }
        return sound switch
        {
            Sounds.Hamza => 0.2,
            Sounds.AlifMaqsura => 0.3,
            Sounds.Alif or Sounds.Waw or Sounds.Ya or Sounds.Ayn => 0.8,
            _ => 1,
        };
    }

    /// <summary>What it costs to read <paramref name="x"/> (the Arabic-script side when the scripts differ) as <paramref name="y"/>.</summary>
    private static double Instead(char x, int xAt, char y, bool bothFinal, Scripts scripts)
    {
        if (x == y) return 0;
        switch (scripts)
        {
            case Scripts.ArabicArabic:
                return (x, y) switch
                {
                    (Sounds.AlifMaqsura, Sounds.Alif or Sounds.Ya) or (Sounds.Alif or Sounds.Ya, Sounds.AlifMaqsura) => 0.1,
                    (Sounds.FinalHa, 'h') or ('h', Sounds.FinalHa) => 0.1,
                    // عزة is Izza, عزت Izzat: the ta marbuta written open is another name, mostly.
                    (Sounds.FinalHa, 't') or ('t', Sounds.FinalHa) => 0.5,
                    (Sounds.Dhal, 'z') or ('z', Sounds.Dhal) => 0.3,
                    // Persian letters typed on an Arabic keyboard: پ as ب, گ as ك, چ as ج, ژ as ز.
                    ('p', 'b') or ('b', 'p') or ('g', 'k') or ('k', 'g') => 0.2,
                    (Sounds.Che, Sounds.Jim) or (Sounds.Jim, Sounds.Che) or (Sounds.Zhe, 'z') or ('z', Sounds.Zhe) => 0.2,
                    (Sounds.Hamza, Sounds.Ayn) or (Sounds.Ayn, Sounds.Hamza) => 0.5,
                    _ => 1,
                };
            case Scripts.ArabicLatin:
                return x switch
                {
                    Sounds.Alif when xAt == 0 && Sounds.IsShortVowel(y) => 0,
                    Sounds.Alif => y switch { 'a' or 'e' => 0, Sounds.DotlessI => 0.2, 'o' => 0.3, 'i' or 'u' => 0.7, _ => 1 },
                    Sounds.Waw => y switch { 'u' or 'o' or 'w' => 0, 'a' => 0.6, 'e' or 'i' or Sounds.DotlessI => 0.7, _ => 1 },
                    Sounds.Ya => y switch { 'i' or 'e' or 'y' => 0, Sounds.DotlessI => 0.1, 'a' => 0.6, 'o' or 'u' => 0.7, _ => 1 },
                    Sounds.AlifMaqsura => y switch { 'a' or 'e' or 'i' or 'y' => 0.05, 'o' or 'u' => 0.5, _ => 1 },
                    Sounds.FinalHa => y switch { 'a' or 'e' or 'h' => 0, 't' or 'i' => 0.3, 'o' or 'u' => 0.6, _ => 1 },
                    Sounds.Ayn or Sounds.Hamza => Sounds.IsShortVowel(y) ? 0.1 : y == Sounds.Ayn ? 0 : 1,
                    _ => Sounds.IsShortVowel(y) ? 1 : Consonants(x, y, bothFinal, latinOnly: false),
                };
            default:
                if (Sounds.IsShortVowel(x) || Sounds.IsShortVowel(y) || x is 'y' or Sounds.Ayn || y is 'y' or Sounds.Ayn)
                    return LatinVowels(x, y);
                return Consonants(x, y, bothFinal, latinOnly: true);
        }
    }

    private static double LatinVowels(char x, char y) => LatinVowelCost(x, y) ?? LatinVowelCost(y, x) ?? 1;

    private static double? LatinVowelCost(char x, char y) => (x, y) switch
    {
        ('a', 'e') => 0.15,
        ('e', 'i') => 0.25,
        ('o', 'u') => 0.1,
        ('a', 'o') => 0.4,
        ('a', 'u') => 0.5,
        ('e', 'o') => 0.5,
        // Kurdish writes the short u of Arabic names as i (Mihemed, Silêman, Hisên).
        ('i', 'u') => 0.35,
        ('e', 'u') or ('a', 'i') or ('i', 'o') => 0.6,
        ('i', 'y') => 0.1,
        ('e', 'y') => 0.3,
        (Sounds.Ayn, 'a') => 0.1,
        (Sounds.Ayn, 'e' or 'i' or 'o' or 'u') => 0.5,
        ('u', 'w') => 0.4,
        (Sounds.DotlessI, 'a') => 0.2,
        (Sounds.DotlessI, 'i') => 0.1,
        (Sounds.DotlessI, 'e' or 'u' or 'o') => 0.3,
        _ => null,
    };

    /// <summary>Consonants that spellings of one name write differently; d for z only between Latin spellings of ض (Rida, Rıza).</summary>
    private static double Consonants(char x, char y, bool bothFinal, bool latinOnly) => ConsonantCost(x, y, bothFinal, latinOnly) ?? ConsonantCost(y, x, bothFinal, latinOnly) ?? 1;

    private static double? ConsonantCost(char x, char y, bool bothFinal, bool latinOnly) => (x, y) switch
    {
        ('d', 't') => bothFinal ? 0.1 : 0.3,
        ('d', 'z') when latinOnly => 0.5,
        (Sounds.Che, 's') => 0.3,
        (Sounds.SoftC, 's') => 0.1,
        (Sounds.SoftC, Sounds.Jim) => 0.05,
        (Sounds.Che, Sounds.SoftC) => 0.15,
        ('b', 'p') => bothFinal ? 0.1 : 0.2,
        (Sounds.Tha, 's') => 0.15,
        (Sounds.Tha, 't') => 0.2,
        (Sounds.Dhal, 'z') => 0.1,
        (Sounds.Dhal, 'd') => 0.15,
        (Sounds.Shin, 's') => 0.2,
        (Sounds.Shin, Sounds.Ch) or (Sounds.Che, Sounds.Ch) => 0.1,
        (Sounds.Che, Sounds.Shin) => 0.4,
        (Sounds.Jim, Sounds.Zhe) => 0.2,
        (Sounds.Che, Sounds.Jim) => 0.2,
        (Sounds.Jim, 'g') => 0.5,
        ('k', 'q') => 0.15,
        // Persian Latin writes ق as gh (Sadeghi, Ghasem).
        (Sounds.Ghayn, 'q') => 0.2,
        ('g', 'k') or ('g', 'q') => 0.5,
        (Sounds.Ghayn, 'g') => 0.2,
        (Sounds.Ghayn, 'x') or ('g', 'x') => 0.3,
        ('h', 'x') => 0.2,
        ('k', 'x') => 0.4,
        (Sounds.Hamza, Sounds.Ayn) => 0.05,
        _ => null,
    };
}
