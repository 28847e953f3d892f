namespace Platform.Contracts;

/// <summary>One of Istanbul's districts: its stable ASCII code and its names.</summary>
public sealed record District(string Code, string NameTr, string NameAr, string NameEn)
{
    /// <summary>The name in <c>tr</c>, <c>ar</c> or <c>en</c> (Turkish otherwise).</summary>
    public string Name(string language) => language switch { "ar" => NameAr, "en" => NameEn, _ => NameTr };
}

/// <summary>Istanbul's 39 districts by their stable ASCII codes: how every service and partner names a district.</summary>
public static class Districts
{
    public static readonly IReadOnlyList<District> All =
    [
        new("adalar", "Adalar", "أضالار", "Adalar (Princes' Islands)"),
        new("arnavutkoy", "Arnavutköy", "أرناؤوط كوي", "Arnavutköy"),
        new("atasehir", "Ataşehir", "أتاشهير", "Ataşehir"),
        new("avcilar", "Avcılar", "أفجيلار", "Avcılar"),
        new("bagcilar", "Bağcılar", "باغجيلار", "Bağcılar"),
        new("bahcelievler", "Bahçelievler", "باهتشيلي إيفلر", "Bahçelievler"),
        new("bakirkoy", "Bakırköy", "باكركوي", "Bakırköy"),
        new("basaksehir", "Başakşehir", "باشاك شهير", "Başakşehir"),
        new("bayrampasa", "Bayrampaşa", "بيرم باشا", "Bayrampaşa"),
        new("besiktas", "Beşiktaş", "بشكتاش", "Beşiktaş"),
        new("beykoz", "Beykoz", "بيكوز", "Beykoz"),
        new("beylikduzu", "Beylikdüzü", "بيليك دوزو", "Beylikdüzü"),
        new("beyoglu", "Beyoğlu", "بيوغلو", "Beyoğlu"),
        new("buyukcekmece", "Büyükçekmece", "بيوك تشكمجة", "Büyükçekmece"),
        new("catalca", "Çatalca", "تشاتالجا", "Çatalca"),
        new("cekmekoy", "Çekmeköy", "تشكمكوي", "Çekmeköy"),
        new("esenler", "Esenler", "إسنلر", "Esenler"),
        new("esenyurt", "Esenyurt", "إسنيورت", "Esenyurt"),
        new("eyupsultan", "Eyüpsultan", "أيوب سلطان", "Eyüpsultan"),
        new("fatih", "Fatih", "الفاتح", "Fatih"),
        new("gaziosmanpasa", "Gaziosmanpaşa", "غازي عثمان باشا", "Gaziosmanpaşa"),
        new("gungoren", "Güngören", "غونغورن", "Güngören"),
        new("kadikoy", "Kadıköy", "قاضي كوي", "Kadıköy"),
        new("kagithane", "Kağıthane", "كاغيت خانة", "Kağıthane"),
        new("kartal", "Kartal", "كارتال", "Kartal"),
        new("kucukcekmece", "Küçükçekmece", "كوتشوك تشكمجة", "Küçükçekmece"),
        new("maltepe", "Maltepe", "مالتبه", "Maltepe"),
        new("pendik", "Pendik", "بنديك", "Pendik"),
        new("sancaktepe", "Sancaktepe", "سنجق تبه", "Sancaktepe"),
        new("sariyer", "Sarıyer", "صارير", "Sarıyer"),
        new("silivri", "Silivri", "سيليفري", "Silivri"),
        new("sultanbeyli", "Sultanbeyli", "سلطان بيلي", "Sultanbeyli"),
        new("sultangazi", "Sultangazi", "سلطان غازي", "Sultangazi"),
        new("sile", "Şile", "شيلي", "Şile"),
        new("sisli", "Şişli", "شيشلي", "Şişli"),
        new("tuzla", "Tuzla", "توزلا", "Tuzla"),
        new("umraniye", "Ümraniye", "عمرانية", "Ümraniye"),
        new("uskudar", "Üsküdar", "أسكودار", "Üsküdar"),
        new("zeytinburnu", "Zeytinburnu", "زيتون بورنو", "Zeytinburnu"),
    ];

    public static readonly IReadOnlySet<string> Codes = All.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

    public static District? Find(string? code) => All.FirstOrDefault(d => d.Code == code);
}
