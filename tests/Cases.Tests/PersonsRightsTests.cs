using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Cases.Tests;

/// <summary>The person's rights: a copy of everything held about her (audited), and erasure for good.</summary>
[Collection(CasesCollection.Name)]
public sealed class PersonsRightsTests(CasesService cases)
{
    /// <summary>The outbox rows of a person's referrals that still carry her applicant sealed for livelihoods.</summary>
    private const string SharedApplicants = """
        SELECT count(*) FROM outbox_messages o JOIN referrals r ON r.id = o.aggregate_id, jsonb_each_text(o.body) field
        WHERE r.beneficiary_id = $1 AND lower(field.key) = 'sealedapplicant' AND field.value IS NOT NULL
        """;

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_export_holds_everything_about_the_person_and_who_read_it_and_is_audited_itself()
    {
        using var desk = cases.Desk("sultanbeyli-desk", "sultanbeyli");
        var provider = await cases.InstitutionAsync("Sultanbeyli Belediyesi", "sultanbeyli");
        var number = CasesService.NewForeignerId();
        var id = await desk.RegisterAsync(Casework.Person("Rasha Kanaan", number, "1987-03-21", "sultanbeyli", "service-delivery", "referral"));
        var @case = await desk.OpenCaseAsync(id, "sultanbeyli", "food-support");
        (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "Kira borcu var", confidential = false })).EnsureSuccessStatusCode();
        await (await desk.RecordServiceAsync(@case, "food-support", provider, DateOnly.FromDateTime(DateTime.UtcNow), 900m)).CreatedAsync();
        (await desk.PostAsJsonAsync("/api/v1/households", new { district = "sultanbeyli", members = new[] { new { beneficiaryId = id, relationship = "head" } } })).EnsureSuccessStatusCode();
        await desk.GetAsync($"/api/v1/beneficiaries/{id}");

        var export = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}/export");

        Assert.Equal("Rasha Kanaan", export.GetProperty("details").GetProperty("fullName").GetString());
        Assert.Equal(number, export.GetProperty("details").GetProperty("foreignerIdNumber").GetString());
        Assert.Equal(2, export.GetProperty("details").GetProperty("consents").GetArrayLength());
        var exportedCase = Assert.Single(export.GetProperty("cases").EnumerateArray());
        Assert.Equal("Kira borcu var", Assert.Single(exportedCase.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(900m, Assert.Single(export.GetProperty("services").EnumerateArray()).GetProperty("amount").GetDecimal());
        Assert.Equal("head", Assert.Single(export.GetProperty("households").EnumerateArray()).GetProperty("relationship").GetString());
        Assert.Equal(0, export.GetProperty("transfers").GetArrayLength());
        var audit = export.GetProperty("audit").EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("what").GetString())).ToList();
        Assert.Contains(("create", "beneficiary"), audit);
        Assert.Contains(("read", "beneficiary"), audit);
        Assert.Contains(("read", "export"), audit);
    }

    [Fact]
    public async Task Another_institutions_confidential_note_stays_out_of_the_export_and_other_districts_get_404()
    {
        var mine = Guid.NewGuid();
        using var desk = cases.Desk("sancaktepe-desk", mine, "sancaktepe");
        using var colleague = cases.Desk("sancaktepe-ngo", Guid.NewGuid(), "sancaktepe");
        var id = await desk.RegisterAsync(Casework.Person("Nour Hamdan", CasesService.NewForeignerId(), "1993-08-02", "sancaktepe", "service-delivery"));
        var @case = await desk.OpenCaseAsync(id, "sancaktepe");
        (await colleague.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "their confidential note", confidential = true })).EnsureSuccessStatusCode();
        (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "our confidential note", confidential = true })).EnsureSuccessStatusCode();

        var export = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{id}/export");
        var notes = export.GetProperty("cases")[0].GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Equal(["our confidential note"], notes);

        using var elsewhere = cases.Desk("kadikoy-desk", "kadikoy");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/beneficiaries/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync($"/api/v1/beneficiaries/{id}/erasure", new { reason = "asked" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/v1/beneficiaries/{Guid.NewGuid()}/export")).StatusCode);
    }

    [Fact]
    public async Task An_erasure_needs_a_reason()
    {
        using var desk = cases.Desk("sancaktepe-desk", "sancaktepe");
        var id = await desk.RegisterAsync(Casework.Person("Huda Sabbagh", CasesService.NewForeignerId(), "1990-01-09", "sancaktepe", "service-delivery"));
        var response = await desk.PostAsJsonAsync($"/api/v1/beneficiaries/{id}/erasure", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task An_erased_person_leaves_no_readable_trace_is_never_matched_again_and_the_reports_keep_their_totals()
    {
        using var desk = cases.Desk("beykoz-desk", "beykoz");
        var provider = await cases.InstitutionAsync("Beykoz Kızılay", "beykoz");
        var number = CasesService.NewForeignerId();
        var id = await desk.RegisterAsync(Casework.Person("Yasmin Darwish Alkhatib", number, "1984-12-17", "beykoz", "service-delivery", "referral", "data-sharing"));
        var @case = await desk.OpenCaseAsync(id, "beykoz", "food-support");
        (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "Yasmin Darwish kocasından ayrıldı", confidential = true })).EnsureSuccessStatusCode();
        await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/services", new
        {
            category = "food-support", providerInstitutionId = provider, deliveredOn = InDays(-3), amount = 1500m, currency = "TRY", notes = "Darwish ailesine gıda kartı",
        })).CreatedAsync();
        await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new { toProgramme = "livelihoods", category = "livelihoods", reason = "Yasmin terzilik biliyor", dueBy = InDays(10) })).CreatedAsync();
        (await desk.PostAsJsonAsync("/api/v1/households", new { district = "beykoz", members = new[] { new { beneficiaryId = id, relationship = "head" } } })).EnsureSuccessStatusCode();
        var reportBefore = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/services?district=beykoz")).GetProperty("services").GetRawText();
        var sealedBefore = await cases.ScalarAsync<byte[]>("SELECT sealed_details FROM beneficiaries WHERE id = $1", id);
        var hashes = (await cases.ScalarAsync<string>("""
            SELECT concat_ws(',', encode(b.identifier_hash, 'hex'), encode(b.birth_date_hash, 'hex'), string_agg(encode(i.hash, 'hex'), ','))
            FROM beneficiaries b LEFT JOIN beneficiary_identifiers i ON i.beneficiary_id = b.id WHERE b.id = $1 GROUP BY b.id
            """, id)).Split(',');
        Assert.True(hashes.Length >= 3, "her identifier and birth date hashes were written");
        // A dump shows bytea as hex: her hashes are there before the erasure.
        Assert.Contains(hashes[0], await DatabaseDump.OfAsync(cases.Database), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM person_keys WHERE beneficiary_id = $1", id));
        Assert.Equal(1L, await cases.ScalarAsync<long>(SharedApplicants, id));

        var erased = await desk.PostAsJsonAsync($"/api/v1/beneficiaries/{id}/erasure", new { reason = "The person asked for her data to be erased." });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        // Crypto-shredding: her key is gone, so her old sealed details (as a backup holds them) open with nothing the service has.
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM person_keys WHERE beneficiary_id = $1", id));
        using (var keys = cases.Services.CreateScope())
        {
            var ring = keys.ServiceProvider.GetRequiredService<Platform.Security.Protection.PersonalDataProtector>();
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => ring.OpenBytes(sealedBefore, $"beneficiary/{id}"));
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => ring.Open<Platform.Cases.Model.PersonalDetails>(sealedBefore, $"beneficiary/{id}", null));
        }
        // A dump of the whole database, as a backup taken now would hold it.
        var pgDump = await DatabaseDump.OfAsync(cases.Database);
        Assert.Contains("person_keys", pgDump);
        foreach (var secret in new[] { "Yasmin", "Darwish", "Alkhatib", number, "555 123 45 67", "terzilik", "kocasından", "gıda kartı" }.Concat(hashes))
            Assert.False(pgDump.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is in the dump of casesdb");

        var again = await desk.PostAsJsonAsync($"/api/v1/beneficiaries/{id}/erasure", new { reason = "again" });
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Gone, (await desk.GetAsync($"/api/v1/beneficiaries/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await desk.GetAsync($"/api/v1/beneficiaries/{id}/export")).StatusCode);
        // Nothing more may be recorded about her: consent to a purpose needs a person to give it.
        Assert.Equal(HttpStatusCode.Gone, (await desk.PostAsJsonAsync($"/api/v1/beneficiaries/{id}/consents", new { purpose = "referral", givenAt = DateTimeOffset.UtcNow.AddMinutes(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await desk.PostAsync($"/api/v1/beneficiaries/{id}/consents/referral/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/cases/{@case}")).StatusCode);

        // Nothing keyed to her remains: the same identity number is a new person, not a duplicate.
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM beneficiary_identifiers WHERE beneficiary_id = $1", id));
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE c.beneficiary_id = $1", id));
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM household_members WHERE beneficiary_id = $1", id));
        var reregistered = await desk.PostAsJsonAsync("/api/v1/beneficiaries", Casework.Person("Yasmin Darwish Alkhatib", number, "1984-12-17", "beykoz", "service-delivery"));
        Assert.Equal(HttpStatusCode.Created, reregistered.StatusCode);
        var newcomer = await reregistered.CreatedIdAsync();

        var reportAfter = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/services?district=beykoz")).GetProperty("services").GetRawText();
        Assert.Equal(reportBefore, reportAfter);

        // Every text and binary column of every table, as a dump would show them, opened with the service's keys: only the newcomer's sealed row may carry her name.
        var dump = await cases.ScalarAsync<string>("""
            SELECT string_agg(t::text, E'\n') FROM (
              SELECT b::text AS t FROM beneficiaries b WHERE b.id <> $1 UNION ALL SELECT c::text FROM cases c UNION ALL SELECT n::text FROM case_notes n
              UNION ALL SELECT s::text FROM services_delivered s UNION ALL SELECT r::text FROM referrals r UNION ALL SELECT x::text FROM case_transfers x UNION ALL SELECT h::text FROM household_members h
              UNION ALL SELECT a::text FROM audit_log a UNION ALL SELECT o::text FROM outbox_messages o) rows
            """, newcomer);
        foreach (var secret in new[] { "Yasmin", "Darwish", "Alkhatib", number, "terzilik", "kocasından", "gıda kartı" })
            Assert.False(dump.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is in the database");
        Assert.Equal(0L, await cases.ScalarAsync<long>(SharedApplicants, id));

        // Her old row opens to the placeholder only, with the service's own keys.
        using var scope = cases.Services.CreateScope();
        var protector = scope.ServiceProvider.GetRequiredService<Platform.Security.Protection.PersonalDataProtector>();
        var sealedDetails = await cases.ScalarAsync<byte[]>("SELECT sealed_details FROM beneficiaries WHERE id = $1", id);
        var opened = protector.Open<Platform.Cases.Model.PersonalDetails>(sealedDetails, $"beneficiary/{id}");
        Assert.Equal("(erased)", opened.FullName);
        Assert.Null(opened.ForeignerIdNumber);

        var events = await cases.EventsOfAsync(id);
        var erasedEvent = Assert.Single(events, e => e.Type.EndsWith("BeneficiaryErased", StringComparison.Ordinal)).Body;
        Assert.Equal(id, erasedEvent.GetProperty("beneficiaryId").GetGuid());
        Assert.Equal(1, erasedEvent.GetProperty("referralIds").GetArrayLength());
        Assert.DoesNotContain("Yasmin", erasedEvent.GetRawText());

        var audit = await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'erase'", id);
        Assert.Equal(1L, audit);
    }
}
