using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Meetings.Tests;

[Collection(MeetingsCollection.Name)]
public sealed class DirectoryTests(MeetingsService service)
{
    [Fact]
    public async Task The_catalogues_list_39_districts_and_13_topics_in_three_languages()
    {
        using var partner = service.Partner(scopes: "meetings.read");

        var districts = await partner.GetFromJsonAsync<JsonElement[]>("/api/v1/districts");
        var topics = await partner.GetFromJsonAsync<JsonElement[]>("/api/v1/topics");

        Assert.Equal(39, districts!.Length);
        var umraniye = districts.Single(d => d.GetProperty("code").GetString() == "umraniye");
        Assert.Equal("Ümraniye", umraniye.GetProperty("nameTr").GetString());
        Assert.Equal("عمرانية", umraniye.GetProperty("nameAr").GetString());
        Assert.Equal(13, topics!.Length);
        Assert.Contains(topics, t => t.GetProperty("code").GetString() == "womens-entrepreneurship");
    }

    [Fact]
    public async Task Turkish_and_Arabic_names_round_trip_byte_for_byte()
    {
        using var partner = service.Partner();
        const string turkish = "Gaziosmanpaşa Kaymakamlığı İşçi Sağlığı ĞÜŞİÖÇ ğüşıöç";
        const string arabic = "جمعية التضامن مع اللاجئين";

        var institution = await partner.PostAsJsonAsync("/api/v1/institutions", new { name = turkish, kind = "district-governorship", district = "gaziosmanpasa" });
        var id = (await institution.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await partner.ContactAsync(id, arabic, "ar");
        var raw = await partner.GetByteArrayAsync($"/api/v1/institutions/{id}");
        var read = JsonDocument.Parse(raw).RootElement;

        Assert.Equal(Encoding.UTF8.GetBytes(turkish), Encoding.UTF8.GetBytes(read.GetProperty("name").GetString()!));
        Assert.Equal(Encoding.UTF8.GetBytes(arabic), Encoding.UTF8.GetBytes(read.GetProperty("contacts")[0].GetProperty("fullName").GetString()!));
        Assert.Equal("ar", read.GetProperty("contacts")[0].GetProperty("language").GetString());
    }

    [Fact]
    public async Task Search_folds_dotted_and_dotless_i_the_Turkish_way()
    {
        using var partner = service.Partner();
        var marker = Guid.NewGuid().ToString("N")[..6];
        await partner.PostAsJsonAsync("/api/v1/institutions", new { name = $"İSTANBUL IĞDIRLILAR DERNEĞİ {marker}", kind = "ngo" });

        async Task<int> Found(string q) => (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?q={Uri.EscapeDataString(q + " " + marker)}"))
            .GetProperty("totalItems").GetInt32();

        Assert.Equal(1, await Found("istanbul ığdırlılar derneği"));   // İ→i and I→ı, the Turkish way
        Assert.Equal(1, await Found("İstanbul Iğdırlılar Derneği"));
        Assert.Equal(0, await Found("ıstanbul ığdırlılar derneği"));   // İ folds to i, never to ı
    }

    [Fact]
    public async Task Listing_is_paged_and_filtered_by_district_and_kind()
    {
        using var partner = service.Partner();
        var marker = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
            await partner.PostAsJsonAsync("/api/v1/institutions", new { name = $"Pendik STK {i} {marker}", kind = "ngo", district = "pendik" });

        var first = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?q={marker}&district=pendik&kind=ngo&pageSize=2");
        var second = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?q={marker}&district=pendik&kind=ngo&pageSize=2&page=2");
        var none = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?q={marker}&kind=municipality");

        Assert.Equal(3, first.GetProperty("totalItems").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(0, none.GetProperty("totalItems").GetInt32());
    }

    [Fact]
    public async Task A_contact_is_registered_once_with_its_event_and_bad_contacts_are_refused()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var good = new { fullName = "Ayşe Yılmaz", email = $"ayse.{Guid.NewGuid():N}@umraniye.example.org", language = "tr", role = "Focal point" };

        var created = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts", good);
        var again = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts", good);
        var badEmail = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts", good with { email = "ayse@" });
        var badLanguage = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts", good with { language = "de" });
        var nowhere = await partner.PostAsJsonAsync($"/api/v1/institutions/{Guid.NewGuid()}/contacts", good);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.True((await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        var events = await service.EventsOfAsync(institution);
        Assert.Equal(["InstitutionRegistered", "ContactRegistered"], events.Select(e => e.Type));
    }

    [Fact]
    public async Task A_focal_point_may_have_a_phone_in_E164_form_and_a_malformed_one_is_a_field_error()
    {
        using var partner = service.Partner();
        var institution = await partner.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        object Contact(string? phone) => new { fullName = "Zeynep Demir", email = $"{Guid.NewGuid():N}@umraniye.example.org", language = "tr", phone };

        var created = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts", Contact("+90 216 555 44 33"));
        var without = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts", Contact(null));
        var read = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{institution}");

        Assert.Equal("+902165554433", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, (await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").ValueKind);
        Assert.Contains(read.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("phone").GetString() == "+902165554433");
        foreach (var bad in new[] { "0216 555 44 33", "+90", "+90 (216) 555 44 33", "+9021655544331234", "+٩٠٢١٦٥٥٥٤٤٣٣" })
        {
            var refused = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts", Contact(bad));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["phone"], (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
    }

    [Fact]
    public async Task An_unknown_district_or_kind_is_a_field_error()
    {
        using var partner = service.Partner();

        var response = await partner.PostAsJsonAsync("/api/v1/institutions", new { name = "X", kind = "bank", district = "ankara" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("district", out _));
    }
}
