using Platform.Meetings.Scheduling;
using Platform.Meetings.ServiceOffers;

namespace Platform.Meetings.Apis;

/// <summary>
/// Development only: the two meetings of the seed texts (Ümraniye, 16 December 2020; Gaziosmanpaşa,
/// 7 January 2021) with their hosts, stakeholders and agendas, a city-wide workshop of the Coordination
/// Platform with the three desks, and the service offers the texts describe
/// (<see cref="DemoServiceOffers"/>), loaded through the same code partners use. Loading twice adds
/// nothing. Contacts' addresses are fictitious (example.org).
/// </summary>
public static class DemoDataApi
{
    public sealed record DemoDataResponse(int InstitutionsAdded, int ContactsAdded, int ServiceOffersAdded, IReadOnlyList<Guid> MeetingIds);

    public static IEndpointRouteBuilder MapDemoDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/meetings/demo-data", LoadAsync).RequireAuthorization(PartnerScopes.MeetingsWrite)
            .WithTags("Meetings").WithName("LoadDemoData").WithSummary("Development only: load the seed texts' meetings")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private sealed record DemoInstitution(string Name, string Kind, string? District, (string Name, string Email, string Language, string Role)[] Contacts);

    private static readonly DemoInstitution[] Institutions =
    [
        new("Ümraniye Kaymakamlığı", "district-governorship", "umraniye", [("Ümraniye Kaymakamlığı Sekreterya", "sekreterya@umraniye-kaymakamlik.example.org", "tr", "Secretariat")]),
        new("Ümraniye Belediyesi", "municipality", "umraniye", [("Mesut Özdemir", "mesut.ozdemir@umraniye-belediye.example.org", "tr", "Deputy Mayor")]),
        new("Gaziosmanpaşa Kaymakamlığı", "district-governorship", "gaziosmanpasa", [("Numan Hatipoğlu", "numan.hatipoglu@gaziosmanpasa-kaymakamlik.example.org", "tr", "District Governor")]),
        new("Gaziosmanpaşa Belediyesi", "municipality", "gaziosmanpasa", [("Gaziosmanpaşa Belediyesi Sosyal Destek", "sosyal.destek@gaziosmanpasa-belediye.example.org", "tr", "Social support")]),
        new("Birleşmiş Milletler Mülteci Örgütü (UNHCR)", "un-agency", null, [("Selçuk Şatana", "selcuk.satana@unhcr.example.org", "en", "UNHCR representative")]),
        new("Dünya Yerel Yönetim ve Demokrasi Akademisi Vakfı (WALD)", "foundation", null,
            [("Mehmet Duman", "mehmet.duman@wald.example.org", "tr", "Chair of the Board"), ("Hülya Alper", "hulya.alper@wald.example.org", "tr", "Academy Director")]),
        new("İstanbul İl Göç İdaresi Müdürlüğü", "migration-directorate", null, [("İl Göç İdaresi Temsilcisi", "temsilci@istanbul-goc.example.org", "tr", "Representative")]),
        new("جمعية التضامن مع اللاجئين", "ngo", "gaziosmanpasa", [("سارة الحلبي", "sara.halabi@tadamun.example.org", "ar", "منسقة الحالات")]),
        // The Social Protection Desks (UNHCR and WALD with the municipalities) and Küçükçekmece of the texts.
        new(DemoServiceOffers.UmraniyeDesk, "public-institution", "umraniye", [("Vaka Yönetimi Ekibi", "vaka@umraniye-skm.example.org", "tr", "Case management")]),
        new(DemoServiceOffers.GaziosmanpasaDesk, "public-institution", "gaziosmanpasa", [("ليلى حداد", "leyla.haddad@gaziosmanpasa-skm.example.org", "ar", "أخصائية اجتماعية")]),
        new(DemoServiceOffers.KucukcekmeceDesk, "public-institution", "kucukcekmece", [("Sosyal Koruma Masası Ekibi", "masa@kucukcekmece-skm.example.org", "tr", "Social workers")]),
        new(DemoServiceOffers.KucukcekmeceMunicipality, "municipality", "kucukcekmece", [("Strateji Geliştirme Müdürlüğü", "strateji@kucukcekmece-belediye.example.org", "tr", "Projects")]),
    ];

    public static async Task<Results<Ok<DemoDataResponse>, ProblemHttpResult>> LoadAsync(
        ClaimsPrincipal user, MeetingsDbContext db, MeetingScheduling scheduling, StakeholderDirectory directory, ServiceOfferCatalogue catalogue, CancellationToken cancellationToken)
    {
        var partner = Partner.From(user);
        if (!partner.ActsInAllDistricts) return DistrictProblems.NotGranted(partner, null);
        var (institutionsAdded, contactsAdded) = (0, 0);
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var demo in Institutions)
        {
            var institution = await db.Institutions.Include(i => i.Contacts).OrderBy(i => i.RegisteredAt).FirstOrDefaultAsync(i => i.Name == demo.Name, cancellationToken);
            if (institution is null)
            {
                institution = directory.Register(demo.Name, demo.Kind, demo.District);
                institutionsAdded++;
            }
            foreach (var (name, email, language, role) in demo.Contacts.Where(c => institution.Contacts.All(existing => existing.Email != c.Email)))
            {
                directory.AddContact(institution.Id, name, email, language, role);
                contactsAdded++;
            }
            ids[demo.Name] = institution.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        var offersAdded = await AddOffersAsync(db, catalogue, ids, cancellationToken);

        var contactsOf = await db.Contacts.AsNoTracking().Where(c => ids.Values.Contains(c.InstitutionId)).ToListAsync(cancellationToken);
        List<Guid> Invitees(params string[] institutions) => contactsOf.Where(c => institutions.Select(n => ids[n]).Contains(c.InstitutionId)).Select(c => c.Id).ToList();
        const string Unhcr = "Birleşmiş Milletler Mülteci Örgütü (UNHCR)", Wald = "Dünya Yerel Yönetim ve Demokrasi Akademisi Vakfı (WALD)", Goc = "İstanbul İl Göç İdaresi Müdürlüğü";

        var meetings = new List<ScheduleMeetingRequest>
        {
            new("Ümraniye İlçe Koordinasyon Toplantısı", "district-coordination", "umraniye", ids["Ümraniye Belediyesi"],
                "2020-12-16T10:00:00+03:00", "2020-12-16T12:30:00+03:00", "Ümraniye Belediyesi", "https://meet.example.org/umraniye-2020-12-16",
                [
                    new("covid19-response", "Türkiye'de COVID-19 Sürecinde Yapılan Çalışmalar ve Yeni Normalleşme Süreci", null),
                    new("legal-aid", "Mültecilere Sağlanan Hukuki Destek", ids[Wald]),
                    new("psychosocial-support", "Psikososyal Danışmanlık", ids[Wald]),
                    new("education-access", "Mültecilerin Eğitim Süreçlerine Katılımı", null),
                    new("social-cohesion-mentoring", "Sosyal Uyum ve Mentorlük Çalışmaları", null),
                    new("livelihoods", "Geçim Kaynaklarına Erişim", null),
                    new("womens-entrepreneurship", "Kadın Girişimciliğinin Desteklenmesi", ids[Wald]),
                ],
                Invitees("Ümraniye Kaymakamlığı", "Ümraniye Belediyesi", Unhcr, Wald, Goc)),
            new("Gaziosmanpaşa İlçe Koordinasyon Toplantısı", "district-coordination", "gaziosmanpasa", ids["Gaziosmanpaşa Kaymakamlığı"],
                "2021-01-07T10:00:00+03:00", "2021-01-07T13:00:00+03:00", "Gaziosmanpaşa Kaymakamlığı", null,
                [
                    new("covid19-response", "Türkiye'de COVID-19 Sürecinde Yapılan Çalışmalar ve Yeni Normalleşme Süreci", null),
                    new("legal-aid", "Mültecilere Sağlanan Hukuki Destek ve Sosyal Danışmanlık", null),
                    new("business-licensing", "Geçim Kaynaklarına Erişim, İş Yeri Ruhsatlandırma Çalışmaları", null),
                    new("health-access", "Sağlık Hizmetlerine Erişim", null),
                    new("education-access", "Mültecilerin Eğitim Süreçlerine Katılımı", null),
                    new("social-cohesion-mentoring", "Sosyal Uyum ve Mentörlük Çalışmaları", null),
                    new("womens-entrepreneurship", "Kadın Girişimciliğini Destekleme Projesi (Gaziosmanpaşa ve Sultangazi pilotu)", ids[Wald]),
                ],
                Invitees("Gaziosmanpaşa Kaymakamlığı", "Gaziosmanpaşa Belediyesi", Unhcr, Wald, Goc, "جمعية التضامن مع اللاجئين")),
            // The inter-municipal Coordination Platform: city-wide, the desks and municipalities of three districts around one table.
            new("İstanbul Koordinasyon Platformu Çalıştayı", MeetingKinds.PlatformWorkshop, null, ids[Wald],
                "2021-02-18T10:00:00+03:00", "2021-02-18T13:00:00+03:00", "WALD Akademi, İstanbul", "https://meet.example.org/platform-2021-02-18",
                [
                    new("service-mapping", "Kim, nerede, ne yapıyor: ilçelerin hizmet haritası ve mükerrer hizmetler", null),
                    new("referrals", "Sosyal Koruma Masaları arasında yönlendirme ve geri bildirim", null),
                    new("womens-entrepreneurship", "Kadın girişimciliği programının ilçelere yayılması", ids[Wald]),
                ],
                Invitees(DemoServiceOffers.UmraniyeDesk, DemoServiceOffers.GaziosmanpasaDesk, DemoServiceOffers.KucukcekmeceDesk,
                    DemoServiceOffers.KucukcekmeceMunicipality, "Ümraniye Belediyesi", "Gaziosmanpaşa Belediyesi", Unhcr, Wald, Goc)),
        };
        var meetingIds = new List<Guid>();
        foreach (var request in meetings)
        {
            var starts = DateTimeOffset.Parse(request.StartsAt!).ToUniversalTime();
            var existing = await db.Meetings.AsNoTracking().Where(m => m.Title == request.Title && m.StartsAt == starts).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
            meetingIds.Add(existing ?? (await scheduling.ScheduleAsync(request, cancellationToken)).Meeting!.Id);
        }
        return TypedResults.Ok(new DemoDataResponse(institutionsAdded, contactsAdded, offersAdded, meetingIds));
    }

    /// <summary>Publishes each demo offer its institution does not offer yet (by Turkish name), with its event.</summary>
    private static async Task<int> AddOffersAsync(MeetingsDbContext db, ServiceOfferCatalogue catalogue, Dictionary<string, Guid> ids, CancellationToken cancellationToken)
    {
        var institutions = ids.Values.ToList();
        var existing = (await db.ServiceOffers.AsNoTracking().Where(o => institutions.Contains(o.InstitutionId)).Select(o => new { o.InstitutionId, o.NameTr }).ToListAsync(cancellationToken))
            .Select(o => (o.InstitutionId, o.NameTr)).ToHashSet();
        var added = 0;
        foreach (var demo in DemoServiceOffers.All.Where(d => !existing.Contains((ids[d.Institution], d.NameTr))))
        {
            catalogue.Publish(ids[demo.Institution], new ServiceOfferDraft
            {
                Category = demo.Category, Subjects = demo.Subjects, NameTr = demo.NameTr, NameAr = demo.NameAr, NameEn = demo.NameEn,
                Districts = demo.Districts, Languages = demo.Languages, Channels = demo.Channels, Gender = demo.Gender,
                AgeFrom = demo.AgeFrom, AgeTo = demo.AgeTo, CapacityPerMonth = demo.CapacityPerMonth,
            });
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
