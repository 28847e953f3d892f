using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>Referrals that close the loop: made, answered by the receiving institution, overdue when unanswered, seen by the referrer.</summary>
[Collection(CasesCollection.Name)]
public sealed class ReferralTests(CasesService cases)
{
    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd");

    private async Task<(HttpClient Desk, Guid Case, Guid Institution)> ReferrableCaseAsync(string name = "Yusuf Haddad")
    {
        var desk = cases.Desk("umraniye-desk", "umraniye");
        var institution = await cases.InstitutionAsync("Ümraniye Devlet Hastanesi", "umraniye", ("Dr. Selin Aydın", "selin@hastane.example.org", "tr"), ("Rami Saleh", "rami@hastane.example.org", "ar"));
        var person = await desk.RegisterAsync(Casework.Person(name, CasesService.NewForeignerId(), "1983-05-05", "umraniye", "service-delivery", "referral"));
        return (desk, await desk.OpenCaseAsync(person, "umraniye", "health"), institution);
    }

    [Fact]
    public async Task A_referral_is_accepted_then_completed_by_the_receiving_institution_and_the_referrer_sees_the_outcome()
    {
        var (desk, @case, institution) = await ReferrableCaseAsync();
        var referral = await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals",
            new { toInstitutionId = institution, category = "health", reason = "Diyabet takibi gerekiyor", dueBy = InDays(7) })).CreatedAsync();
        var id = referral.GetProperty("id").GetGuid();
        Assert.Equal("made", referral.GetProperty("status").GetString());
        Assert.Matches("^REF-[0-9A-Z]{8}$", referral.GetProperty("referenceCode").GetString()!);
        Assert.Equal("referred", (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case}")).GetProperty("case").GetProperty("status").GetString());

        using var hospital = cases.Institution(institution);
        using var stranger = cases.Institution(Guid.NewGuid(), "another-institution");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/referrals/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsync($"/api/v1/referrals/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hospital.PostAsJsonAsync($"/api/v1/referrals/{id}/complete", new { })).StatusCode);
        var completed = await hospital.PostAsJsonAsync($"/api/v1/referrals/{id}/complete", new { outcome = "Endokrinoloji randevusu verildi, tedavi başladı" });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await hospital.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { reason = "late" })).StatusCode);

        var seen = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}");
        Assert.Equal("completed", seen.GetProperty("status").GetString());
        Assert.Equal("Endokrinoloji randevusu verildi, tedavi başladı", seen.GetProperty("answer").GetString());
        Assert.False(seen.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_ends_the_referral()
    {
        var (desk, @case, institution) = await ReferrableCaseAsync("Hamza Idris");
        var id = (await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals",
            new { toInstitutionId = institution, category = "health", reason = "Fizik tedavi", dueBy = InDays(3) })).CreatedAsync()).GetProperty("id").GetGuid();
        using var hospital = cases.Institution(institution);

        var noReason = await hospital.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { reason = "Bölgemizde fizik tedavi ünitesi yok" })).StatusCode);
        Assert.Equal("declined", (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_referral_not_answered_by_its_due_date_is_flagged_overdue()
    {
        var (desk, @case, institution) = await ReferrableCaseAsync("Noor Hamid");
        var id = (await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals",
            new { toInstitutionId = institution, category = "health", reason = "Aşı takvimi", dueBy = InDays(1) })).CreatedAsync()).GetProperty("id").GetGuid();
        Assert.False((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}")).GetProperty("overdue").GetBoolean());

        // Time passes: the due date is now three days ago.
        await cases.ExecuteAsync("UPDATE referrals SET due_by = current_date - 3 WHERE id = $1", id);

        Assert.True((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}")).GetProperty("overdue").GetBoolean());
        var overdue = await desk.GetFromJsonAsync<JsonElement>("/api/v1/referrals?overdue=true&pageSize=100");
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var report = await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/services?district=umraniye");
        Assert.True(report.GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("outcome").GetString() == "made").GetProperty("overdue").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_referral_into_the_past_or_to_an_unknown_institution_is_refused()
    {
        var (desk, @case, _) = await ReferrableCaseAsync("Bilal Qasim");
        var past = await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new { toProgramme = "livelihoods", category = "livelihoods", reason = "x", dueBy = InDays(-2) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var both = await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new { toInstitutionId = Guid.NewGuid(), toProgramme = "livelihoods", category = "livelihoods", reason = "x", dueBy = InDays(2) });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var unknown = await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new { toInstitutionId = Guid.NewGuid(), category = "health", reason = "x", dueBy = InDays(2) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
    }

    [Fact]
    public async Task Listing_referrals_writes_one_read_audit_entry_for_each_person_listed()
    {
        using var desk = cases.Desk("atasehir-desk", "atasehir");
        var institution = await cases.InstitutionAsync("Ataşehir Toplum Sağlığı Merkezi", "atasehir", ("Dr. Ece Kaya", "ece@tsm.example.org", "tr"));
        var referred = new List<(Guid Person, Guid Referral)>();
        foreach (var name in new[] { "Samira Yousef", "Rana Khoury" })
        {
            var person = await desk.RegisterAsync(Casework.Person(name, CasesService.NewForeignerId(), "1990-10-10", "atasehir", "service-delivery", "referral"));
            var @case = await desk.OpenCaseAsync(person, "atasehir", "health");
            var referral = (await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals",
                new { toInstitutionId = institution, category = "health", reason = "Gebelik takibi", dueBy = InDays(5) })).CreatedAsync()).GetProperty("id").GetGuid();
            referred.Add((person, referral));
        }
        const string reads = "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND record_id = $2 AND action = 'read' AND what = 'referral' AND partner = $3";
        foreach (var (person, referral) in referred) Assert.Equal(0L, await cases.ScalarAsync<long>(reads, person, referral, "atasehir-desk"));

        var listed = await desk.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=100");
        Assert.Equal(referred.Select(r => r.Referral).Order(), listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Order());
        foreach (var (person, referral) in referred) Assert.Equal(1L, await cases.ScalarAsync<long>(reads, person, referral, "atasehir-desk"));
        // The person's audit log, as the desk reads it, names the list read.
        var audit = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={referred[0].Person}");
        Assert.Single(audit.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "read" && e.GetProperty("what").GetString() == "referral" && e.GetProperty("recordId").GetGuid() == referred[0].Referral);

        // The receiving institution listing what was referred to it reads the same people, under its own name.
        using var centre = cases.Institution(institution, "atasehir-health-centre");
        await centre.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=made");
        foreach (var (person, referral) in referred) Assert.Equal(1L, await cases.ScalarAsync<long>(reads, person, referral, "atasehir-health-centre"));
        // An empty page unseals nothing and writes nothing.
        var before = await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log");
        Assert.Empty((await desk.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=declined")).GetProperty("items").EnumerateArray());
        Assert.Equal(before, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
    }
}
