using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Cases.Tests;

/// <summary>Up to 1,000 duplicate checks in one request, as JSON or CSV, each answered as the single check answers it.</summary>
[Collection(CasesCollection.Name)]
public sealed class DuplicateCheckBatchTests(CasesService cases)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Two people with aid recorded in Ümraniye: one known by number, one by name and birth date.</summary>
    private async Task<(string Number, string Name, string Born, Guid ByNumber, Guid ByName)> AidGivenAsync()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        var provider = await cases.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var number = CasesService.NewForeignerId();
        var born = $"19{Random.Shared.Next(40, 99)}-0{Random.Shared.Next(1, 9)}-0{Random.Shared.Next(1, 9)}";
        var byNumber = await umraniye.RegisterAsync(Casework.Person("Iman Darwish", number, "1979-01-15", "umraniye", "service-delivery"));
        await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(byNumber, "umraniye", "cash-assistance"), "cash-assistance", provider, Today.AddDays(-6), 2500m)).CreatedAsync();
        var byName = await umraniye.RegisterAsync(Casework.Person("محمود الخطيب", null, born, "umraniye", "service-delivery"));
        await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(byName, "umraniye", "education"), "education", provider, Today.AddDays(-2))).CreatedAsync();
        return (number, "Mahmut Hatip", born, byNumber, byName);
    }

    private static List<JsonElement> Entries(JsonElement answer) => answer.GetProperty("entries").EnumerateArray().ToList();

    [Fact]
    public async Task A_json_batch_answers_each_entry_in_order_with_where_and_when_never_who_and_audits_every_match()
    {
        var (number, name, born, byNumber, byName) = await AidGivenAsync();
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var flagsBefore = await cases.ScalarAsync<long>("SELECT count(*) FROM duplicate_flags WHERE checked_by = 'fatih-desk'");

        var response = await fatih.PostAsJsonAsync("/api/v1/duplicate-checks/batch", new object[]
        {
            new { foreignerIdNumber = number, category = "cash-assistance" },
            new { foreignerIdNumber = ForeignerIds.New(), category = "cash-assistance" },
            new { fullName = name, dateOfBirth = born, category = "education", windowDays = 7 },
            new { foreignerIdNumber = number, category = "health" },
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal(4, answer.GetProperty("checked").GetInt32());
        Assert.Equal(2, answer.GetProperty("duplicates").GetInt32());
        var entries = Entries(answer);
        Assert.Equal([0, 1, 2, 3], entries.Select(e => e.GetProperty("index").GetInt32()));
        Assert.Equal([true, false, true, false], entries.Select(e => e.GetProperty("duplicate").GetBoolean()));
        var cash = Assert.Single(entries[0].GetProperty("matches").EnumerateArray());
        Assert.Equal(("cash-assistance", "umraniye", "identifier", Today.AddDays(-6).ToString("yyyy-MM-dd")),
            (cash.GetProperty("category").GetString(), cash.GetProperty("district").GetString(), cash.GetProperty("matchedBy").GetString(), cash.GetProperty("deliveredOn").GetString()));
        Assert.StartsWith("Ümraniye Belediyesi", cash.GetProperty("institutionName").GetString());
        Assert.Equal("name", Assert.Single(entries[2].GetProperty("matches").EnumerateArray()).GetProperty("matchedBy").GetString());
        foreach (var personal in new[] { number, "Iman", "Darwish", "Mahmut", byNumber.ToString(), byName.ToString() }) Assert.DoesNotContain(personal, body);

        foreach (var person in new[] { byNumber, byName })
            Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'match' AND partner = 'fatih-desk'", person));
        Assert.Equal(flagsBefore + 2, await cases.ScalarAsync<long>("SELECT count(*) FROM duplicate_flags WHERE checked_by = 'fatih-desk'"));
        var flagged = entries[0].GetProperty("checkId").GetGuid();
        Assert.Equal("DuplicateAssistanceFlagged", Assert.Single(await cases.EventsOfAsync(flagged)).Type);
    }

    [Fact]
    public async Task A_csv_batch_with_a_header_row_answers_as_the_json_batch_does()
    {
        var (number, name, born, _, _) = await AidGivenAsync();
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var csv = "category,foreignerIdNumber,fullName,dateOfBirth,windowDays\r\n"
                  + $"cash-assistance,{number},,,\r\n"
                  + "\r\n"
                  + $"education,,\"{name}\",{born},7\r\n"
                  + $"education,,\"Hatip, Mahmut\",{born},\r\n"
                  + $"health,{ForeignerIds.New()},,,\r\n";

        var response = await fatih.PostAsync("/api/v1/duplicate-checks/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = Entries(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal([true, true, true, false], entries.Select(e => e.GetProperty("duplicate").GetBoolean()));
        Assert.Equal("identifier", Assert.Single(entries[0].GetProperty("matches").EnumerateArray()).GetProperty("matchedBy").GetString());
    }

    [Theory]
    [InlineData("category,foreignerIdNumber\r\nhealth,\"99\r\n", "quoted field is not closed")]
    [InlineData("category,shoeSize\r\nhealth,42\r\n", "shoeSize")]
    [InlineData("category,foreignerIdNumber\r\nhealth\r\n", "line 2")]
    [InlineData("fullName,dateOfBirth\r\nAli,1990-01-01\r\n", "category column")]
    [InlineData("category,dateOfBirth,fullName\r\nhealth,01/02/1990,Ali\r\n", "dateOfBirth is not a date")]
    [InlineData("", "empty")]
    public async Task A_csv_that_cannot_be_read_is_400_saying_where(string csv, string says)
    {
        using var desk = cases.Desk("fatih-desk", "fatih");
        var response = await desk.PostAsync("/api/v1/duplicate-checks/batch", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Contains(says, (await response.AssertProblemAsync(400)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task More_than_1000_entries_is_422_and_an_empty_or_unreadable_batch_is_400()
    {
        using var desk = cases.Desk("fatih-desk", "fatih");
        var tooMany = Enumerable.Range(0, 1001).Select(_ => new { foreignerIdNumber = ForeignerIds.New(), category = "health" }).ToList();
        Assert.Contains("1000", (await (await desk.PostAsJsonAsync("/api/v1/duplicate-checks/batch", tooMany)).AssertProblemAsync(422)).GetProperty("detail").GetString());
        var csv = "category,foreignerIdNumber\r\n" + string.Concat(tooMany.Select(e => $"health,{e.foreignerIdNumber}\r\n"));
        await (await desk.PostAsync("/api/v1/duplicate-checks/batch", new StringContent(csv, Encoding.UTF8, "text/csv"))).AssertProblemAsync(422);

        var full = await desk.PostAsJsonAsync("/api/v1/duplicate-checks/batch", tooMany.Take(1000));
        Assert.Equal(1000, (await full.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checked").GetInt32());

        await (await desk.PostAsJsonAsync("/api/v1/duplicate-checks/batch", Array.Empty<object>())).AssertProblemAsync(400);
        await (await desk.PostAsync("/api/v1/duplicate-checks/batch", new StringContent("{\"category\":\"health\"}", Encoding.UTF8, "application/json"))).AssertProblemAsync(400);
        await (await desk.PostAsync("/api/v1/duplicate-checks/batch", new StringContent("[{\"category\":", Encoding.UTF8, "application/json"))).AssertProblemAsync(400);
    }

    [Fact]
    public async Task Entry_errors_are_field_errors_by_entry_index_and_a_district_not_granted_is_403_with_nothing_checked()
    {
        using var desk = cases.Desk("fatih-desk", "fatih");
        var response = await desk.PostAsJsonAsync("/api/v1/duplicate-checks/batch", new object?[]
        {
            new { foreignerIdNumber = ForeignerIds.New(), category = "health" },
            new { foreignerIdNumber = "99123456780", category = "bread" },
            null,
            new { fullName = "Ali", category = "health" },
        });
        var errors = (await response.AssertProblemAsync(400)).GetProperty("errors");
        foreach (var field in new[] { "[1].foreignerIdNumber", "[1].category", "[2]", "[3].foreignerIdNumber" }) Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.False(errors.TryGetProperty("[0].category", out _));

        var before = await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE partner = 'fatih-desk'");
        var (number, _, _, _, _) = await AidGivenAsync();
        var refused = await desk.PostAsJsonAsync("/api/v1/duplicate-checks/batch", new object[]
        {
            new { foreignerIdNumber = number, category = "cash-assistance" },
            new { foreignerIdNumber = number, category = "cash-assistance", district = "umraniye" },
        });
        await refused.AssertProblemAsync(403);
        Assert.Equal(before, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE partner = 'fatih-desk'"));
    }
}
