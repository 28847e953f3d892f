using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;
using static Platform.Meetings.Tests.ServiceOfferRequests;

namespace Platform.Meetings.Tests;

/// <summary>Publishing, reading, changing and withdrawing an institution's service offers, with their events.</summary>
[Collection(MeetingsCollection.Name)]
public sealed class ServiceOfferTests(MeetingsService service)
{
    [Fact]
    public async Task Publishing_an_offer_answers_201_with_location_and_etag_and_writes_one_ServiceOfferPublished()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Sağlık Müdürlüğü", "umraniye", "public-institution");
        var body = Offer("Göçmen Sağlığı Merkezi").With("""
            {"eligibility": {"legalStatuses": ["temporary-protection", "international-protection"], "ageFrom": 0, "ageTo": 120, "notes": "Randevu ile"}}
            """);

        var response = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", body);
        var offer = await response.CreatedAsync();
        var id = offer.GetProperty("id").GetGuid();
        var read = await partner.GetAsync(response.Headers.Location);

        Assert.Equal($"/api/v1/service-offers/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", ETagOf(response));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", ETagOf(read));
        var fromRead = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Göçmen Sağlığı Merkezi", fromRead.GetProperty("name").GetProperty("tr").GetString());
        Assert.Equal("active", fromRead.GetProperty("status").GetString());
        Assert.Equal("+902165550101", fromRead.GetProperty("phone").GetString());   // spaces dropped: one E.164 form
        Assert.Equal("any", fromRead.GetProperty("eligibility").GetProperty("gender").GetString());
        Assert.Equal(["temporary-protection", "international-protection"], fromRead.GetProperty("eligibility").GetProperty("legalStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.EndsWith("+03:00", fromRead.GetProperty("publishedAt").GetString());
        var (type, published) = Assert.Single(await service.EventsOfAsync(id));
        Assert.Equal("ServiceOfferPublished", type);
        Assert.Equal(institution, published.GetProperty("institutionId").GetGuid());
        Assert.Equal(1, published.GetProperty("version").GetInt32());
        Assert.Equal("health", published.GetProperty("terms").GetProperty("category").GetString());
        Assert.Equal(["umraniye"], published.GetProperty("terms").GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(40, published.GetProperty("terms").GetProperty("capacityPerMonth").GetInt32());
    }

    [Fact]
    public async Task A_change_with_the_current_etag_merges_the_fields_named_and_a_stale_etag_gets_412()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var id = await partner.PublishOfferIdAsync(institution, Offer("Türkçe Kursu", "language-training"));

        var changed = await partner.PatchOfferAsync(id, """{"name": {"en": "Turkish classes"}, "capacityPerMonth": 25, "phone": null, "eligibility": {"gender": "women"}}""", "\"1\"");
        var stale = await partner.PatchOfferAsync(id, """{"capacityPerMonth": 99}""", "\"1\"");
        var malformed = await partner.PatchOfferAsync(id, """{"capacityPerMonth": 99}""", "yesterday");
        var unconditional = await partner.PatchOfferAsync(id, """{"hours": "Cumartesi 10:00-13:00"}""");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", ETagOf(changed));
        var offer = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Türkçe Kursu", offer.GetProperty("name").GetProperty("tr").GetString());   // not named, kept
        Assert.Equal("خدمة Türkçe Kursu", offer.GetProperty("name").GetProperty("ar").GetString());
        Assert.Equal("Turkish classes", offer.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal(25, offer.GetProperty("capacityPerMonth").GetInt32());
        Assert.Equal(JsonValueKind.Null, offer.GetProperty("phone").ValueKind);   // named as null: cleared
        Assert.Equal("women", offer.GetProperty("eligibility").GetProperty("gender").GetString());
        Assert.Equal("Hafta içi 09:00-17:00", offer.GetProperty("hours").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unconditional.StatusCode);   // without If-Match a change applies, as everywhere in this service
        Assert.Equal("\"3\"", ETagOf(unconditional));
        var events = await service.EventsOfAsync(id);
        Assert.Equal(["ServiceOfferPublished", "ServiceOfferChanged", "ServiceOfferChanged"], events.Select(e => e.Type));
        Assert.Equal([1, 2, 3], events.Select(e => e.Body.GetProperty("version").GetInt32()));
        Assert.Equal("women", events[1].Body.GetProperty("terms").GetProperty("gender").GetString());
    }

    [Fact]
    public async Task A_patch_that_changes_nothing_makes_no_new_version_and_no_event()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var id = await partner.PublishOfferIdAsync(institution, Offer("Gıda Yardımı", "food-support"));

        var empty = await partner.PatchOfferAsync(id, "{}", "\"1\"");
        var same = await partner.PatchOfferAsync(id, """{"phone": "+902165550101", "languages": ["tr", "ar", "tr"], "name": {"tr": "  Gıda Yardımı "}}""", "\"1\"");

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal("\"1\"", ETagOf(same));
        Assert.Equal(["ServiceOfferPublished"], (await service.EventsOfAsync(id)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_patch_is_validated_as_the_offer_it_would_make()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var id = await partner.PublishOfferIdAsync(institution, Offer("Hukuki Danışmanlık", "legal-aid").With("""{"subjects": ["family-law"], "eligibility": {"ageFrom": 18}}"""));

        async Task<string[]> Refused(string patch)
        {
            var response = await partner.PatchOfferAsync(id, patch);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.ProblemAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        }

        Assert.Equal(["name.tr"], await Refused("""{"name": {"tr": null}}"""));
        Assert.Equal(["name.tr"], await Refused("""{"name": null}"""));
        Assert.Equal(["districts"], await Refused("""{"districts": []}"""));
        Assert.Equal(["subjects"], await Refused("""{"category": "health"}"""));   // the legal-aid subjects no longer fit
        Assert.Equal(["eligibility.ageTo"], await Refused("""{"eligibility": {"ageTo": 17}}"""));   // below the ageFrom kept
        Assert.Equal(["ServiceOfferPublished"], (await service.EventsOfAsync(id)).Select(e => e.Type));

        var cleared = await partner.PatchOfferAsync(id, """{"eligibility": null, "subjects": null}""");
        var offer = await cleared.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, offer.GetProperty("eligibility").GetProperty("ageFrom").ValueKind);
        Assert.Equal(0, offer.GetProperty("subjects").GetArrayLength());
    }

    [Fact]
    public async Task Withdrawing_takes_the_offer_out_once_a_second_withdrawal_gets_409_and_it_changes_no_more()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var id = await partner.PublishOfferIdAsync(institution, Offer("Psikososyal Destek", "psychosocial-support"));

        var stale = await partner.WithdrawOfferAsync(id, "\"7\"");
        var withdrawn = await partner.WithdrawOfferAsync(id, "\"1\"");
        var again = await partner.WithdrawOfferAsync(id);
        var change = await partner.PatchOfferAsync(id, """{"capacityPerMonth": 5}""");
        var list = await partner.GetFromJsonAsync<JsonElement[]>($"/api/v1/institutions/{institution}/service-offers");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("\"2\"", ETagOf(withdrawn));
        var offer = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("withdrawn", offer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, offer.GetProperty("withdrawnAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
        Assert.Equal("withdrawn", Assert.Single(list!).GetProperty("status").GetString());   // the institution's list keeps it
        var events = await service.EventsOfAsync(id);
        Assert.Equal(["ServiceOfferPublished", "ServiceOfferWithdrawn"], events.Select(e => e.Type));
        Assert.Equal(2, events[1].Body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_institutions_list_holds_its_active_and_withdrawn_offers_and_unknown_ids_get_404()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var first = await partner.PublishOfferIdAsync(institution, Offer("Bilgisayar Kursu", "computer-course"));
        var second = await partner.PublishOfferIdAsync(institution, Offer("Okuma Yazma Kursu", "literacy-course"));
        (await partner.WithdrawOfferAsync(first)).EnsureSuccessStatusCode();

        var list = await partner.GetFromJsonAsync<JsonElement[]>($"/api/v1/institutions/{institution}/service-offers") ?? [];

        Assert.Equal([first, second], list.Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(["withdrawn", "active"], list.Select(o => o.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/institutions/{Guid.NewGuid()}/service-offers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsJsonAsync($"/api/v1/institutions/{Guid.NewGuid()}/service-offers", Offer("X"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/service-offers/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PatchOfferAsync(Guid.NewGuid(), "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.WithdrawOfferAsync(Guid.NewGuid())).StatusCode);
    }

    private static string Field(string name, string value) => new JsonObject { [name] = value }.ToJsonString();
    private static string Nested(string name, string inner, string value) => new JsonObject { [name] = new JsonObject { [inner] = value } }.ToJsonString();

    public static TheoryData<string, string> InvalidOffers => new()
    {
        { """{"category": null}""", "category" },
        { """{"category": "banking"}""", "category" },
        { """{"subjects": ["family-law"]}""", "subjects" },   // health has no subjects
        { """{"category": "legal-aid", "subjects": ["tax-law"]}""", "subjects" },
        { """{"category": "legal-aid", "subjects": [null]}""", "subjects" },
        { """{"name": null}""", "name.tr" },
        { """{"name": {"tr": "   "}}""", "name.tr" },
        { Nested("name", "tr", new string('a', 201)), "name.tr" },
        { Nested("name", "ar", new string('ب', 201)), "name.ar" },
        { Nested("name", "en", new string('e', 201)), "name.en" },
        { """{"districts": null}""", "districts" },
        { """{"districts": []}""", "districts" },
        { """{"districts": ["ankara"]}""", "districts" },
        { """{"districts": ["*", "umraniye"]}""", "districts" },
        { """{"languages": []}""", "languages" },
        { """{"languages": ["tr", "ckb"]}""", "languages" },
        { """{"languages": ["TR"]}""", "languages" },
        { """{"channels": null}""", "channels" },
        { """{"channels": ["email"]}""", "channels" },
        { """{"eligibility": {"legalStatuses": ["refugee"]}}""", "eligibility.legalStatuses" },
        { """{"eligibility": {"ageFrom": -1}}""", "eligibility.ageFrom" },
        { """{"eligibility": {"ageTo": 121}}""", "eligibility.ageTo" },
        { """{"eligibility": {"ageFrom": 30, "ageTo": 20}}""", "eligibility.ageTo" },
        { """{"eligibility": {"gender": "female"}}""", "eligibility.gender" },
        { Nested("eligibility", "notes", new string('n', 1001)), "eligibility.notes" },
        { """{"capacityPerMonth": 0}""", "capacityPerMonth" },
        { """{"phone": "0216 555 01 01"}""", "phone" },
        { """{"phone": "+90"}""", "phone" },
        { """{"phone": "+90-216-555-0101"}""", "phone" },
        { """{"phone": "+٩٠٢١٦٥٥٥٠١٠١"}""", "phone" },   // Arabic-Indic digits are not E.164
        { Field("address", new string('a', 301)), "address" },
        { Field("hours", new string('h', 201)), "hours" },
    };

    [Theory]
    [MemberData(nameof(InvalidOffers))]
    public async Task An_invalid_field_is_a_400_problem_that_names_it_and_publishes_nothing(string change, string field)
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");

        var response = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", Offer("Geçersiz Teklif").With(change));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal(["InstitutionRegistered"], (await service.EventsOfAsync(institution)).Select(e => e.Type));
        Assert.Empty(await partner.GetFromJsonAsync<JsonElement[]>($"/api/v1/institutions/{institution}/service-offers") ?? []);
    }

    [Fact]
    public async Task A_partner_changes_only_offers_of_its_districts_institutions_and_names_only_its_districts()
    {
        using var city = service.Partner();
        using var umraniye = service.Partner("umraniye-desk", "meetings.read meetings.write", "umraniye");
        using var pendik = service.Partner("pendik-desk", "meetings.read meetings.write", "pendik");
        var institution = await umraniye.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var local = await umraniye.PublishOfferIdAsync(institution, Offer("Aşevi", "food-support", "umraniye"));
        var cityWide = await city.PublishOfferIdAsync(institution, Offer("Tercümanlık Hattı", "interpretation", "*"));

        // Umraniye's partner may not put its institution's offers into another district, nor the whole city.
        var elsewhere = await umraniye.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", Offer("Aşevi", "food-support", "pendik"));
        var everywhere = await umraniye.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", Offer("Aşevi", "food-support", "*"));
        var widened = await umraniye.PatchOfferAsync(local, """{"districts": ["umraniye", "pendik"]}""");
        // Pendik's partner changes nothing of Ümraniye's.
        var publish = await pendik.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", Offer("Aşevi", "food-support", "pendik"));
        var patch = await pendik.PatchOfferAsync(cityWide, """{"capacityPerMonth": 1}""");
        var withdraw = await pendik.WithdrawOfferAsync(cityWide);

        foreach (var refused in new[] { elsewhere, everywhere, widened, publish, patch, withdraw })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("https://coordination-platform.example/problems/district-not-granted", (await refused.ProblemAsync()).GetProperty("type").GetString());
        }
        // Pendik sees the offer that serves it (the whole city), not the one for Ümraniye only, nor Ümraniye's list.
        Assert.Equal(HttpStatusCode.OK, (await pendik.GetAsync($"/api/v1/service-offers/{cityWide}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pendik.GetAsync($"/api/v1/service-offers/{local}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pendik.GetAsync($"/api/v1/institutions/{institution}/service-offers")).StatusCode);
        Assert.Equal(2, (await umraniye.GetFromJsonAsync<JsonElement[]>($"/api/v1/institutions/{institution}/service-offers"))!.Length);
        Assert.Equal(HttpStatusCode.OK, (await umraniye.PatchOfferAsync(cityWide, """{"capacityPerMonth": 60}""")).StatusCode);   // its own institution's offer
        Assert.Equal(["ServiceOfferPublished"], (await service.EventsOfAsync(local)).Select(e => e.Type));
    }

    [Fact]
    public async Task A_token_without_the_write_scope_reads_offers_but_does_not_publish()
    {
        using var city = service.Partner();
        using var reader = service.Partner("reader", "meetings.read");
        var institution = await city.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var id = await city.PublishOfferIdAsync(institution, Offer("Aşevi", "food-support"));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/service-offers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/institutions/{institution}/service-offers", Offer("Aşevi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.WithdrawOfferAsync(id)).StatusCode);
    }
}
