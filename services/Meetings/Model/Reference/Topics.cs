namespace Platform.Meetings.Model.Reference;

public sealed record Topic(string Code, string NameTr, string NameAr, string NameEn);

/// <summary>The agenda topics of district and city-wide coordination meetings, with stable codes.</summary>
public static class Topics
{
    public static readonly IReadOnlyList<Topic> All =
    [
        new("covid19-response", "COVID-19 sürecinde yapılan çalışmalar", "الاستجابة لجائحة كوفيد-19", "COVID-19 response"),
        new("legal-aid", "Hukuki destek", "المساعدة القانونية", "Legal aid"),
        new("psychosocial-support", "Psikososyal destek ve danışmanlık", "الدعم النفسي والاجتماعي", "Psychosocial support"),
        new("education-access", "Eğitime erişim", "الوصول إلى التعليم", "Access to education"),
        new("social-cohesion-mentoring", "Sosyal uyum ve mentorluk", "التماسك الاجتماعي والإرشاد", "Social cohesion and mentoring"),
        new("livelihoods", "Geçim kaynaklarına erişim", "سبل العيش", "Livelihoods"),
        new("womens-entrepreneurship", "Kadın girişimciliğinin desteklenmesi", "دعم ريادة الأعمال النسائية", "Women's entrepreneurship"),
        new("health-access", "Sağlık hizmetlerine erişim", "الوصول إلى الخدمات الصحية", "Access to health care"),
        new("business-licensing", "İş yeri ruhsatlandırma", "ترخيص أماكن العمل", "Business licensing"),
        new("identification-registration", "Kimliklendirme ve kayıt", "تحديد الهوية والتسجيل", "Identification and registration"),
        // The city-wide platform's own work: who offers what where, and referrals between institutions.
        new("service-mapping", "Hizmet haritası ve mükerrer hizmetler", "خريطة الخدمات وتجنب ازدواجيتها", "Service map and duplicated services"),
        new("referrals", "Kurumlar arası yönlendirme", "الإحالة بين المؤسسات", "Referrals between institutions"),
        new("other", "Diğer", "أخرى", "Other"),
    ];

    public static readonly IReadOnlySet<string> Codes = All.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
}
