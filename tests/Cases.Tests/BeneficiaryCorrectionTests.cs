using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>Correcting a person's details: a JSON merge patch under If-Match, audited, hashes recomputed, an event with ids only.</summary>
[Collection(CasesCollection.Name)]
public sealed class BeneficiaryCorrectionTests(CasesService cases)
{
    private static HttpRequestMessage Patch(Guid id, string json, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/beneficiaries/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json") };
        if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }

    private static async Task<string> ETagOfAsync(HttpClient desk, Guid id)
    {
        using var read = await desk.GetAsync($"/api/v1/beneficiaries/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return read.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException("the read carries no ETag");
    }

    [Fact]
    public async Task A_correction_changes_the_fields_it_names_keeps_the_others_and_answers_a_new_etag()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var id = await desk.RegisterAsync(Casework.Person("Amal Yousef", CasesService.NewForeignerId(), "1990-02-02", "umraniye", "service-delivery"));
        var etag = await ETagOfAsync(desk, id);

        using var corrected = await desk.SendAsync(Patch(id, """{"fullName":"Amal Youssef","legalStatus":"international-protection","languages":["ar","en"],"vulnerabilities":null}""", etag));
        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.NotEqual(etag, corrected.Headers.ETag?.Tag);
        Assert.Equal("Amal Youssef", body.GetProperty("fullName").GetString());
        var read = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}");
        Assert.Equal("Amal Youssef", read.GetProperty("fullName").GetString());
        Assert.Equal("international-protection", read.GetProperty("legalStatus").GetString());
        Assert.Equal(["ar", "en"], read.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Empty(read.GetProperty("vulnerabilities").EnumerateArray());
        // Not named, not changed.
        Assert.Equal("+90 555 123 45 67", read.GetProperty("phone").GetString());
        Assert.Equal("1990-02-02", read.GetProperty("dateOfBirth").GetString());

        using var phoneCleared = await desk.SendAsync(Patch(id, """{"phone":null}""", corrected.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, phoneCleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}")).GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task Without_if_match_a_correction_is_428_with_a_stale_etag_412_and_both_change_nothing()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var id = await desk.RegisterAsync(Casework.Person("Salma Kanaan", CasesService.NewForeignerId(), "1993-03-03", "umraniye", "service-delivery"));
        var etag = await ETagOfAsync(desk, id);
        (await desk.SendAsync(Patch(id, """{"phone":"+90 555 000 11 22"}""", etag))).EnsureSuccessStatusCode();

        var missing = await desk.SendAsync(Patch(id, """{"fullName":"Someone Else"}""", null));
        var stale = await desk.SendAsync(Patch(id, """{"fullName":"Someone Else"}""", etag));

        Assert.Contains("If-Match", (await missing.AssertProblemAsync(428)).GetProperty("detail").GetString());
        await stale.AssertProblemAsync(412);
        Assert.Equal("Salma Kanaan", (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}")).GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task A_bad_field_is_400_before_the_precondition_and_another_districts_person_is_404()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var id = await umraniye.RegisterAsync(Casework.Person("Huda Nasr", CasesService.NewForeignerId(), "1994-04-04", "umraniye", "service-delivery"));
        var etag = await ETagOfAsync(umraniye, id);

        var bad = await umraniye.SendAsync(Patch(id, """{"fullName":null,"dateOfBirth":"2999-01-01","legalStatus":"refugee","languages":["Arabic"],"phone":"call me"}""", null));
        var errors = (await bad.AssertProblemAsync(400)).GetProperty("errors");
        foreach (var field in new[] { "fullName", "dateOfBirth", "legalStatus", "languages", "phone" }) Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        await (await fatih.SendAsync(Patch(id, """{"fullName":"X"}""", etag))).AssertProblemAsync(404);
        await (await umraniye.SendAsync(Patch(Guid.NewGuid(), """{"fullName":"X"}""", etag))).AssertProblemAsync(404);
    }

    [Fact]
    public async Task A_correction_is_audited_recomputes_the_birth_date_hash_and_publishes_an_event_with_ids_only()
    {
        await using var broker = await BrokerQueue.BindAsync(cases.Broker, "BeneficiaryCorrected");
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var provider = await cases.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var wrongBirthday = $"19{Random.Shared.Next(40, 99)}-11-1{Random.Shared.Next(0, 9)}";
        var rightBirthday = $"19{Random.Shared.Next(40, 99)}-10-2{Random.Shared.Next(0, 8)}";
        var id = await umraniye.RegisterAsync(Casework.Person("Dima Ajjan", null, wrongBirthday, "umraniye", "service-delivery"));
        await (await umraniye.RecordServiceAsync(await umraniye.OpenCaseAsync(id, "umraniye", "education"), "education", provider, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2))).CreatedAsync();

        (await umraniye.SendAsync(Patch(id, $$"""{"fullName":"Dima Ajjan Hamdan","dateOfBirth":"{{rightBirthday}}"}""", await ETagOfAsync(umraniye, id)))).EnsureSuccessStatusCode();

        async Task<int> MatchesAsync(string name, string born) =>
            (await (await fatih.PostAsJsonAsync("/api/v1/duplicate-checks", new { fullName = name, dateOfBirth = born, category = "education" })).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("matches").GetArrayLength();
        Assert.Equal(1, await MatchesAsync("Dima Ajjan Hamdan", rightBirthday));
        Assert.Equal(0, await MatchesAsync("Dima Ajjan", wrongBirthday));

        var audit = await umraniye.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={id}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "update" && e.GetProperty("what").GetString() == "beneficiary");

        var (type, outboxBody) = Assert.Single(await cases.EventsOfAsync(id), e => e.Type == "BeneficiaryCorrected");
        var published = await broker.NextAsync(m => m.GetProperty("beneficiaryId").GetGuid() == id, "BeneficiaryCorrected");
        Assert.Equal(["fullName", "dateOfBirth"], published.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        foreach (var body in new[] { outboxBody.ToString(), published.ToString() })
        foreach (var personal in new[] { "Dima", "Hamdan", rightBirthday, wrongBirthday })
            Assert.DoesNotContain(personal, body);
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_keeps_the_etag_and_tells_nobody()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var id = await desk.RegisterAsync(Casework.Person("Lina Qadri", CasesService.NewForeignerId(), "1989-09-19", "umraniye", "service-delivery"));
        var etag = await ETagOfAsync(desk, id);

        using var same = await desk.SendAsync(Patch(id, """{"fullName":"Lina Qadri","phone":"+90 555 123 45 67"}""", etag));

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(etag, same.Headers.ETag?.Tag);
        Assert.DoesNotContain(await cases.EventsOfAsync(id), e => e.Type == "BeneficiaryCorrected");
        var audit = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={id}");
        Assert.DoesNotContain(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "update");
        Assert.Equal(2, audit.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "read"));
    }
}
