using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Cases.Tests;

/// <summary>The data-sharing consent decides whether a referral to livelihoods carries the person's name and phone.</summary>
[Collection(CasesCollection.Name)]
public sealed class DataSharingConsentTests(CasesService cases)
{
    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days)).ToString("yyyy-MM-dd");

    private static async Task<Guid> ReferToLivelihoodsAsync(HttpClient desk, Guid person)
    {
        var @case = await desk.OpenCaseAsync(person, "arnavutkoy", "livelihoods");
        return (await (await desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new { toProgramme = "livelihoods", category = "livelihoods", reason = "Aşçılık kursu", dueBy = InDays(10) }))
            .CreatedAsync()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> ReferralMadeAsync(Guid referral) =>
        Assert.Single(await cases.EventsOfAsync(referral), e => e.Type.EndsWith("ReferralMade", StringComparison.Ordinal)).Body;

    [Fact]
    public async Task A_referral_to_livelihoods_carries_contact_details_only_with_data_sharing_consent_and_only_then_is_a_share_audited()
    {
        using var desk = cases.Desk("arnavutkoy-desk", "arnavutkoy");
        var withholding = await desk.RegisterAsync(Casework.Person("Ghada Aziz", CasesService.NewForeignerId(), "1992-05-05", "arnavutkoy", "service-delivery", "referral"));
        var sharing = await desk.RegisterAsync(Casework.Person("Amal Tahan", CasesService.NewForeignerId(), "1994-03-03", "arnavutkoy", "service-delivery", "referral", "data-sharing"));

        var withheld = await ReferralMadeAsync(await ReferToLivelihoodsAsync(desk, withholding));
        var shared = await ReferralMadeAsync(await ReferToLivelihoodsAsync(desk, sharing));

        Assert.True(!withheld.TryGetProperty("sealedApplicant", out var none) || none.ValueKind == JsonValueKind.Null, "no consent, no contact details");
        Assert.Equal("arnavutkoy", withheld.GetProperty("fromDistrict").GetString());
        var applicant = new Platform.Security.Sharing.SharedEnvelope(CasesService.SharingKey).Open<Platform.Contracts.LivelihoodsApplicant>(
            shared.GetProperty("sealedApplicant").GetString()!, Platform.Security.Sharing.SharedEnvelope.ReferralContext(shared.GetProperty("referralId").GetGuid()));
        Assert.Equal("Amal Tahan", applicant.FullName);
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'share'", withholding));
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'share'", sharing));

        // Withdrawn, the consent stops the next referral carrying them.
        (await desk.PostAsync($"/api/v1/beneficiaries/{sharing}/consents/data-sharing/withdraw", null)).EnsureSuccessStatusCode();
        var afterWithdrawal = await ReferralMadeAsync(await ReferToLivelihoodsAsync(desk, sharing));
        Assert.True(!afterWithdrawal.TryGetProperty("sealedApplicant", out var gone) || gone.ValueKind == JsonValueKind.Null, "consent withdrawn, no contact details");
    }
}
