namespace Platform.Meetings.Apis;

/// <summary>
/// The service offers the seed texts describe: what the Social Protection Desks give (health, education,
/// identification, food, cash, family-law legal aid, psychosocial support, interpreters), what Küçükçekmece
/// Municipality runs (language, literacy and computer courses, psychological rehabilitation, legal aid,
/// shelter and in-kind aid, entrepreneurship training, free workplace licensing), and the women's
/// entrepreneurship programme in Gaziosmanpaşa and Sultangazi.
/// </summary>
public static class DemoServiceOffers
{
    public sealed record DemoOffer(string Institution, string Category, string[] Subjects, string NameTr, string NameAr, string NameEn,
        string[] Districts, string[] Languages, string[] Channels, string Gender = "any", int? AgeFrom = null, int? AgeTo = null, int? CapacityPerMonth = null);

    public const string UmraniyeDesk = "Ümraniye Sosyal Koruma Masası";
    public const string GaziosmanpasaDesk = "Gaziosmanpaşa Sosyal Koruma Masası";
    public const string KucukcekmeceDesk = "Küçükçekmece Sosyal Koruma Masası (Zahide Nine Semt Konağı)";
    public const string KucukcekmeceMunicipality = "Küçükçekmece Belediyesi";
    public const string Wald = "Dünya Yerel Yönetim ve Demokrasi Akademisi Vakfı (WALD)";

    private static readonly string[] DeskLanguages = ["tr", "ar", "en"];
    private static readonly string[] InPerson = ["in-person"];
    private static readonly string[] InPersonOrPhone = ["in-person", "phone"];

    /// <summary>Each desk's offers, in its own district.</summary>
    private static IEnumerable<DemoOffer> DeskOffers(string desk, string district) =>
    [
        new(desk, "health", [], "Sağlık hizmetlerine erişim ve yönlendirme", "الوصول إلى الخدمات الصحية والإحالة", "Access to health services and referral", [district], DeskLanguages, InPersonOrPhone),
        new(desk, "education", [], "Okul kaydı ve eğitime erişim desteği", "دعم التسجيل المدرسي والوصول إلى التعليم", "School enrolment and access to education", [district], DeskLanguages, InPerson),
        new(desk, "identification-registration", [], "Kimlik, kayıt ve adres güncelleme desteği", "دعم الهوية والتسجيل وتحديث العنوان", "Identity, registration and address update support", [district], DeskLanguages, InPerson),
        new(desk, "food-support", [], "Gıda yardımı", "مساعدات غذائية", "Food support", [district], DeskLanguages, InPerson, CapacityPerMonth: 120),
        new(desk, "cash-assistance", [], "Nakdi yardım", "مساعدة نقدية", "Cash assistance", [district], DeskLanguages, InPerson, CapacityPerMonth: 60),
        new(desk, "legal-aid", ["family-law"], "Aile hukuku danışmanlığı (avukat)", "استشارات قانون الأسرة (محامٍ)", "Family-law counselling (lawyer)", [district], DeskLanguages, InPersonOrPhone, CapacityPerMonth: 40),
        new(desk, "psychosocial-support", [], "Psikososyal destek ve danışmanlık", "الدعم النفسي الاجتماعي والإرشاد", "Psychosocial support and counselling", [district], DeskLanguages, InPersonOrPhone),
        new(desk, "interpretation", [], "Tercümanlık (Arapça, İngilizce)", "ترجمة فورية (العربية، الإنجليزية)", "Interpreting (Arabic, English)", [district], DeskLanguages, ["in-person", "phone", "online"]),
    ];

    public static IReadOnlyList<DemoOffer> All { get; } =
    [
        .. DeskOffers(UmraniyeDesk, "umraniye"),
        .. DeskOffers(GaziosmanpasaDesk, "gaziosmanpasa"),
        .. DeskOffers(KucukcekmeceDesk, "kucukcekmece"),
        new(KucukcekmeceMunicipality, "language-training", [], "Türkçe dil kursu", "دورة اللغة التركية", "Turkish language course", ["kucukcekmece"], ["tr", "ar"], InPerson, AgeFrom: 16),
        new(KucukcekmeceMunicipality, "literacy-course", [], "Okuma yazma kursu", "دورة محو الأمية", "Literacy course", ["kucukcekmece"], ["tr", "ar"], InPerson, AgeFrom: 16),
        new(KucukcekmeceMunicipality, "computer-course", [], "Bilgisayar kullanım kursu", "دورة استخدام الحاسوب", "Computer skills course", ["kucukcekmece"], ["tr", "ar"], InPerson, AgeFrom: 14),
        new(KucukcekmeceMunicipality, "psychosocial-support", [], "Psikolojik rehabilitasyon ve travma sonrası uyum (çocuklar)", "إعادة التأهيل النفسي والتكيف بعد الصدمة (الأطفال)", "Psychological rehabilitation and post-war trauma work (children)", ["kucukcekmece"], ["tr", "ar"], InPerson, AgeTo: 17),
        new(KucukcekmeceMunicipality, "legal-aid", ["residence-and-status", "family-law"], "Hukuki destek", "دعم قانوني", "Legal support", ["kucukcekmece"], ["tr", "ar"], InPersonOrPhone),
        new(KucukcekmeceMunicipality, "shelter-household-items", [], "Barınma ve eşya yardımı", "دعم المأوى والمواد المنزلية", "Shelter and household items", ["kucukcekmece"], ["tr", "ar"], ["in-person", "home-visit"], CapacityPerMonth: 30),
        new(KucukcekmeceMunicipality, "livelihoods", [], "Girişimcilik eğitimi", "تدريب على ريادة الأعمال", "Entrepreneurship training", ["kucukcekmece"], ["tr", "ar"], InPerson, AgeFrom: 18),
        new(KucukcekmeceMunicipality, "workplace-licensing-support", [], "Bedelsiz iş yeri ruhsatlandırma desteği", "دعم مجاني لترخيص أماكن العمل", "Free workplace licensing support", ["kucukcekmece"], ["tr", "ar"], InPerson, AgeFrom: 18),
        new(KucukcekmeceMunicipality, "awareness-seminar", [], "Çocuk ve anne gelişimi farkındalık seminerleri", "ندوات توعية حول نمو الطفل والأم", "Awareness seminars on child and mother development", ["kucukcekmece"], ["tr", "ar"], InPerson, Gender: "women"),
        new(Wald, "livelihoods", [], "Kadın Girişimciliğini Destekleme Projesi", "مشروع دعم ريادة الأعمال النسائية", "Women's Entrepreneurship Support Project", ["gaziosmanpasa", "sultangazi"], ["tr", "ar"], InPerson, Gender: "women", AgeFrom: 18, CapacityPerMonth: 25),
    ];
}
