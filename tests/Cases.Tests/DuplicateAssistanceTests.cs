using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>The check that stops the same aid being given twice, by identity number and by name across scripts.</summary>
[Collection(CasesCollection.Name)]
public sealed class DuplicateAssistanceTests(CasesService cases)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Food_support_recorded_a_week_after_another_districts_comes_back_with_a_warning_naming_where_and_when_not_who()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var gaziosmanpasa = cases.Desk("gaziosmanpasa-desk", "gaziosmanpasa");
        var umraniyeMunicipality = await cases.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var gopMunicipality = await cases.InstitutionAsync("Gaziosmanpaşa Belediyesi", "gaziosmanpasa");
        var number = CasesService.NewForeignerId();

        var first = await umraniye.RegisterAsync(Casework.Person("Aisha Darwish", number, "1988-08-08", "umraniye", "service-delivery"));
        (await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(first, "umraniye"), "food-support", umraniyeMunicipality, Today.AddDays(-7), 1500m)).CreatedAsync())
            .GetProperty("warnings").EnumerateArray().ToList().ForEach(_ => Assert.Fail("the first service has nothing to warn about"));

        var second = await gaziosmanpasa.RegisterAsync(Casework.Person("Ayşe Derviş", number, "1988-08-08", "gaziosmanpasa", "service-delivery"));
        var @case = await gaziosmanpasa.OpenCaseAsync(second, "gaziosmanpasa");
        var response = await gaziosmanpasa.RecordServiceAsync(@case, "food-support", gopMunicipality, Today, 1500m);
        var body = await response.Content.ReadAsStringAsync();
        var recorded = await response.CreatedAsync();

        var warning = Assert.Single(recorded.GetProperty("warnings").EnumerateArray());
        Assert.Equal("food-support", warning.GetProperty("category").GetString());
        Assert.Equal("umraniye", warning.GetProperty("district").GetString());
        Assert.Equal(Today.AddDays(-7).ToString("yyyy-MM-dd"), warning.GetProperty("deliveredOn").GetString());
        Assert.StartsWith("Ümraniye Belediyesi", warning.GetProperty("institutionName").GetString());
        Assert.Equal("identifier", warning.GetProperty("matchedBy").GetString());
        foreach (var personal in new[] { "Aisha", "Darwish", "Ayşe", number, first.ToString() }) Assert.DoesNotContain(personal, body);

        // Other categories, and the same category outside the window, are not duplicates.
        Assert.Empty((await (await gaziosmanpasa.RecordServiceAsync(@case, "health", gopMunicipality, Today)).CreatedAsync()).GetProperty("warnings").EnumerateArray());
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var lastThreeDays = await fatih.PostAsJsonAsync("/api/v1/duplicate-checks", new { foreignerIdNumber = number, category = "food-support", windowDays = 3 });
        var recent = Assert.Single((await lastThreeDays.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray());
        Assert.Equal("gaziosmanpasa", recent.GetProperty("district").GetString());
    }

    [Fact]
    public async Task In_strict_mode_a_duplicate_answers_409_with_the_matches_and_records_nothing()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var gaziosmanpasa = cases.Desk("gaziosmanpasa-desk", "gaziosmanpasa");
        var ngo = await cases.InstitutionAsync("Mülteciler Derneği", null);
        var number = CasesService.NewForeignerId();
        var first = await umraniye.RegisterAsync(Casework.Person("Khalid Saleh", number, "1970-01-01", "umraniye", "service-delivery"));
        await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(first, "umraniye"), "cash-assistance", ngo, Today.AddDays(-2), 3000m)).CreatedAsync();
        var second = await gaziosmanpasa.RegisterAsync(Casework.Person("Halit Salih", number, "1970-01-01", "gaziosmanpasa", "service-delivery"));
        var @case = await gaziosmanpasa.OpenCaseAsync(second, "gaziosmanpasa", "cash-assistance");

        var refused = await gaziosmanpasa.RecordServiceAsync(@case, "cash-assistance", ngo, Today, 3000m, strict: true);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("umraniye", Assert.Single(problem.GetProperty("matches").EnumerateArray()).GetProperty("district").GetString());
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM services_delivered WHERE case_id = $1", @case));
        Assert.True(await cases.ScalarAsync<bool>("SELECT prevented FROM duplicate_flags WHERE district = 'gaziosmanpasa' AND category = 'cash-assistance' ORDER BY checked_at DESC LIMIT 1"));
    }

    [Fact]
    public async Task Without_identity_numbers_the_same_name_in_Arabic_and_Turkish_with_the_same_birth_date_is_a_match()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var gaziosmanpasa = cases.Desk("gaziosmanpasa-desk", "gaziosmanpasa");
        var provider = await cases.InstitutionAsync("Kızılay Ümraniye", "umraniye");
        var born = $"19{Random.Shared.Next(50, 99)}-0{Random.Shared.Next(1, 9)}-1{Random.Shared.Next(0, 9)}";
        var first = await umraniye.RegisterAsync(Casework.Person("محمد الحلبي", null, born, "umraniye", "service-delivery"));
        await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(first, "umraniye", "shelter-household-items"), "shelter-household-items", provider, Today.AddDays(-10))).CreatedAsync();

        var byName = await gaziosmanpasa.PostAsJsonAsync("/api/v1/duplicate-checks", new { fullName = "Mehmet Halebi", dateOfBirth = born, category = "shelter-household-items" });
        var match = Assert.Single((await byName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray());
        Assert.Equal("name", match.GetProperty("matchedBy").GetString());
        Assert.Equal("umraniye", match.GetProperty("district").GetString());

        var otherBirthday = await gaziosmanpasa.PostAsJsonAsync("/api/v1/duplicate-checks", new { fullName = "Mehmet Halebi", dateOfBirth = "1949-12-31", category = "shelter-household-items" });
        Assert.Empty((await otherBirthday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray());
        var otherName = await gaziosmanpasa.PostAsJsonAsync("/api/v1/duplicate-checks", new { fullName = "Mahmut Kaya", dateOfBirth = born, category = "shelter-household-items" });
        Assert.Empty((await otherName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray());

        // The check read someone's data to match it: the person's audit log says who.
        var audit = await umraniye.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={first}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "match" && e.GetProperty("partner").GetString() == "gaziosmanpasa-desk");
    }

    [Fact]
    public async Task A_check_without_an_identity_number_or_a_name_and_birth_date_is_a_field_error()
    {
        using var desk = cases.Desk("gaziosmanpasa-desk", "gaziosmanpasa");
        var response = await desk.PostAsJsonAsync("/api/v1/duplicate-checks", new { fullName = "Ali", category = "food-support" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var invalid = await desk.PostAsJsonAsync("/api/v1/duplicate-checks", new { foreignerIdNumber = "99999999999", category = "bread" });
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("foreignerIdNumber", out _));
        Assert.True(errors.TryGetProperty("category", out _));
    }
}
