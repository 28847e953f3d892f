using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>Households: one per person at a time, one head at most, a desk's districts only, and household aid checked across members.</summary>
[Collection(CasesCollection.Name)]
public sealed class HouseholdTests(CasesService cases)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<Guid> PersonAsync(HttpClient desk, string name, string district = "umraniye") =>
        await desk.RegisterAsync(Casework.Person(name, CasesService.NewForeignerId(), $"19{Random.Shared.Next(40, 99)}-0{Random.Shared.Next(1, 9)}-1{Random.Shared.Next(0, 9)}", district, "service-delivery"));

    private static Task<HttpResponseMessage> FormAsync(HttpClient desk, string district, params (Guid Id, string Relationship)[] members) =>
        desk.PostAsJsonAsync("/api/v1/households", new { district, members = members.Select(m => new { beneficiaryId = m.Id, relationship = m.Relationship }) });

    [Fact]
    public async Task A_household_is_formed_read_with_its_members_and_changed_by_adding_and_removing_members()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var (mother, son, grandmother) = (await PersonAsync(desk, "Samira Haddad"), await PersonAsync(desk, "Omar Haddad"), await PersonAsync(desk, "Zahra Haddad"));

        var formed = await (await FormAsync(desk, "umraniye", (mother, "head"), (son, "child"))).CreatedAsync();
        var id = formed.GetProperty("id").GetGuid();
        Assert.Matches("^HH-[0-9A-Z]{8}$", formed.GetProperty("referenceCode").GetString()!);

        await (await desk.PostAsJsonAsync($"/api/v1/households/{id}/members", new { beneficiaryId = grandmother, relationship = "parent" })).CreatedAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await desk.DeleteAsync($"/api/v1/households/{id}/members/{son}")).StatusCode);
        await (await desk.DeleteAsync($"/api/v1/households/{id}/members/{son}")).AssertProblemAsync(404);

        var read = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");
        var members = read.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("beneficiaryId").GetGuid(), m.GetProperty("relationship").GetString())).ToList();
        Assert.Equal([(mother, "head"), (grandmother, "parent")], members);
        Assert.Equal("umraniye", read.GetProperty("district").GetString());

        // Who lives with whom was read: it is in each member's audit log.
        var audit = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={grandmother}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "read" && e.GetProperty("what").GetString() == "household");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "update" && e.GetProperty("what").GetString() == "household");
    }

    [Fact]
    public async Task A_person_belongs_to_one_household_at_a_time_and_may_join_another_once_removed()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var (a, b, c) = (await PersonAsync(desk, "Yara Saleh"), await PersonAsync(desk, "Adnan Saleh"), await PersonAsync(desk, "Karim Saleh"));
        var first = await (await FormAsync(desk, "umraniye", (a, "head"), (b, "spouse"))).CreatedIdAsync();

        var formedAgain = await FormAsync(desk, "umraniye", (c, "head"), (b, "spouse"));
        Assert.Contains("one household at a time", (await formedAgain.AssertProblemAsync(409)).GetProperty("detail").GetString());
        var second = await (await FormAsync(desk, "umraniye", (c, "head"))).CreatedIdAsync();
        await (await desk.PostAsJsonAsync($"/api/v1/households/{second}/members", new { beneficiaryId = b, relationship = "sibling" })).AssertProblemAsync(409);
        await (await desk.PostAsJsonAsync($"/api/v1/households/{first}/members", new { beneficiaryId = b, relationship = "sibling" })).AssertProblemAsync(409);

        (await desk.DeleteAsync($"/api/v1/households/{first}/members/{b}")).EnsureSuccessStatusCode();
        await (await desk.PostAsJsonAsync($"/api/v1/households/{second}/members", new { beneficiaryId = b, relationship = "sibling" })).CreatedAsync();
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM household_members WHERE beneficiary_id = $1", b));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_household_for_a_person_and_a_second_head_so_concurrent_adds_cannot_both_win()
    {
        using var desk = cases.Desk("umraniye-desk", "umraniye");
        var (a, b, shared) = (await PersonAsync(desk, "Rima Odeh"), await PersonAsync(desk, "Tarek Odeh"), await PersonAsync(desk, "Hala Odeh"));
        var first = await (await FormAsync(desk, "umraniye", (a, "head"))).CreatedIdAsync();
        var second = await (await FormAsync(desk, "umraniye", (b, "head"))).CreatedIdAsync();

        var adds = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            desk.PostAsJsonAsync($"/api/v1/households/{(i % 2 == 0 ? first : second)}/members", new { beneficiaryId = shared, relationship = "other" })));

        Assert.Single(adds, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(adds.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM household_members WHERE beneficiary_id = $1", shared));
        Assert.Equal(2L, await cases.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE tablename = 'household_members' AND indexdef LIKE 'CREATE UNIQUE INDEX%'"
            + " AND (indexname = 'ix_household_members_beneficiary_id' OR indexname = 'ix_household_members_one_head')"));
    }

    [Fact]
    public async Task A_household_has_one_head_at_most_and_its_members_must_be_people_of_the_desks_districts()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var (a, b) = (await PersonAsync(umraniye, "Nadia Farah"), await PersonAsync(umraniye, "Walid Farah"));
        var elsewhere = await PersonAsync(fatih, "Sami Farah", "fatih");

        var twoHeads = await FormAsync(umraniye, "umraniye", (a, "head"), (b, "head"));
        Assert.True((await twoHeads.AssertProblemAsync(400)).GetProperty("errors").TryGetProperty("members", out _));
        var id = await (await FormAsync(umraniye, "umraniye", (a, "head"))).CreatedIdAsync();
        Assert.Contains("one head", (await (await umraniye.PostAsJsonAsync($"/api/v1/households/{id}/members", new { beneficiaryId = b, relationship = "head" })).AssertProblemAsync(409)).GetProperty("detail").GetString());

        await (await umraniye.PostAsJsonAsync($"/api/v1/households/{id}/members", new { beneficiaryId = elsewhere, relationship = "child" })).AssertProblemAsync(422);
        await (await umraniye.PostAsJsonAsync($"/api/v1/households/{id}/members", new { beneficiaryId = Guid.NewGuid(), relationship = "child" })).AssertProblemAsync(422);
        var invalid = await umraniye.PostAsJsonAsync("/api/v1/households", new { district = "atlantis", members = new[] { new { beneficiaryId = (Guid?)null, relationship = "cousin" } } });
        var errors = (await invalid.AssertProblemAsync(400)).GetProperty("errors");
        foreach (var field in new[] { "district", "members[0].beneficiaryId", "members[0].relationship" }) Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        await (await umraniye.PostAsJsonAsync("/api/v1/households", new { district = "umraniye", members = Array.Empty<object>() })).AssertProblemAsync(400);
        await (await FormAsync(umraniye, "fatih", (b, "head"))).AssertProblemAsync(403);
    }

    [Fact]
    public async Task Another_districts_desk_gets_404_for_the_household_and_its_members()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var fatih = cases.Desk("fatih-desk", "fatih");
        var a = await PersonAsync(umraniye, "Mona Sabbagh");
        var id = await (await FormAsync(umraniye, "umraniye", (a, "head"))).CreatedIdAsync();
        var other = await PersonAsync(fatih, "Fadi Sabbagh", "fatih");

        await (await fatih.GetAsync($"/api/v1/households/{id}")).AssertProblemAsync(404);
        await (await fatih.PostAsJsonAsync($"/api/v1/households/{id}/members", new { beneficiaryId = other, relationship = "child" })).AssertProblemAsync(404);
        await (await fatih.DeleteAsync($"/api/v1/households/{id}/members/{a}")).AssertProblemAsync(404);
        await (await umraniye.GetAsync($"/api/v1/households/{Guid.NewGuid()}")).AssertProblemAsync(404);
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM household_members WHERE household_id = $1", id));
    }

    [Fact]
    public async Task Household_aid_given_to_another_member_is_flagged_without_naming_them_and_individual_aid_is_not()
    {
        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var gaziosmanpasa = cases.Desk("gaziosmanpasa-desk", "gaziosmanpasa");
        var municipality = await cases.InstitutionAsync("Ümraniye Belediyesi", "umraniye");
        var ngo = await cases.InstitutionAsync("Gaziosmanpaşa Dayanışma Derneği", "gaziosmanpasa");
        var husbandNumber = CasesService.NewForeignerId();
        var wife = await PersonAsync(umraniye, "Reem Abbas");
        var husband = await umraniye.RegisterAsync(Casework.Person("Bassam Abbas", husbandNumber, "1980-05-05", "umraniye", "service-delivery"));
        await (await FormAsync(umraniye, "umraniye", (husband, "head"), (wife, "spouse"))).CreatedAsync();
        var wifeCase = await umraniye.OpenCaseAsync(wife, "umraniye", "food-support", "health");
        await (await umraniye.RecordServiceAsync(wifeCase, "food-support", municipality, Today.AddDays(-4), 2000m)).CreatedAsync();
        await (await umraniye.RecordServiceAsync(wifeCase, "health", municipality, Today.AddDays(-4))).CreatedAsync();

        // The husband asks another desk for food support: his household had it four days ago.
        var check = await gaziosmanpasa.PostAsJsonAsync("/api/v1/duplicate-checks", new { foreignerIdNumber = husbandNumber, category = "food-support" });
        var body = await check.Content.ReadAsStringAsync();
        var match = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal("household", match.GetProperty("matchedBy").GetString());
        Assert.Equal("umraniye", match.GetProperty("district").GetString());
        Assert.Equal(Today.AddDays(-4).ToString("yyyy-MM-dd"), match.GetProperty("deliveredOn").GetString());
        foreach (var personal in new[] { "Reem", "Abbas", wife.ToString(), husband.ToString(), husbandNumber }) Assert.DoesNotContain(personal, body);
        var audit = await umraniye.GetFromJsonAsync<JsonElement>($"/api/v1/audit?beneficiaryId={wife}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "match" && e.GetProperty("partner").GetString() == "gaziosmanpasa-desk");

        // Health care is the person's own: the wife's does not make the husband's a duplicate.
        var health = await gaziosmanpasa.PostAsJsonAsync("/api/v1/duplicate-checks", new { foreignerIdNumber = husbandNumber, category = "health" });
        Assert.Empty((await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").EnumerateArray());

        // Recording it on his case at another desk warns the same way.
        var gopHusband = await gaziosmanpasa.RegisterAsync(Casework.Person("Bassam Abbas", husbandNumber, "1980-05-05", "gaziosmanpasa", "service-delivery"));
        var recorded = await (await gaziosmanpasa.RecordServiceAsync(await gaziosmanpasa.OpenCaseAsync(gopHusband, "gaziosmanpasa", "food-support"), "food-support", ngo, Today, 1500m)).CreatedAsync();
        Assert.Equal("household", Assert.Single(recorded.GetProperty("warnings").EnumerateArray()).GetProperty("matchedBy").GetString());
    }
}
