using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>
/// A case moving between desks: requested by the holding desk, accepted or declined by the receiving one;
/// accepted, the case and the person move, the history says who held it when, and the sending desk keeps
/// only the services it recorded.
/// </summary>
[Collection(CasesCollection.Name)]
public sealed class CaseTransferTests(CasesService cases)
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    private async Task<(Guid Person, Guid Case, Guid Provider)> HeldCaseAsync(HttpClient desk, string district, string name, string? reasonNote = null)
    {
        var provider = await cases.InstitutionAsync($"{district} Belediyesi Sosyal Yardım", district);
        var person = await desk.RegisterAsync(Casework.Person(name, CasesService.NewForeignerId(), "1987-03-03", district, "service-delivery", "referral"));
        var @case = await desk.OpenCaseAsync(person, district, "food-support", "legal-aid");
        await (await desk.RecordServiceAsync(@case, "food-support", provider, Yesterday, amount: 750m)).CreatedAsync();
        (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = reasonNote ?? $"{name} ile görüşüldü", confidential = false })).EnsureSuccessStatusCode();
        return (person, @case, provider);
    }

    private static Task<HttpResponseMessage> TransferAsync(HttpClient desk, Guid @case, string toDistrict, string reason = "Ailesiyle birlikte Avcılar'a taşındı", Guid? toInstitutionId = null) =>
        desk.PostAsJsonAsync($"/api/v1/cases/{@case}/transfer", new { toDistrict, toInstitutionId, reason });

    private Task<long> AuditAsync(Guid person, string action, string what, Guid record) =>
        cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = $2 AND what = $3 AND record_id = $4", person, action, what, record);

    [Fact]
    public async Task An_accepted_transfer_moves_the_case_and_the_person_and_the_history_says_who_held_it_when()
    {
        using var esenyurt = cases.Desk("esenyurt-desk", "esenyurt");
        using var avcilar = cases.Desk("avcilar-desk", "avcilar");
        var (person, @case, provider) = await HeldCaseAsync(esenyurt, "esenyurt", "Huda Ramadan");

        var requested = await TransferAsync(esenyurt, @case, "avcilar", "Huda Ramadan eşinden ayrıldı, Avcılar'daki ablasının yanına taşındı");
        var transfer = await requested.CreatedAsync();
        var id = transfer.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/transfers/{id}", requested.Headers.Location?.OriginalString);
        Assert.Equal("pending", transfer.GetProperty("status").GetString());
        Assert.Matches("^TRF-[0-9A-Z]{8}$", transfer.GetProperty("referenceCode").GetString()!);
        Assert.Equal(("esenyurt", "avcilar"), (transfer.GetProperty("fromDistrict").GetString(), transfer.GetProperty("toDistrict").GetString()));
        Assert.Equal(1L, await AuditAsync(person, "transfer", "transfer", id));

        // Before it accepts, the receiving desk sees the transfer (audited), not the case or the person.
        var seen = await avcilar.GetFromJsonAsync<JsonElement>($"/api/v1/transfers/{id}");
        Assert.Contains("ablasının", seen.GetProperty("reason").GetString());
        Assert.Equal(new[] { "food-support", "legal-aid" }, seen.GetProperty("needs").EnumerateArray().Select(n => n.GetString()).Order());
        Assert.Equal(1L, await AuditAsync(person, "read", "transfer", id));
        Assert.Equal(HttpStatusCode.NotFound, (await avcilar.GetAsync($"/api/v1/cases/{@case}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await avcilar.GetAsync($"/api/v1/beneficiaries/{person}")).StatusCode);
        Assert.Contains((await avcilar.GetFromJsonAsync<JsonElement>("/api/v1/transfers?direction=incoming&status=pending&pageSize=100")).GetProperty("items").EnumerateArray(),
            t => t.GetProperty("id").GetGuid() == id);
        Assert.Contains((await esenyurt.GetFromJsonAsync<JsonElement>("/api/v1/transfers?direction=outgoing&pageSize=100")).GetProperty("items").EnumerateArray(),
            t => t.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain((await esenyurt.GetFromJsonAsync<JsonElement>("/api/v1/transfers?direction=incoming&pageSize=100")).GetProperty("items").EnumerateArray(),
            t => t.GetProperty("id").GetGuid() == id);

        var accepted = await avcilar.PostAsync($"/api/v1/transfers/{id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await (await avcilar.PostAsync($"/api/v1/transfers/{id}/accept", null)).AssertProblemAsync(409);
        Assert.Equal(1L, await AuditAsync(person, "accept", "transfer", id));
        Assert.Equal(1L, await AuditAsync(person, "update", "case", @case));

        // The receiving desk holds it all now: the case, its services and notes, the person.
        var held = await avcilar.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case}");
        Assert.Equal("holder", held.GetProperty("access").GetString());
        Assert.Equal("avcilar", held.GetProperty("case").GetProperty("district").GetString());
        var service = Assert.Single(held.GetProperty("services").EnumerateArray());
        Assert.Equal(("food-support", "esenyurt", "in-person"), (service.GetProperty("category").GetString(), service.GetProperty("district").GetString(), service.GetProperty("channel").GetString()));
        Assert.Single(held.GetProperty("notes").EnumerateArray());
        var custody = held.GetProperty("custody").EnumerateArray().ToList();
        Assert.Equal(2, custody.Count);
        Assert.Equal(("esenyurt", "esenyurt-desk"), (custody[0].GetProperty("district").GetString(), custody[0].GetProperty("heldBy").GetString()));
        Assert.Equal(("avcilar", "avcilar-desk"), (custody[1].GetProperty("district").GetString(), custody[1].GetProperty("heldBy").GetString()));
        Assert.Equal(custody[0].GetProperty("until").GetDateTimeOffset(), custody[1].GetProperty("from").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, custody[1].GetProperty("until").ValueKind);
        Assert.Equal(id, custody[1].GetProperty("transferId").GetGuid());
        Assert.Equal("avcilar", (await avcilar.GetFromJsonAsync<JsonElement>($"/api/v1/beneficiaries/{person}")).GetProperty("district").GetString());
        await (await avcilar.RecordServiceAsync(@case, "legal-aid", provider, Yesterday, subject: "family-law")).CreatedAsync();

        // The sending desk keeps the services it recorded, and loses the person.
        await (await esenyurt.GetAsync($"/api/v1/beneficiaries/{person}")).AssertProblemAsync(404);
        await (await esenyurt.GetAsync($"/api/v1/audit?beneficiaryId={person}")).AssertProblemAsync(404);
        var before = await AuditAsync(person, "read", "case", @case);
        var former = await esenyurt.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case}");
        Assert.Equal("former-holder", former.GetProperty("access").GetString());
        var recorded = Assert.Single(former.GetProperty("services").EnumerateArray());
        Assert.Equal(service.GetProperty("id").GetGuid(), recorded.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("notes").ValueKind);
        Assert.Empty(former.GetProperty("notes").EnumerateArray());
        Assert.Empty(former.GetProperty("referrals").EnumerateArray());
        Assert.Equal(2, former.GetProperty("custody").GetArrayLength());
        Assert.Equal(before + 1, await AuditAsync(person, "read", "case", @case));
        await (await esenyurt.RecordServiceAsync(@case, "health", provider, Yesterday)).AssertProblemAsync(404);
        await (await TransferAsync(esenyurt, @case, "fatih")).AssertProblemAsync(404);
        Assert.DoesNotContain((await esenyurt.GetFromJsonAsync<JsonElement>("/api/v1/cases?district=esenyurt&pageSize=100")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("id").GetGuid() == @case);

        // Both steps went out through the outbox, with ids, districts and codes only.
        var events = (await cases.EventsOfAsync(@case)).Where(e => e.Type.StartsWith("CaseTransfer", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "CaseTransferRequested", "CaseTransferAccepted" }, events.Select(e => e.Type));
        foreach (var (_, body) in events)
        {
            Assert.Equal(id, body.GetProperty("transferId").GetGuid());
            Assert.Equal("avcilar", body.GetProperty("toDistrict").GetString());
            Assert.DoesNotContain("Huda", body.GetRawText());
            Assert.DoesNotContain("ablası", body.GetRawText());
        }
    }

    [Fact]
    public async Task A_transfer_to_an_unknown_case_a_case_of_another_desk_the_same_district_or_a_case_already_waiting_is_refused()
    {
        using var esenyurt = cases.Desk("esenyurt-desk", "esenyurt");
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var (_, @case, _) = await HeldCaseAsync(esenyurt, "esenyurt", "Mariam Saleh");

        await (await TransferAsync(esenyurt, Guid.NewGuid(), "avcilar")).AssertProblemAsync(404);
        await (await TransferAsync(fatih, @case, "avcilar")).AssertProblemAsync(404);
        await (await TransferAsync(esenyurt, @case, "esenyurt")).AssertProblemAsync(422);
        var malformed = await (await esenyurt.PostAsJsonAsync($"/api/v1/cases/{@case}/transfer", new { toDistrict = "atlantis", reason = "" })).AssertProblemAsync(400);
        Assert.True(malformed.GetProperty("errors").TryGetProperty("toDistrict", out _));
        Assert.True(malformed.GetProperty("errors").TryGetProperty("reason", out _));
        await (await TransferAsync(esenyurt, @case, "avcilar", toInstitutionId: Guid.NewGuid())).AssertProblemAsync(422);
        var elsewhere = await cases.InstitutionAsync("Fatih Müftülüğü", "fatih");
        await (await TransferAsync(esenyurt, @case, "avcilar", toInstitutionId: elsewhere)).AssertProblemAsync(422);

        await (await TransferAsync(esenyurt, @case, "avcilar")).CreatedAsync();
        await (await TransferAsync(esenyurt, @case, "beylikduzu")).AssertProblemAsync(409);
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM case_transfers WHERE case_id = $1", @case));

        var (_, closed, _) = await HeldCaseAsync(esenyurt, "esenyurt", "Rima Aziz");
        (await esenyurt.PatchAsJsonAsync($"/api/v1/cases/{closed}", new { status = "closed" })).EnsureSuccessStatusCode();
        await (await TransferAsync(esenyurt, closed, "avcilar")).AssertProblemAsync(409);
    }

    [Fact]
    public async Task Only_the_receiving_desk_answers_a_transfer_and_a_named_institution_must_be_the_one_answering()
    {
        using var esenyurt = cases.Desk("esenyurt-desk", "esenyurt");
        using var stranger = cases.Desk("sariyer-desk", "sariyer");
        var receiving = await cases.InstitutionAsync("Beylikdüzü Sosyal Koruma Masası (devir)", "beylikduzu");
        using var otherInBeylikduzu = cases.Desk("beylikduzu-ngo", Guid.NewGuid(), "beylikduzu");
        using var receiver = cases.Desk("beylikduzu-desk", receiving, "beylikduzu");
        var (person, @case, _) = await HeldCaseAsync(esenyurt, "esenyurt", "Nisreen Halabi");
        var id = (await (await TransferAsync(esenyurt, @case, "beylikduzu", toInstitutionId: receiving)).CreatedAsync()).GetProperty("id").GetGuid();

        // Neither side of it: no such transfer. The sending side: not the receiver.
        await (await stranger.PostAsync($"/api/v1/transfers/{id}/accept", null)).AssertProblemAsync(404);
        await (await stranger.GetAsync($"/api/v1/transfers/{id}")).AssertProblemAsync(404);
        await (await otherInBeylikduzu.PostAsync($"/api/v1/transfers/{id}/accept", null)).AssertProblemAsync(404);
        await (await esenyurt.PostAsync($"/api/v1/transfers/{id}/accept", null)).AssertProblemAsync(403);
        await (await esenyurt.PostAsJsonAsync($"/api/v1/transfers/{id}/decline", new { reason = "vazgeçtik" })).AssertProblemAsync(403);
        await (await stranger.PostAsync($"/api/v1/transfers/{Guid.NewGuid()}/accept", null)).AssertProblemAsync(404);
        Assert.Equal("pending", await cases.ScalarAsync<string>("SELECT status FROM case_transfers WHERE id = $1", id));
        Assert.Equal("esenyurt", await cases.ScalarAsync<string>("SELECT district FROM beneficiaries WHERE id = $1", person));

        (await receiver.PostAsync($"/api/v1/transfers/{id}/accept", null)).EnsureSuccessStatusCode();
        var custody = (await receiver.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case}")).GetProperty("custody");
        Assert.Equal(receiving, custody[1].GetProperty("institutionId").GetGuid());
    }

    [Fact]
    public async Task A_declined_transfer_needs_a_reason_leaves_the_case_where_it_was_and_lets_the_desk_try_another()
    {
        using var esenyurt = cases.Desk("esenyurt-desk", "esenyurt");
        using var avcilar = cases.Desk("avcilar-desk", "avcilar");
        var (person, @case, _) = await HeldCaseAsync(esenyurt, "esenyurt", "Amal Darwish");
        var id = (await (await TransferAsync(esenyurt, @case, "avcilar")).CreatedAsync()).GetProperty("id").GetGuid();

        var noReason = await (await avcilar.PostAsJsonAsync($"/api/v1/transfers/{id}/decline", new { })).AssertProblemAsync(400);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var declined = await avcilar.PostAsJsonAsync($"/api/v1/transfers/{id}/decline", new { reason = "Adres Avcılar değil, Esenyurt sınırında kalıyor" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await (await avcilar.PostAsync($"/api/v1/transfers/{id}/accept", null)).AssertProblemAsync(409);
        Assert.Equal(1L, await AuditAsync(person, "decline", "transfer", id));

        var seen = await esenyurt.GetFromJsonAsync<JsonElement>($"/api/v1/transfers/{id}");
        Assert.Equal("declined", seen.GetProperty("status").GetString());
        Assert.Contains("sınırında", seen.GetProperty("declineReason").GetString());
        var still = await esenyurt.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case}");
        Assert.Equal(("esenyurt", "holder"), (still.GetProperty("case").GetProperty("district").GetString(), still.GetProperty("access").GetString()));
        Assert.Single(still.GetProperty("custody").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await esenyurt.GetAsync($"/api/v1/beneficiaries/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await avcilar.GetAsync($"/api/v1/cases/{@case}")).StatusCode);

        var declinedEvent = Assert.Single(await cases.EventsOfAsync(@case), e => e.Type == "CaseTransferDeclined").Body;
        Assert.Equal(id, declinedEvent.GetProperty("transferId").GetGuid());
        Assert.DoesNotContain("sınırında", declinedEvent.GetRawText());
        await (await TransferAsync(esenyurt, @case, "beylikduzu")).CreatedAsync();
    }

    [Fact]
    public async Task The_request_reaches_the_broker_for_the_receiving_districts_desk_focal_points_with_codes_and_never_the_person()
    {
        await using var broker = await BrokerQueue.BindAsync(cases.Broker, "CaseTransferRequested");
        await cases.InstitutionAsync("Silivri Belediyesi", "silivri", ("Belediye Santral", "santral@silivri-belediye.example.org", "tr"));
        await cases.InstitutionAsync("Silivri Sosyal Koruma Masası", "silivri", ("Derya Aksoy", "derya.aksoy@silivri-masa.example.org", "tr"), ("يوسف خليل", "yusuf.halil@silivri-masa.example.org", "ar"));
        using var esenyurt = cases.Desk("esenyurt-desk", "esenyurt");
        var (_, @case, _) = await HeldCaseAsync(esenyurt, "esenyurt", "Lina Barakat");
        var id = (await (await TransferAsync(esenyurt, @case, "silivri", "Lina Barakat Silivri'deki kardeşinin yanına gitti")).CreatedAsync()).GetProperty("id").GetGuid();

        var requested = await broker.NextAsync(m => m.GetProperty("transferId").GetGuid() == id, "transfer request");
        Assert.Equal(new[] { "derya.aksoy@silivri-masa.example.org", "yusuf.halil@silivri-masa.example.org" },
            requested.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("email").GetString()).Order());
        Assert.Equal("Silivri Sosyal Koruma Masası", requested.GetProperty("toInstitutionName").GetString());
        Assert.Matches("^TRF-", requested.GetProperty("referenceCode").GetString()!);
        Assert.Matches("^CASE-", requested.GetProperty("caseReference").GetString()!);
        Assert.Equal(("esenyurt", "silivri"), (requested.GetProperty("fromDistrict").GetString(), requested.GetProperty("toDistrict").GetString()));
        Assert.DoesNotContain("Lina", requested.GetRawText());
        Assert.DoesNotContain("kardeş", requested.GetRawText());
    }

    [Fact]
    public async Task Accepted_and_declined_transfers_reach_the_broker()
    {
        await using var broker = await BrokerQueue.BindAsync(cases.Broker, "CaseTransferAccepted", "CaseTransferDeclined");
        using var esenyurt = cases.Desk("esenyurt-desk", "esenyurt");
        using var catalca = cases.Desk("catalca-desk", "catalca");
        var (_, first, _) = await HeldCaseAsync(esenyurt, "esenyurt", "Sana Kurdi");
        var (_, second, _) = await HeldCaseAsync(esenyurt, "esenyurt", "Dima Nasr");
        var accept = (await (await TransferAsync(esenyurt, first, "catalca")).CreatedAsync()).GetProperty("id").GetGuid();
        var decline = (await (await TransferAsync(esenyurt, second, "catalca")).CreatedAsync()).GetProperty("id").GetGuid();

        (await catalca.PostAsync($"/api/v1/transfers/{accept}/accept", null)).EnsureSuccessStatusCode();
        (await catalca.PostAsJsonAsync($"/api/v1/transfers/{decline}/decline", new { reason = "Kapasitemiz dolu" })).EnsureSuccessStatusCode();

        var accepted = await broker.NextAsync(m => m.GetProperty("transferId").GetGuid() == accept, "acceptance");
        Assert.Equal(first, accepted.GetProperty("caseId").GetGuid());
        Assert.Equal("catalca", accepted.GetProperty("toDistrict").GetString());
        var declined = await broker.NextAsync(m => m.GetProperty("transferId").GetGuid() == decline, "decline");
        Assert.Equal(second, declined.GetProperty("caseId").GetGuid());
        Assert.DoesNotContain("Kapasite", declined.GetRawText());
    }
}
