using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cases.Retention;

namespace Platform.Cases.Tests;

/// <summary>
/// Retention: people with no activity for five years are listed, erased by the job unless a desk renews them,
/// and every run is recorded. A test ages a person by moving her registration and audit trail six years back,
/// as if the service had held her that long: the period itself is the service's (Cases:Retention:InactiveAfter).
/// </summary>
[Collection(CasesCollection.Name)]
public sealed class RetentionTests(CasesService cases)
{
    private async Task AgeAsync(Guid person)
    {
        await cases.ExecuteAsync("UPDATE beneficiaries SET registered_at = registered_at - interval '6 years' WHERE id = $1", person);
        await cases.ExecuteAsync("UPDATE audit_log SET at = at - interval '6 years' WHERE subject_id = $1", person);
    }

    private static async Task<List<JsonElement>> DueAsync(HttpClient desk) =>
        (await desk.GetFromJsonAsync<JsonElement>("/api/v1/retention/due?pageSize=100")).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task People_inactive_for_five_years_are_listed_without_names_to_their_districts_only()
    {
        using var desk = cases.Desk("catalca-desk", "catalca");
        var old = await desk.RegisterAsync(Casework.Person("Hanan Zoabi", CasesService.NewForeignerId(), "1979-04-02", "catalca", "service-delivery"));
        var recent = await desk.RegisterAsync(Casework.Person("Samar Qasem", CasesService.NewForeignerId(), "1981-07-13", "catalca", "service-delivery"));
        await AgeAsync(old);
        // Reading her record is not activity: it does not keep her.
        (await desk.GetAsync($"/api/v1/beneficiaries/{old}")).EnsureSuccessStatusCode();

        var response = await desk.GetAsync("/api/v1/retention/due?pageSize=100");
        var body = await response.Content.ReadAsStringAsync();
        var due = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();

        var listed = Assert.Single(due, d => d.GetProperty("beneficiaryId").GetGuid() == old);
        Assert.DoesNotContain(due, d => d.GetProperty("beneficiaryId").GetGuid() == recent);
        Assert.Equal("catalca", listed.GetProperty("district").GetString());
        Assert.StartsWith("BNF-", listed.GetProperty("referenceCode").GetString());
        var lastActivity = listed.GetProperty("lastActivity").GetDateTimeOffset();
        Assert.InRange(lastActivity, DateTimeOffset.UtcNow.AddYears(-6).AddDays(-1), DateTimeOffset.UtcNow.AddYears(-6).AddDays(1));
        Assert.Equal(lastActivity.AddDays(5 * 365 + 1), listed.GetProperty("dueSince").GetDateTimeOffset());
        Assert.DoesNotContain("Hanan", body);
        Assert.DoesNotContain("fullName", body);

        using var elsewhere = cases.Desk("silivri-desk", "silivri");
        Assert.DoesNotContain(await DueAsync(elsewhere), d => d.GetProperty("beneficiaryId").GetGuid() == old);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.GetAsync("/api/v1/retention/due?pageSize=0")).StatusCode);
    }

    [Fact]
    public async Task A_renewal_is_audited_and_restarts_the_clock_and_outside_the_districts_it_is_404()
    {
        using var desk = cases.Desk("catalca-desk", "catalca");
        var person = await desk.RegisterAsync(Casework.Person("Rima Nassar", CasesService.NewForeignerId(), "1983-02-19", "catalca", "service-delivery"));
        await AgeAsync(person);
        Assert.Contains(await DueAsync(desk), d => d.GetProperty("beneficiaryId").GetGuid() == person);

        using var elsewhere = cases.Desk("silivri-desk", "silivri");
        var refused = await elsewhere.PostAsync($"/api/v1/retention/{person}/renewal", null);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync($"/api/v1/retention/{Guid.NewGuid()}/renewal", null)).StatusCode);

        var renewed = await desk.PostAsync($"/api/v1/retention/{person}/renewal", null);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var renewal = await renewed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(renewal.GetProperty("dueOn").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddYears(4));

        Assert.DoesNotContain(await DueAsync(desk), d => d.GetProperty("beneficiaryId").GetGuid() == person);
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'renew' AND partner = 'catalca-desk'", person));
    }

    [Fact]
    public async Task The_job_erases_a_due_person_but_not_a_renewed_one_records_its_run_and_the_reports_keep_their_totals()
    {
        using var desk = cases.Desk("buyukcekmece-desk", "buyukcekmece");
        var provider = await cases.InstitutionAsync("Büyükçekmece Belediyesi", "buyukcekmece");
        var forgotten = await desk.RegisterAsync(Casework.Person("Wafaa Barakat", CasesService.NewForeignerId(), "1975-11-30", "buyukcekmece", "service-delivery"));
        var @case = await desk.OpenCaseAsync(forgotten, "buyukcekmece", "food-support");
        await (await desk.RecordServiceAsync(@case, "food-support", provider, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), 700m)).CreatedAsync();
        var kept = await desk.RegisterAsync(Casework.Person("Dalia Haddad", CasesService.NewForeignerId(), "1977-06-05", "buyukcekmece", "service-delivery"));
        var active = await desk.RegisterAsync(Casework.Person("Mona Shami", CasesService.NewForeignerId(), "1988-01-22", "buyukcekmece", "service-delivery"));
        await AgeAsync(forgotten);
        await AgeAsync(kept);
        (await desk.PostAsync($"/api/v1/retention/{kept}/renewal", null)).EnsureSuccessStatusCode();
        var reportBefore = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/services?district=buyukcekmece")).GetProperty("services").GetRawText();

        var run = await cases.Services.GetRequiredService<RetentionJob>().RunAsync(CancellationToken.None);

        Assert.True(run.Erased >= 1);
        Assert.Equal(HttpStatusCode.Gone, (await desk.GetAsync($"/api/v1/beneficiaries/{forgotten}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/beneficiaries/{kept}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/beneficiaries/{active}")).StatusCode);
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM person_keys WHERE beneficiary_id = $1", forgotten));
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'erase' AND partner = 'retention'", forgotten));
        Assert.Equal(HttpStatusCode.Gone, (await desk.PostAsync($"/api/v1/retention/{forgotten}/renewal", null)).StatusCode);
        Assert.DoesNotContain(await DueAsync(desk), d => d.GetProperty("beneficiaryId").GetGuid() == forgotten);

        var reportAfter = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/reports/services?district=buyukcekmece")).GetProperty("services").GetRawText();
        Assert.Equal(reportBefore, reportAfter);

        var runs = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/retention/runs")).GetProperty("items").EnumerateArray().ToList();
        var recorded = Assert.Single(runs, r => r.GetProperty("id").GetInt64() == run.Id);
        Assert.Equal(run.Erased, recorded.GetProperty("erased").GetInt32());
        Assert.True(recorded.GetProperty("finishedAt").GetDateTimeOffset() >= recorded.GetProperty("startedAt").GetDateTimeOffset());
    }
}
