using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Security.Sharing;
using Platform.Testing;

namespace Platform.Livelihoods.Tests;

/// <summary>The programme's rules on real PostgreSQL and RabbitMQ: places, referrals, the sales ledger, licences, districts.</summary>
[Collection(LivelihoodsCollection.Name)]
public sealed class ProgrammeTests(LivelihoodsService livelihoods)
{
    [Fact]
    public async Task A_full_workshop_puts_the_next_woman_on_its_waiting_list_and_a_freed_place_goes_to_her()
    {
        using var partner = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        var (cohort, kitchen, _) = await partner.CohortAsync("gaziosmanpasa", capacity: 2);
        var first = await partner.WomanAsync("Ayşe Yılmaz", "gaziosmanpasa", cohort, kitchen);
        await partner.WomanAsync("Fatima Haddad", "gaziosmanpasa", cohort, kitchen);
        var third = await partner.WomanAsync("Zeynep Kaya", "gaziosmanpasa", cohort, kitchen);

        Assert.Equal("enrolled", first.GetProperty("status").GetString());
        Assert.Equal("waiting", third.GetProperty("status").GetString());
        var workshop = (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{cohort}")).GetProperty("workshops").EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == kitchen);
        Assert.Equal(2, workshop.GetProperty("enrolled").GetInt32());
        Assert.Equal(1, workshop.GetProperty("waiting").GetInt32());

        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{first.GetProperty("id")}/withdraw", new { })).StatusCode);
        (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{first.GetProperty("id")}/withdraw", new { reason = "Moved to another city" })).EnsureSuccessStatusCode();

        var promoted = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{third.GetProperty("id")}");
        Assert.Equal("enrolled", promoted.GetProperty("entrepreneur").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_referral_from_cases_delivered_twice_becomes_exactly_one_applicant_and_her_placement_answers_the_referral()
    {
        var referral = Guid.NewGuid();
        var code = "REF-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var made = new ReferralMade
        {
            ReferralId = referral, ReferenceCode = code, CaseId = Guid.NewGuid(), FromDistrict = "sultangazi", ToProgramme = "livelihoods", Category = "livelihoods",
            DueBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)), Recipients = [], MadeAt = DateTimeOffset.UtcNow,
            SealedApplicant = new SharedEnvelope(LivelihoodsService.SharingKey).Seal(new LivelihoodsApplicant
            {
                BeneficiaryId = Guid.NewGuid(), FullName = "Rania Khoury", Phone = "+90 555 010 20 30", District = "sultangazi", Languages = ["ar", "tr"],
            }, SharedEnvelope.ReferralContext(referral)),
        };
        await livelihoods.PublishAsync(made);
        await livelihoods.PublishAsync(made);   // a second copy, with a message id of its own

        using var partner = livelihoods.Partner("sultangazi-programme", "sultangazi");
        // Both copies handled (the inbox records each message id it consumed, the second one as a no-op).
        await Eventually.GetAsync(
            () => livelihoods.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer LIKE '%ReferralMade%'"), count => count >= 2, TimeSpan.FromSeconds(30), "both copies of the referral");
        Assert.Equal(1L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM entrepreneurs WHERE referral_id = $1", referral));
        var id = await livelihoods.ScalarAsync<Guid>("SELECT id FROM entrepreneurs WHERE referral_id = $1", referral);
        Assert.Equal(1L, await livelihoods.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'create' AND partner = $2", id, $"cases referral {code}"));
        var applicant = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{id}");
        Assert.Equal("Rania Khoury", applicant.GetProperty("fullName").GetString());
        Assert.Equal("applicant", applicant.GetProperty("entrepreneur").GetProperty("status").GetString());
        Assert.Equal(code, applicant.GetProperty("referralCode").GetString());

        var (cohort, _, sewing) = await partner.CohortAsync("sultangazi");
        (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{id}/enrol", new { cohortId = cohort, workshopId = sewing })).EnsureSuccessStatusCode();
        var answer = await livelihoods.ScalarAsync<string>("SELECT body::text FROM outbox_messages WHERE message_type LIKE '%ReferralAnswered%' AND body::text LIKE '%' || $1 || '%'", referral.ToString());
        Assert.Contains("\"accepted\"", answer);
        Assert.DoesNotContain("Rania", answer);
    }

    [Fact]
    public async Task Sales_and_reversals_add_up_in_the_summary_to_the_kurus()
    {
        using var partner = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        var (cohort, kitchen, _) = await partner.CohortAsync("gaziosmanpasa");
        var woman = (await partner.WomanAsync("Hatice Osman", "gaziosmanpasa", cohort, kitchen)).GetProperty("id").GetGuid();
        var product = (await (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/products", new { name = "Ev yapımı mantı", unit = "kg" })).CreatedAsync()).GetProperty("id").GetGuid();

        async Task<JsonElement> SellAsync(string on, decimal quantity, decimal price) =>
            await (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/sales", new { soldOn = on, productId = product, quantity, unitPrice = price, channel = "bazaar" })).CreatedAsync();
        await SellAsync("2026-03-02", 3, 33.33m);          // 99.99
        await SellAsync("2026-03-09", 1.5m, 180.25m);      // 270.375 -> 270.38 (to even)
        var mistake = await SellAsync("2026-03-16", 2, 450.10m);   // 900.20, then reversed
        await SellAsync("2026-04-01", 0.25m, 0.04m);       // 0.01
        var reversed = await (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/sales/{mistake.GetProperty("id")}/reverse", new { reason = "Entered twice" })).CreatedAsync();
        Assert.Equal(-900.20m, reversed.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/sales/{mistake.GetProperty("id")}/reverse", new { reason = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/sales/{reversed.GetProperty("id")}/reverse", new { reason = "undo" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/sales", new { soldOn = "2026-03-02", productId = product, quantity = 1, unitPrice = 10.005m, channel = "bazaar" })).StatusCode);

        var summary = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/cohorts/{cohort}/summary");
        var figures = summary.GetProperty("figures");
        Assert.Equal(370.38m, figures.GetProperty("sales").GetDecimal());
        var months = figures.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("period").GetString()!);
        Assert.Equal(370.37m, months["2026-03"].GetProperty("sales").GetDecimal());
        Assert.Equal(0.01m, months["2026-04"].GetProperty("sales").GetDecimal());
        Assert.Equal(1, months["2026-03"].GetProperty("firstSales").GetInt32());
        var ledger = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{woman}/sales");
        Assert.Equal(370.38m, ledger.GetProperty("net").GetDecimal());
        var csv = await partner.GetStringAsync($"/api/v1/cohorts/{cohort}/summary?format=csv");
        Assert.Contains("2026-03,1,370.37,1,370.37,1,0,", csv);
        Assert.Contains("total,1,370.38,", csv);
    }

    [Fact]
    public async Task The_licence_checklist_is_done_in_order_and_the_licence_needs_its_number()
    {
        using var partner = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        var woman = (await partner.WomanAsync("Meryem Ali", "gaziosmanpasa")).GetProperty("id").GetGuid();
        var municipality = LivelihoodsService.Municipality;
        Task<HttpResponseMessage> StepAsync(string step, string on, string? number = null) =>
            partner.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/licence/steps", new { step, completedOn = on, licenceNumber = number, supportingInstitutionId = municipality });

        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync("documents-submitted", "2026-04-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync("application-filed", "2026-04-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync("application-filed", "2026-04-02")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync("documents-submitted", "2026-04-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync("inspection-passed", "2026-04-05")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync("inspection-passed", "2026-04-20")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync("licence-granted", "2026-05-02")).StatusCode);
        var granted = await StepAsync("licence-granted", "2026-05-02", "GOP-2026-IYR-0007");

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var checklist = await granted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(checklist.EnumerateArray(), step => Assert.True(step.GetProperty("done").GetBoolean()));
        Assert.Equal("GOP-2026-IYR-0007", checklist[3].GetProperty("licenceNumber").GetString());
        var events = await livelihoods.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE aggregate_id = $1 AND (message_type LIKE '%LicenceGranted%' OR message_type LIKE '%MilestoneReached%')", woman);
        Assert.Equal(2L, events);
    }

    [Fact]
    public async Task Another_districts_partner_gets_404_and_her_details_are_sealed_and_audited()
    {
        using var gop = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        using var fatih = livelihoods.Partner("fatih-programme", "fatih");
        var (cohort, kitchen, _) = await gop.CohortAsync("gaziosmanpasa");
        var woman = (await gop.WomanAsync("Şeyma Halil", "gaziosmanpasa", cohort, kitchen, email: "seyma.halil@example.org")).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await fatih.GetAsync($"/api/v1/entrepreneurs/{woman}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fatih.GetAsync($"/api/v1/cohorts/{cohort}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fatih.GetAsync($"/api/v1/cohorts/{cohort}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fatih.GetAsync($"/api/v1/entrepreneurs/{woman}/sales")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fatih.PostAsJsonAsync($"/api/v1/entrepreneurs/{woman}/withdraw", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fatih.PostAsJsonAsync("/api/v1/entrepreneurs", new { fullName = "X", district = "gaziosmanpasa", language = "tr" })).StatusCode);

        await gop.GetAsync($"/api/v1/entrepreneurs/{woman}");
        var dump = await livelihoods.ScalarAsync<string>("SELECT string_agg(t, E'\\n') FROM (SELECT e::text AS t FROM entrepreneurs e UNION ALL SELECT o::text FROM outbox_messages o UNION ALL SELECT a::text FROM audit_log a) rows");
        foreach (var secret in new[] { "Şeyma", "Halil", "seyma.halil", "533 444" }) Assert.DoesNotContain(secret, dump, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'read' AND partner = 'gop-programme'", woman));
    }

    [Fact]
    public async Task Scheduling_a_training_seals_the_invited_womens_names_and_emails_for_notifications()
    {
        using var partner = livelihoods.Partner("gop-programme", "gaziosmanpasa");
        var (cohort, kitchen, sewing) = await partner.CohortAsync("gaziosmanpasa");
        await partner.WomanAsync("Aisha Darwish", "gaziosmanpasa", cohort, kitchen, "ar", "aisha.darwish@example.org");
        await partner.WomanAsync("Elif Karaca", "gaziosmanpasa", cohort, sewing, "tr", "elif.karaca@example.org");
        await partner.WomanAsync("Leyla Mansur", "gaziosmanpasa", cohort, sewing, "tr");

        var training = await (await partner.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/trainings", new
        {
            topic = "computer", title = "Bilgisayar kullanımı", startsAt = "2026-12-15T10:00:00+03:00", endsAt = "2026-12-15T13:00:00+03:00", location = "Kadın merkezi",
        })).CreatedAsync();
        Assert.Equal(3, training.GetProperty("invited").GetInt32());

        var body = await livelihoods.ScalarAsync<string>("SELECT body::text FROM outbox_messages WHERE aggregate_id = $1", training.GetProperty("id").GetGuid());
        Assert.DoesNotContain("aisha.darwish", body);
        var sealedInvitees = JsonDocument.Parse(body).RootElement.GetProperty("sealedInvitees").GetString()!;
        var invitees = new SharedEnvelope(LivelihoodsService.NotificationsSharingKey).Open<List<TrainingInvitee>>(sealedInvitees, SharedEnvelope.TrainingContext(training.GetProperty("id").GetGuid()));
        Assert.Equal(["aisha.darwish@example.org:ar", "elif.karaca@example.org:tr"], invitees.Select(i => $"{i.Email}:{i.Language}").Order());
        // Sealed for notifications alone: the secret livelihoods shares with cases does not open it.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => new SharedEnvelope(LivelihoodsService.SharingKey)
            .Open<List<TrainingInvitee>>(sealedInvitees, SharedEnvelope.TrainingContext(training.GetProperty("id").GetGuid())));

        var present = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs?cohortId={cohort}&status=enrolled");
        var someone = present.GetProperty("items")[0].GetProperty("id").GetGuid();
        var attendance = await partner.PutAsJsonAsync($"/api/v1/trainings/{training.GetProperty("id")}/attendance", new { present = new[] { someone } });
        Assert.Equal(1, (await attendance.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("present").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await partner.PutAsJsonAsync($"/api/v1/trainings/{training.GetProperty("id")}/attendance", new { present = new[] { Guid.NewGuid() } })).StatusCode);
    }
}
