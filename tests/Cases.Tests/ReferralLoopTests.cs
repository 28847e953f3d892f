using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cases.Referrals;

namespace Platform.Cases.Tests;

/// <summary>
/// The loop closed: an unanswered referral reminds the receiving institution once, and each answer is
/// emailed to the referring desk's focal points, with the reference code and the outcome, never the person.
/// </summary>
[Collection(CasesCollection.Name)]
public sealed class ReferralLoopTests(CasesService cases)
{
    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd");

    private async Task<(Guid Referral, Guid Institution)> ReferralAsync(HttpClient desk, string district, string name, string reason)
    {
        var institution = await cases.InstitutionAsync($"{district} Aile Danışma Merkezi", district, ("Elif Kaya", $"elif.{Guid.NewGuid():N}@adm.example.org", "tr"), ("رامي صالح", $"rami.{Guid.NewGuid():N}@adm.example.org", "ar"));
        var person = await desk.RegisterAsync(Casework.Person(name, CasesService.NewForeignerId(), "1988-08-08", district, "service-delivery", "referral"));
        var @case = await desk.OpenCaseAsync(person, district, "psychosocial-support");
        var referral = await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals",
            new { toInstitutionId = institution, category = "psychosocial-support", reason, dueBy = InDays(2) })).CreatedIdAsync();
        return (referral, institution);
    }

    private async Task<List<JsonElement>> EventsAsync(Guid referral, string type) =>
        (await cases.EventsOfAsync(referral)).Where(e => e.Type == type).Select(e => e.Body).ToList();

    [Fact]
    public async Task An_overdue_referral_reminds_the_receiving_institution_once_in_each_focal_points_language_even_after_a_restart()
    {
        using var desk = cases.Desk("sisli-desk", "sisli");
        var (referral, institution) = await ReferralAsync(desk, "sisli", "Zeynab Ahmad", "Zeynab Ahmad travma sonrası destek");
        var reminders = cases.Services.GetRequiredService<OverdueReferralReminders>();
        await reminders.RemindAsync(CancellationToken.None);
        Assert.Empty(await EventsAsync(referral, "ReferralOverdue"));

        // Time passes: the due date is now two days ago.
        await cases.ExecuteAsync("UPDATE referrals SET due_by = current_date - 2 WHERE id = $1", referral);
        await reminders.RemindAsync(CancellationToken.None);
        await reminders.RemindAsync(CancellationToken.None);
        // A restarted service starts from what the database says.
        await ActivatorUtilities.CreateInstance<OverdueReferralReminders>(cases.Services).RemindAsync(CancellationToken.None);

        var reminder = Assert.Single(await EventsAsync(referral, "ReferralOverdue"));
        Assert.Equal(institution, reminder.GetProperty("toInstitutionId").GetGuid());
        Assert.Matches("^REF-", reminder.GetProperty("referenceCode").GetString()!);
        Assert.Equal(new[] { "ar", "tr" }, reminder.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("language").GetString()).Order());
        Assert.DoesNotContain("Zeynab", reminder.GetRawText());
        Assert.DoesNotContain("travma", reminder.GetRawText());
        Assert.True(await cases.ScalarAsync<bool>("SELECT reminder_sent_at IS NOT NULL FROM referrals WHERE id = $1", referral));
        Assert.True((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referral}")).GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_referral_answered_before_the_check_is_not_reminded()
    {
        using var desk = cases.Desk("sisli-desk", "sisli");
        var (referral, institution) = await ReferralAsync(desk, "sisli", "Salma Idris", "Aile danışmanlığı");
        using (var centre = cases.Institution(institution)) (await centre.PostAsync($"/api/v1/referrals/{referral}/accept", null)).EnsureSuccessStatusCode();
        await cases.ExecuteAsync("UPDATE referrals SET due_by = current_date - 2 WHERE id = $1", referral);

        await cases.Services.GetRequiredService<OverdueReferralReminders>().RemindAsync(CancellationToken.None);

        Assert.Empty(await EventsAsync(referral, "ReferralOverdue"));
    }

    [Fact]
    public async Task Each_answer_reaches_the_broker_for_the_referring_institutions_focal_points_with_the_code_and_outcome_and_never_the_person()
    {
        await using var broker = await BrokerQueue.BindAsync(cases.Broker, "ReferralAnswered");
        var deskInstitution = await cases.InstitutionAsync("Kadıköy Sosyal Hizmetler Masası", "kadikoy", ("Ayşe Demir", "ayse.demir@kadikoy-masa.example.org", "tr"));
        using var desk = cases.Desk("kadikoy-desk", deskInstitution, "kadikoy");
        const string reason = "Fatma Yılmaz boşanma sürecinde";
        var (referral, institution) = await ReferralAsync(desk, "kadikoy", "Fatma Yılmaz", reason);
        using var centre = cases.Institution(institution);

        (await centre.PostAsync($"/api/v1/referrals/{referral}/accept", null)).EnsureSuccessStatusCode();
        (await centre.PostAsJsonAsync($"/api/v1/referrals/{referral}/decline", new { reason = "Fatma Hanım'ın eşi de danışanımız: çıkar çatışması" })).EnsureSuccessStatusCode();

        var accepted = await broker.NextAsync(m => m.GetProperty("referralId").GetGuid() == referral && m.GetProperty("outcome").GetString() == "accepted", "acceptance");
        var declined = await broker.NextAsync(m => m.GetProperty("referralId").GetGuid() == referral && m.GetProperty("outcome").GetString() == "declined", "decline");
        foreach (var answer in new[] { accepted, declined })
        {
            var recipient = Assert.Single(answer.GetProperty("recipients").EnumerateArray());
            Assert.Equal("ayse.demir@kadikoy-masa.example.org", recipient.GetProperty("email").GetString());
            Assert.Equal("tr", recipient.GetProperty("language").GetString());
            Assert.Matches("^REF-", answer.GetProperty("referenceCode").GetString()!);
            Assert.Equal("kadikoy Aile Danışma Merkezi", answer.GetProperty("toInstitutionName").GetString());
            Assert.DoesNotContain("Fatma", answer.GetRawText());
            Assert.DoesNotContain("çatışması", answer.GetRawText());
        }
    }

    [Fact]
    public async Task A_desk_that_acts_for_no_institution_of_the_directory_hears_the_answer_through_its_districts_desk()
    {
        await cases.InstitutionAsync("Pendik Belediyesi", "pendik", ("Belediye Santral", "santral@pendik-belediye.example.org", "tr"));
        await cases.InstitutionAsync("Pendik Sosyal Koruma Masası", "pendik", ("Hasan Koç", "hasan.koc@pendik-masa.example.org", "tr"), ("ليلى حسن", "leyla.hasan@pendik-masa.example.org", "ar"));
        using var desk = cases.Desk("pendik-desk", "pendik");
        var (referral, institution) = await ReferralAsync(desk, "pendik", "Omar Faris", "Destek");
        using var centre = cases.Institution(institution);

        (await centre.PostAsJsonAsync($"/api/v1/referrals/{referral}/complete", new { outcome = "Altı seans tamamlandı" })).EnsureSuccessStatusCode();

        var answer = Assert.Single(await EventsAsync(referral, "ReferralAnswered"));
        Assert.Equal("completed", answer.GetProperty("outcome").GetString());
        Assert.Equal(new[] { "hasan.koc@pendik-masa.example.org", "leyla.hasan@pendik-masa.example.org" },
            answer.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("email").GetString()).Order());
        Assert.DoesNotContain("seans", answer.GetRawText());
    }
}
