namespace Platform.Cases.Matching;

/// <summary>
/// Frequent given names whose Turkish, Arabic and Latin spellings differ by more than their letters can
/// tell (Mehmet / Muhammed / محمد, Ayşe / Aisha / عائشة): each spelling, as transliterated and folded,
/// points at one canonical form. Arabic script arrives here already transliterated (محمد -> mhmd).
/// It also keeps apart names whose consonants coincide (Hasan / Hüseyin).
/// </summary>
internal static class CommonNames
{
    private static readonly Dictionary<string, string> Canonical = Build(new()
    {
        ["MUHAMMAD"] = ["muhammed", "muhammad", "mohammed", "mohammad", "mohamed", "mohamad", "muhamed", "mehmet", "mehmed", "mhmd", "mahammad", "muhamad"],
        ["AHMAD"] = ["ahmet", "ahmad", "ahmed", "'hmd"],
        ["MAHMUD"] = ["mahmut", "mahmud", "mahmoud", "mhmwd"],
        ["MUSTAFA"] = ["mustafa", "moustafa", "mostafa", "mustapha", "mstfa", "mstf"],
        ["ALI"] = ["ali", "aly", "`ly", "ly"],
        ["HUSEYIN"] = ["huseyin", "hussein", "husein", "hussain", "husain", "hsyn"],
        ["HASAN"] = ["hasan", "hassan", "hsn"],
        ["OMAR"] = ["omer", "omar", "umar", "`mr", "mr"],
        ["OSMAN"] = ["osman", "othman", "uthman", "usman", "`thmn", "thmn"],
        ["YUSUF"] = ["yusuf", "yousef", "youssef", "yusef", "yousif", "ywsf"],
        ["IBRAHIM"] = ["ibrahim", "ebrahim", "brahim", "'brhym", "brhym", "ibrahem"],
        ["ABDULLAH"] = ["abdullah", "abdallah", "abdulla", "`bdllh", "bdllh", "`bdlh", "abdalla"],
        ["ABDURRAHMAN"] = ["abdurrahman", "abdulrahman", "abdelrahman", "abderrahman", "`bdlrhmn", "`bdalrhmn", "bdlrhmn", "`bdrhmn"],
        ["KHALID"] = ["halit", "halid", "khalid", "khaled", "khld", "khalit"],
        ["KHALIL"] = ["halil", "khalil", "khlyl"],
        ["YASIN"] = ["yasin", "yaseen", "yassin", "ysyn"],
        ["HAMZA"] = ["hamza", "hamzah", "hmz", "hmzh"],
        ["BILAL"] = ["bilal", "blal", "bll"],
        ["ISMAIL"] = ["ismail", "ismael", "esmail", "'sm`yl", "sm`yl"],
        ["YAKUB"] = ["yakup", "yakub", "yaqub", "yacoub", "yaqoub", "y`qwb"],
        ["SULEYMAN"] = ["suleyman", "sulaiman", "sulayman", "soliman", "slymn"],
        ["RASHID"] = ["resit", "rashid", "rachid", "rashed", "rshyd"],
        ["TARIQ"] = ["tarik", "tariq", "tarek", "trq"],
        ["JAMAL"] = ["cemal", "jamal", "gamal", "jml"],
        ["WALID"] = ["velit", "velid", "walid", "waleed", "wlyd"],
        ["AISHA"] = ["ayse", "aise", "aisha", "aysha", "aishah", "ayesha", "`i'shh", "`ayshh", "`'shh"],
        ["FATIMA"] = ["fatma", "fatima", "fatimah", "fatmah", "ftmh", "ftm"],
        ["ZAINAB"] = ["zeynep", "zainab", "zaynab", "zeinab", "zynb"],
        ["KHADIJA"] = ["hatice", "khadija", "khadijah", "hadice", "khdyjh"],
        ["AMINA"] = ["emine", "amina", "aminah", "amineh", "'mynh", "amynh"],
        ["MARYAM"] = ["meryem", "maryam", "mariam", "miriam", "mrym"],
        ["ZAHRA"] = ["zehra", "zahra", "zahraa", "zhr'", "zhra"],
        ["NUR"] = ["nur", "noor", "nour", "nwr"],
        ["ESRA"] = ["esra", "israa", "isra", "'sr'", "asra"],
        ["HIBA"] = ["hibe", "hiba", "heba", "hbh"],
        ["RUKIYE"] = ["rukiye", "ruqayya", "ruqaya", "rqyh"],
        ["SHAIMA"] = ["seyma", "shaima", "shaimaa", "shyma", "shym'"],
        ["YASMIN"] = ["yasemin", "yasmin", "yasmine", "jasmin", "ysmyn"],
        ["HALABI"] = ["halabi", "halebi", "alhalabi", "elhalebi", "hlby", "lhlby"],
        ["SAMIR"] = ["samir", "sameer", "semir", "smyr"],
        ["SALIH"] = ["salih", "saleh", "salah", "slh"],
    });

    public static string? Of(string token) => Canonical.GetValueOrDefault(token);

    private static Dictionary<string, string> Build(Dictionary<string, string[]> names)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, spellings) in names)
        foreach (var spelling in spellings)
            map[spelling] = canonical;
        return map;
    }
}
