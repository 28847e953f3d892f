using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>Notes on a case: shown to the district's partners, a confidential one only to the institution that wrote it.</summary>
[Collection(CasesCollection.Name)]
public sealed class CaseNotesTests(CasesService cases)
{
    private static async Task<List<string>> NoteTextsAsync(HttpClient partner, Guid @case) =>
        (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{@case}")).GetProperty("notes").EnumerateArray()
            .Select(n => n.GetProperty("text").GetString()!).ToList();

    [Fact]
    public async Task A_confidential_note_is_shown_to_the_institution_that_wrote_it_and_to_no_other_partner_of_the_district()
    {
        var (deskA, deskB) = (Guid.NewGuid(), Guid.NewGuid());
        using var writer = cases.Desk("umraniye-desk", deskA, "umraniye");
        using var colleague = cases.Desk("umraniye-desk-tablet", deskA, "umraniye");
        using var neighbour = cases.Desk("umraniye-ngo", deskB, "umraniye");
        using var cityWide = cases.Desk("city-coordination");
        var person = await writer.RegisterAsync(Casework.Person("Leyla Mansour", CasesService.NewForeignerId(), "1987-07-07", "umraniye", "service-delivery"));
        var @case = await writer.OpenCaseAsync(person, "umraniye", "psychosocial-support");

        var written = await (await writer.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "Eşinden şiddet gördüğünü anlattı", confidential = true })).CreatedAsync();
        Assert.Equal("Eşinden şiddet gördüğünü anlattı", written.GetProperty("text").GetString());
        Assert.True(written.GetProperty("confidential").GetBoolean());
        Assert.Equal(deskA.ToString(), written.GetProperty("writtenByInstitution").GetString());
        await (await writer.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "Psikolojik destek randevusu verildi", confidential = false })).CreatedAsync();

        Assert.Equal(new[] { "Eşinden şiddet gördüğünü anlattı", "Psikolojik destek randevusu verildi" }, await NoteTextsAsync(writer, @case));
        Assert.Equal(new[] { "Eşinden şiddet gördüğünü anlattı", "Psikolojik destek randevusu verildi" }, await NoteTextsAsync(colleague, @case));
        // Another institution of the same district, and a city-wide partner, see the case and its ordinary note only.
        Assert.Equal(new[] { "Psikolojik destek randevusu verildi" }, await NoteTextsAsync(neighbour, @case));
        Assert.Equal(new[] { "Psikolojik destek randevusu verildi" }, await NoteTextsAsync(cityWide, @case));
    }

    [Fact]
    public async Task A_partner_without_an_institution_sees_only_the_confidential_notes_its_own_client_wrote()
    {
        using var institutionDesk = cases.Desk("umraniye-desk", Guid.NewGuid(), "umraniye");
        using var unnamed = cases.Desk("umraniye-volunteers", "umraniye");
        using var otherUnnamed = cases.Desk("umraniye-interpreters", "umraniye");
        var person = await institutionDesk.RegisterAsync(Casework.Person("Dilan Rashid", CasesService.NewForeignerId(), "1993-03-13", "umraniye", "service-delivery"));
        var @case = await institutionDesk.OpenCaseAsync(person, "umraniye", "interpretation");
        await (await institutionDesk.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "Masanın gizli notu", confidential = true })).CreatedAsync();
        await (await unnamed.PostAsJsonAsync($"/api/v1/cases/{@case}/notes", new { text = "Gönüllülerin gizli notu", confidential = true })).CreatedAsync();

        Assert.Equal(new[] { "Gönüllülerin gizli notu" }, await NoteTextsAsync(unnamed, @case));
        // No institution on either side is no match: the other unnamed partner sees neither.
        Assert.Empty(await NoteTextsAsync(otherUnnamed, @case));
        Assert.Equal(new[] { "Masanın gizli notu" }, await NoteTextsAsync(institutionDesk, @case));
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM case_notes WHERE case_id = $1 AND written_by_institution IS NULL", @case));
    }
}
