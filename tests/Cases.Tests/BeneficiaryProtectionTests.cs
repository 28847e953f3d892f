using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>Registration rules, encryption at rest, audited reads and district isolation.</summary>
[Collection(CasesCollection.Name)]
public sealed class BeneficiaryProtectionTests(CasesService cases)
{
    [Theory]
    [InlineData("99123456780")]   // checksum wrong
    [InlineData("12345678950")]   // a citizen's number, not a foreigner's (does not start with 99)
    [InlineData("9912345678")]    // ten digits
    [InlineData("99a23456789")]
    public async Task A_foreigner_id_number_that_fails_its_rules_is_a_field_error(string number)
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var response = await desk.PostAsJsonAsync("/api/v1/beneficiaries", Casework.Person("Amina Nasser", number, "1990-04-12", "umraniye", "service-delivery"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("checksum", problem.GetProperty("errors").GetProperty("foreignerIdNumber")[0].GetString());
    }

    [Fact]
    public async Task Registration_answers_an_id_and_a_reference_code_and_rejects_unknown_codes_with_field_errors()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var created = await (await desk.PostAsJsonAsync("/api/v1/beneficiaries",
            Casework.Person("Fatima Haddad", CasesService.NewForeignerId(), "1985-02-01", "umraniye", "service-delivery"))).CreatedAsync();
        Assert.Matches("^BNF-[0-9A-Z]{8}$", created.GetProperty("referenceCode").GetString()!);

        var bad = await desk.PostAsJsonAsync("/api/v1/beneficiaries", new
        {
            fullName = "", dateOfBirth = "2090-01-01", sex = "x", nationality = "Syria", legalStatus = "refugee", district = "atlantis",
            consents = new[] { new { purpose = "marketing", givenAt = DateTimeOffset.UtcNow } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "fullName", "dateOfBirth", "sex", "nationality", "legalStatus", "district", "consents[0].purpose" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
    }

    [Fact]
    public async Task Names_identity_numbers_and_phones_are_nowhere_in_the_database_in_plain_text()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var number = CasesService.NewForeignerId();
        var id = await desk.RegisterAsync(Casework.Person("Zeynep Şahin Özgür", number, "1992-11-30", "umraniye", "service-delivery", "referral"));
        var @case = await desk.OpenCaseAsync(id, "umraniye", "legal-aid");
        (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "Zeynep Şahin Özgür boşanma davası için danışmanlık istiyor", confidential = true })).EnsureSuccessStatusCode();

        // Every row of every table, as text: what a database dump would show.
        var dump = await cases.ScalarAsync<string>("""
            SELECT string_agg(t::text, E'\n') FROM (
              SELECT b::text AS t FROM beneficiaries b UNION ALL SELECT c::text FROM cases c UNION ALL SELECT n::text FROM case_notes n
              UNION ALL SELECT a::text FROM audit_log a UNION ALL SELECT o::text FROM outbox_messages o) rows
            """);
        Assert.Contains(id.ToString(), dump);
        foreach (var secret in new[] { "Zeynep", "Şahin", "Ozgur", "Özgür", number, "555 123", "5551234567", "boşanma" })
            Assert.False(dump.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is in the database: {dump[Math.Max(0, dump.IndexOf(secret, StringComparison.OrdinalIgnoreCase) - 200)..][..400]}");

        var read = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}");
        Assert.Equal("Zeynep Şahin Özgür", read.GetProperty("fullName").GetString());
        Assert.Equal(number, read.GetProperty("foreignerIdNumber").GetString());
    }

    [Fact]
    public async Task Every_read_of_a_persons_data_is_in_the_audit_log_with_the_partner()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var id = await desk.RegisterAsync(Casework.Person("Hatice Osman", CasesService.NewForeignerId(), "1979-06-15", "umraniye", "service-delivery"));
        var @case = await desk.OpenCaseAsync(id, "umraniye");
        await desk.GetAsync($"/api/v1/beneficiaries/{id}");
        await desk.GetAsync($"/api/v1/beneficiaries/{id}");
        await desk.GetAsync($"/api/v1/cases/{@case}");

        var audit = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={id}");
        var entries = audit.GetProperty("items").EnumerateArray().Select(e => (Action: e.GetProperty("action").GetString(), What: e.GetProperty("what").GetString(), Partner: e.GetProperty("partner").GetString())).ToList();
        Assert.Equal(2, entries.Count(e => e is { Action: "read", What: "beneficiary" }));
        Assert.Single(entries, e => e is { Action: "read", What: "case" });
        Assert.Single(entries, e => e is { Action: "create", What: "beneficiary" });
        Assert.Single(entries, e => e is { Action: "create", What: "case" });
        Assert.All(entries, e => Assert.Equal("umraniye-desk", e.Partner));
    }

    [Fact]
    public async Task A_desk_gets_404_for_every_record_of_another_district()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var gaziosmanpasa = cases.Desk("gaziosmanpasa-desk", "gaziosmanpasa");
        var id = await umraniye.RegisterAsync(Casework.Person("Meryem Ali", CasesService.NewForeignerId(), "2001-01-20", "umraniye", "service-delivery", "referral"));
        var @case = await umraniye.OpenCaseAsync(id, "umraniye");

        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.GetAsync($"/api/v1/beneficiaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.GetAsync($"/api/v1/cases/{@case}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.GetAsync($"/api/v1/audit?beneficiaryId={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.PatchAsJsonAsync($"/api/v1/cases/{@case}", new { status = "closed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gaziosmanpasa.GetAsync($"/api/v1/beneficiaries/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gaziosmanpasa.PostAsJsonAsync("/api/v1/beneficiaries",
            Casework.Person("Meryem Ali", null, "2001-01-20", "umraniye", "service-delivery"))).StatusCode);
        var listed = await gaziosmanpasa.GetFromJsonAsync<JsonElement>("/api/v1/cases");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == @case);
        // Nobody in Gaziosmanpaşa read anything: the audit shows the Ümraniye desk only.
        var audit = await umraniye.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={id}");
        Assert.All(audit.GetProperty("items").EnumerateArray(), e => Assert.Equal("umraniye-desk", e.GetProperty("partner").GetString()));
    }

    [Fact]
    public async Task Consent_gates_cases_services_and_referrals_for_their_purpose()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var provider = await cases.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var id = await desk.RegisterAsync(Casework.Person("Esra Khatib", CasesService.NewForeignerId(), "1995-03-03", "umraniye"));

        var refused = await desk.PostAsJsonAsync("/api/v1/cases", new { beneficiaryId = id, district = "umraniye", needs = new[] { "health" }, priority = "high" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("service-delivery", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        (await desk.PostAsJsonAsync($"/api/v1/beneficiaries/{id}/consents", new { purpose = "service-delivery", givenAt = DateTimeOffset.UtcNow.AddMinutes(-1) })).EnsureSuccessStatusCode();
        var @case = await desk.OpenCaseAsync(id, "umraniye", "health");
        var referral = new { toInstitutionId = provider, category = "health", reason = "Needs a specialist appointment", dueBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd") };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", referral)).StatusCode);

        (await desk.PostAsJsonAsync($"/api/v1/beneficiaries/{id}/consents", new { purpose = "referral", givenAt = DateTimeOffset.UtcNow.AddMinutes(-1) })).EnsureSuccessStatusCode();
        await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", referral)).CreatedAsync();

        (await desk.PostAsync($"/api/v1/beneficiaries/{id}/consents/service-delivery/withdraw", null)).EnsureSuccessStatusCode();
        var afterWithdrawal = await desk.RecordServiceAsync(@case, "health", provider, DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterWithdrawal.StatusCode);
    }
}
