using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Cases.Tests;

/// <summary>Citizens' T.C. numbers, foreigner numbers, passports and UNHCR case numbers: checked, sealed, matched by keyed hash only.</summary>
[Collection(CasesCollection.Name)]
public sealed class IdentityNumberTests(CasesService cases)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A person of the host community (or anyone) registered with the identifiers given.</summary>
    internal static object Person(string fullName, string dateOfBirth, string district, string? nationalId = null, string? foreignerId = null, object? document = null) => new
    {
        fullName, nationalIdNumber = nationalId, foreignerIdNumber = foreignerId, document, dateOfBirth, sex = "female", nationality = nationalId is null ? "SY" : "TR",
        legalStatus = nationalId is null ? "temporary-protection" : "citizen", phone = "+90 555 987 65 43", district,
        consents = new[] { new { purpose = "service-delivery", givenAt = Casework.ConsentGiven } },
    };

    [Theory]
    [InlineData("12345678951", "checksum")]   // tenth digit right, eleventh wrong
    [InlineData("12345678960", "checksum")]   // tenth digit wrong
    [InlineData("02345678950", "does not start with 0")]
    [InlineData("1234567895", "11 digits")]
    [InlineData("1234567895a", "11 digits")]
    public async Task A_national_id_number_that_fails_its_rules_is_a_field_error_saying_which_rule(string number, string says)
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var response = await desk.PostAsJsonAsync("/api/v1/beneficiaries", Person("Elif Yılmaz", "1975-03-01", "umraniye", nationalId: number));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains(says, problem.GetProperty("errors").GetProperty("nationalIdNumber")[0].GetString());
    }

    [Fact]
    public async Task A_foreigner_number_sent_as_a_national_id_number_is_told_where_it_belongs_and_bad_documents_are_field_errors()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var foreigner = await desk.PostAsJsonAsync("/api/v1/beneficiaries", Person("Elif Yılmaz", "1975-03-01", "umraniye", nationalId: ForeignerIds.New()));
        Assert.Contains("foreignerIdNumber", (await foreigner.AssertProblemAsync(400)).GetProperty("errors").GetProperty("nationalIdNumber")[0].GetString());

        var document = await desk.PostAsJsonAsync("/api/v1/beneficiaries", Person("Elif Yılmaz", "1975-03-01", "umraniye", document: new { kind = "driving-licence", number = "" }));
        var errors = (await document.AssertProblemAsync(400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("document.kind", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("document.number", out _), errors.ToString());
    }

    [Fact]
    public async Task A_citizen_registers_with_a_national_id_number_which_is_sealed_hashed_and_read_back_and_a_second_registration_in_the_district_is_409()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var number = NationalIds.New();
        var passport = $"U{Random.Shared.Next(10_000_000, 99_999_999)}";
        var id = await desk.RegisterAsync(Person("Gülsüm Çelik", "1969-07-07", "umraniye", nationalId: number, document: new { kind = "passport", number = passport }));

        var read = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}");
        Assert.Equal(number, read.GetProperty("nationalIdNumber").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("foreignerIdNumber").ValueKind);
        Assert.Equal("passport", read.GetProperty("document").GetProperty("kind").GetString());
        Assert.Equal(passport, read.GetProperty("document").GetProperty("number").GetString());

        var dump = await cases.ScalarAsync<string>("SELECT string_agg(t, E'\\n') FROM (SELECT b::text AS t FROM beneficiaries b UNION ALL SELECT i::text FROM beneficiary_identifiers i UNION ALL SELECT o::text FROM outbox_messages o) rows");
        Assert.DoesNotContain(number, dump);
        Assert.DoesNotContain(passport, dump);
        Assert.Equal(2L, await cases.ScalarAsync<long>("SELECT count(*) FROM beneficiary_identifiers WHERE beneficiary_id = $1", id));

        // The same passport typed with a space and in lower case is the same passport.
        var again = await desk.PostAsJsonAsync("/api/v1/beneficiaries", Person("Gülsüm Çelik", "1969-07-07", "umraniye", document: new { kind = "passport", number = $"{passport[..3].ToLowerInvariant()} {passport[3..]}" }));
        Assert.Contains("already registered", (await again.AssertProblemAsync(409)).GetProperty("detail").GetString());
        var sameNumber = await desk.PostAsJsonAsync("/api/v1/beneficiaries", Person("Gülsüm Çelik", "1969-07-07", "umraniye", nationalId: number));
        await sameNumber.AssertProblemAsync(409);
    }

    [Theory]
    [InlineData("national")]
    [InlineData("foreigner")]
    [InlineData("passport")]
    [InlineData("unhcr-case")]
    public async Task The_duplicate_check_finds_aid_given_elsewhere_by_every_kind_of_identifier(string kind)
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var provider = await cases.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var value = kind switch
        {
            "national" => NationalIds.New(), "foreigner" => ForeignerIds.New(), "passport" => $"N{Random.Shared.Next(10_000_000, 99_999_999)}",
            _ => $"375-{Random.Shared.Next(10, 99)}C{Random.Shared.Next(10_000, 99_999)}",
        };
        object? document = kind is "passport" or "unhcr-case" ? new { kind, number = value } : null;
        var person = await umraniye.RegisterAsync(Person("Rania Saad", "1983-12-12", "umraniye",
            nationalId: kind == "national" ? value : null, foreignerId: kind == "foreigner" ? value : null, document: document));
        await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(person, "umraniye", "health"), "health", provider, Today.AddDays(-3))).CreatedAsync();

        var response = await fatih.PostAsJsonAsync("/api/v1/duplicate-checks", new
        {
            nationalIdNumber = kind == "national" ? value : null, foreignerIdNumber = kind == "foreigner" ? value : null, document, category = "health",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal("identifier", match.GetProperty("matchedBy").GetString());
        Assert.Equal("umraniye", match.GetProperty("district").GetString());
        foreach (var personal in new[] { value, "Rania", person.ToString() }) Assert.DoesNotContain(personal, body);
    }

    [Fact]
    public async Task Two_different_national_id_numbers_are_two_people_however_alike_their_names()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var provider = await cases.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var born = $"19{Random.Shared.Next(40, 99)}-0{Random.Shared.Next(1, 9)}-2{Random.Shared.Next(0, 8)}";
        var person = await umraniye.RegisterAsync(Person("Hatice Kaya", born, "umraniye", nationalId: NationalIds.New()));
        await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(person, "umraniye", "education"), "education", provider, Today.AddDays(-3))).CreatedAsync();

        var other = await fatih.PostAsJsonAsync("/api/v1/duplicate-checks", new { nationalIdNumber = NationalIds.New(), fullName = "Hatice Kaya", dateOfBirth = born, category = "education" });
        var same = await fatih.PostAsJsonAsync("/api/v1/duplicate-checks", new { fullName = "Hatice Kaya", dateOfBirth = born, category = "education" });

        Assert.Empty((await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray());
        Assert.Equal("name", Assert.Single((await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray()).GetProperty("matchedBy").GetString());
    }

    [Fact]
    public async Task A_duplicate_check_with_a_bad_national_id_number_is_a_field_error()
    {
        using var desk = cases.Desk("fatih-desk", "fatih");
        var response = await desk.PostAsJsonAsync("/api/v1/duplicate-checks", new { nationalIdNumber = "12345678951", category = "health" });
        Assert.Contains("checksum", (await response.AssertProblemAsync(400)).GetProperty("errors").GetProperty("nationalIdNumber")[0].GetString());
    }
}
