namespace Platform.Cases.Matching;

/// <summary>
/// The alphabet both scripts are spelled into before they are compared. Plain Latin letters stand for
/// themselves (a e i o u are short vowels, which Arabic does not write); the upper-case and sign
/// letters are sounds that spellings write in several ways.
/// </summary>
public static class Sounds
{
    /// <summary>ث: th in English, s in Turkish (Osman), t in Levantine speech (Usman, Othman, Tamer).</summary>
    public const char Tha = 'T';
    /// <summary>ذ ض ظ: dh, d or z (Ramazan, Zekeriya, Reza, Dhiya, Diaa).</summary>
    public const char Dhal = 'D';
    /// <summary>ج: j, Turkish and Kurdish c, French dj, Egyptian g.</summary>
    public const char Jim = 'J';
    /// <summary>چ and Turkish ç: ch, tch.</summary>
    public const char Che = 'C';
    /// <summary>Latin "ch": sh in French (Chadi), č in English and Persian (Chaman): either.</summary>
    public const char Ch = 'c';
    /// <summary>خ: kh, Kurdish x, Turkish h (Halit).</summary>
    public const char Kha = 'x';
    /// <summary>ش: sh, ş, French ch.</summary>
    public const char Shin = 'S';
    /// <summary>ژ: zh, French j.</summary>
    public const char Zhe = 'Z';
    /// <summary>غ: gh, Turkish ğ or g (Galip), Kurdish x.</summary>
    public const char Ghayn = 'G';
    /// <summary>ع, or an apostrophe or "aa" in a Latin spelling (Sa'd, Saad).</summary>
    public const char Ayn = 'E';
    /// <summary>ء where it stays written.</summary>
    public const char Hamza = '\'';
    /// <summary>ا: a long a (or the carrier of a first vowel) that a Latin spelling writes as a or e.</summary>
    public const char Alif = 'A';
    /// <summary>و: w/v, or a long u/o.</summary>
    public const char Waw = 'W';
    /// <summary>ي: y, or a long i/e.</summary>
    public const char Ya = 'Y';
    /// <summary>A final ة or ه: -a, -e, -ah, -eh, Turkish -et/-at (Nimet), or h (Shah, Taha).</summary>
    public const char FinalHa = '@';
    /// <summary>A final ى: -a (Musa, Leyla), or -i where ي is written without dots.</summary>
    public const char AlifMaqsura = '~';

    /// <summary>Latin "c" before e or i: s in French and English (Yacine, Hocine), j in Turkish (Cemile): either.</summary>
    public const char SoftC = 'ċ';
    /// <summary>Turkish ı: the short a after an emphatic consonant as often as i (Mısri, Kasım, Nasır).</summary>
    public const char DotlessI = 'ı';

    /// <summary>Kurdish ê, read as e followed by y when the spelling is turned into sounds.</summary>
    internal const char KurdishE = 'ê';

    public static bool IsShortVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or DotlessI;

    public static bool IsLongVowel(char c) => c is Alif or Waw or Ya or AlifMaqsura or FinalHa;

    /// <summary>Consonants the way the tables count them: everything but vowels and the signs of ayn and hamza.</summary>
    public static int Consonants(string sounds) => sounds.Count(c => !IsShortVowel(c) && c is not (Alif or AlifMaqsura or FinalHa or Ayn or Hamza));
}
