using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Livelihoods.Tests;

/// <summary>Institutions a request names must be ones the directory registered; every opening of a woman's details is audited and shown to her districts' partners.</summary>
[Collection(LivelihoodsCollection.Name)]
public sealed class ReferencesAndAuditTests(LivelihoodsService livelihoods)
{
    [Fact]
    public async Task An_institution_the_directory_never_registered_is_refused_with_422_naming_the_field_and_nothing_is_written()
    {
        using var partner = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        var name = $"Hayali kurum {Guid.NewGuid():N}"[..30];
        var refused = await partner.PostAsJsonAsync("/api/v1/cohorts", new
        {
            name, district = "gaziosmanpasa", partnerInstitutionId = Guid.NewGuid(), startsOn = "2026-01-01", endsOn = "2026-06-30",
            workshops = new[] { new { kind = "kitchen", name = "Mutfak", capacity = 10, location = "Kadın merkezi" } },
        });

        await AssertUnknownInstitutionAsync(refused, "partnerInstitutionId");
        Assert.Equal(0L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM cohorts WHERE name = $1", name));

        var woman = (await partner.WomanAsync("Esra Nasser", "gaziosmanpasa")).GetProperty("id").GetGuid();
        var step = await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/licence/steps",
            new { step = "application-filed", completedOn = "2026-04-01", supportingInstitutionId = Guid.NewGuid() });

        await AssertUnknownInstitutionAsync(step, "supportingInstitutionId");
        Assert.Equal(0L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM licence_steps WHERE entrepreneur_id = $1", woman));
        Assert.Equal(0L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE aggregate_id = $1", woman));
    }

    [Fact]
    public async Task An_institution_learnt_from_InstitutionRegistered_is_accepted_and_a_second_copy_of_the_event_keeps_one_row()
    {
        var institution = Guid.CreateVersion7();
        var registered = new InstitutionRegistered { InstitutionId = institution, Name = "Sultangazi Belediyesi", Kind = "municipality", District = "sultangazi", RegisteredAt = DateTimeOffset.UtcNow };
        const string Consumed = "SELECT count(*) FROM inbox_messages WHERE consumer = 'InstitutionRegisteredConsumer'";
        var before = await livelihoods.ScalarAsync<long>(Consumed);
        await livelihoods.PublishAsync(registered);
        await livelihoods.PublishAsync(registered);   // a second copy, with a message id of its own

        await Eventually.GetAsync(() => livelihoods.ScalarAsync<long>(Consumed), count => count >= before + 2, TimeSpan.FromSeconds(30), "both copies of the registration");
        Assert.Equal(1L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM institutions WHERE id = $1", institution));
        Assert.Equal("Sultangazi Belediyesi", await livelihoods.ScalarAsync<string>("SELECT name FROM institutions WHERE id = $1", institution));

        using var partner = livelihoods.Partner("sultangazi-programme", "sultangazi");
        var cohort = await (await partner.PostAsJsonAsync("/api/v1/cohorts", new
        {
            name = "Sultangazi el sanatları", district = "sultangazi", partnerInstitutionId = institution, startsOn = "2026-02-01", endsOn = "2026-07-31",
            workshops = new[] { new { kind = "handicraft", name = "El sanatları", capacity = 12, location = "Sultangazi" } },
        })).CreatedAsync();
        Assert.Equal(institution, cohort.GetProperty("partnerInstitutionId").GetGuid());

        var woman = (await partner.WomanAsync("Yasemin Hamdan", "sultangazi")).GetProperty("id").GetGuid();
        var step = await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/licence/steps", new { step = "application-filed", completedOn = "2026-04-01", supportingInstitutionId = institution });
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        Assert.Equal(institution, (await step.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("supportingInstitutionId").GetGuid());
    }

    [Fact]
    public async Task Her_audit_log_shows_who_read_her_details_newest_first_and_another_districts_partner_gets_404()
    {
        using var gop = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        using var city = livelihoods.Partner("city-programme", "gaziosmanpasa", "fatih");
        using var fatih = livelihoods.Partner("fatih-programme", "fatih");
        var woman = (await gop.WomanAsync("Amina Saleh", "gaziosmanpasa")).GetProperty("id").GetGuid();
        (await gop.GetAsync($"/api/v1/entrepreneurs/{woman}")).EnsureSuccessStatusCode();
        (await city.GetAsync($"/api/v1/entrepreneurs/{woman}")).EnsureSuccessStatusCode();

        var audit = await gop.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{woman}/audit");
        var lines = audit.GetProperty("items").EnumerateArray().Select(a => $"{a.GetProperty("action").GetString()}:{a.GetProperty("partner").GetString()}:{a.GetProperty("what").GetString()}").ToList();
        Assert.Equal(["read:city-programme:entrepreneur", "read:gop-programme:entrepreneur", "create:gop-programme:entrepreneur"], lines);
        Assert.Equal(3, audit.GetProperty("totalItems").GetInt32());
        var second = await gop.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{woman}/audit?page=2&pageSize=2");
        Assert.Equal("create", second.GetProperty("items").EnumerateArray().Single().GetProperty("action").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await fatih.GetAsync($"/api/v1/entrepreneurs/{woman}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gop.GetAsync($"/api/v1/entrepreneurs/{Guid.NewGuid()}/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await gop.GetAsync($"/api/v1/entrepreneurs/{woman}/audit?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task Inviting_a_cohort_opens_each_womans_details_with_one_audit_entry_per_woman_and_the_lists_that_open_nothing_write_none()
    {
        using var partner = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        var (cohort, kitchen, sewing) = await partner.CohortAsync("gaziosmanpasa");
        var withEmail = new List<Guid>();
        foreach (var (name, workshop, email) in new[] { ("Rania Abbas", kitchen, "rania.abbas@example.org"), ("Leyla Kurdi", sewing, "leyla.kurdi@example.org"), ("Fatma Çelik", sewing, "fatma.celik@example.org") })
            withEmail.Add((await partner.WomanAsync(name, "gaziosmanpasa", cohort, workshop, email: email)).GetProperty("id").GetGuid());
        var withoutEmail = (await partner.WomanAsync("Hatice Demir", "gaziosmanpasa", cohort, kitchen)).GetProperty("id").GetGuid();
        var women = withEmail.Append(withoutEmail).ToArray();
        const string Audit = "SELECT count(*) FROM audit_log WHERE subject_id = ANY($1) AND action <> 'create'";

        var list = await partner.GetStringAsync($"/api/v1/entrepreneurs?cohortId={cohort}");
        await partner.GetStringAsync($"/api/v1/cohorts/{cohort}");
        await partner.GetStringAsync($"/api/v1/cohorts/{cohort}/summary");
        foreach (var woman in women) await partner.GetStringAsync($"/api/v1/entrepreneurs/{woman}/sales");
        Assert.DoesNotContain("Rania", list);
        Assert.Equal(0L, await livelihoods.ScalarAsync<long>(Audit, women));

        var training = await (await partner.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/trainings", new
        {
            topic = "language", title = "Türkçe dil eğitimi", startsAt = "2026-12-20T10:00:00+03:00", endsAt = "2026-12-20T12:00:00+03:00", location = "Kadın merkezi",
        })).CreatedIdAsync();

        foreach (var woman in withEmail)
            Assert.Equal(1L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'share' AND what = 'training' AND record_id = $2", woman, training));
        Assert.Equal(0L, await livelihoods.ScalarAsync<long>(Audit, new[] { withoutEmail }));
        Assert.Equal(3L, await livelihoods.ScalarAsync<long>(Audit, women));
        var shown = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{withEmail[0]}/audit");
        Assert.Equal("share", shown.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task The_pilot_waits_for_the_meetings_directorys_Gaziosmanpasa_municipality_and_then_runs_with_it_once()
    {
        using var partner = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        const string Pilots = "SELECT count(*) FROM cohorts WHERE name = 'Gaziosmanpaşa Kadın Girişimciliği Pilotu'";

        var early = await partner.PostAsync("/api/v1/cohorts/demo-data", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("application/problem+json", early.Content.Headers.ContentType?.MediaType);
        Assert.Contains("POST /api/v1/meetings/demo-data", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0L, await livelihoods.ScalarAsync<long>(Pilots));

        // Meetings' demo registers the municipality (its id made there) and the event reaches livelihoods; a namesake
        // registered later through the directory's API is not the one the meetings demo uses.
        var municipality = Guid.CreateVersion7();
        await livelihoods.LearnInstitutionAsync(municipality, "Gaziosmanpaşa Belediyesi", "municipality", "gaziosmanpasa");
        await livelihoods.LearnInstitutionAsync(Guid.CreateVersion7(), "Gaziosmanpaşa Belediyesi", "municipality", "gaziosmanpasa");
        var loaded = await partner.PostAsync("/api/v1/cohorts/demo-data", null);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var demo = await loaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(demo.GetProperty("created").GetBoolean());
        Assert.Equal(30, demo.GetProperty("entrepreneurs").GetInt32());
        var cohort = demo.GetProperty("cohortId").GetGuid();
        Assert.Equal(municipality, (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{cohort}")).GetProperty("partnerInstitutionId").GetGuid());
        Assert.Equal(0L, await livelihoods.ScalarAsync<long>(
            "SELECT count(*) FROM licence_steps s JOIN entrepreneurs e ON e.id = s.entrepreneur_id WHERE e.cohort_id = $1 AND s.supporting_institution_id IS DISTINCT FROM $2", cohort, municipality));

        var again = await (await partner.PostAsync("/api/v1/cohorts/demo-data", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(cohort, again.GetProperty("cohortId").GetGuid());
        Assert.Equal(1L, await livelihoods.ScalarAsync<long>(Pilots));
    }

    private static async Task AssertUnknownInstitutionAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(field, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field} in its errors");
    }
}
