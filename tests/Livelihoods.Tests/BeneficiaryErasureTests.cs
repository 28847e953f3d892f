using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;
using Platform.Security.Sharing;
using Platform.Testing;

namespace Platform.Livelihoods.Tests;

/// <summary>A person erased at a desk is erased here too: the applicant her referral made keeps no readable detail.</summary>
[Collection(LivelihoodsCollection.Name)]
public sealed class BeneficiaryErasureTests(LivelihoodsService livelihoods)
{
    [Fact]
    public async Task An_erased_beneficiary_leaves_her_referred_applicant_without_name_or_phone()
    {
        var referral = Guid.NewGuid();
        var beneficiary = Guid.NewGuid();
        await livelihoods.PublishAsync(new ReferralMade
        {
            ReferralId = referral, ReferenceCode = "REF-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), CaseId = Guid.NewGuid(), FromDistrict = "esenler",
            ToProgramme = "livelihoods", Category = "livelihoods", DueBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)), Recipients = [], MadeAt = DateTimeOffset.UtcNow,
            SealedApplicant = new SharedEnvelope(LivelihoodsService.SharingKey).Seal(new LivelihoodsApplicant
            {
                BeneficiaryId = beneficiary, FullName = "Lubna Haddadin", Phone = "+90 555 777 88 99", District = "esenler", Languages = ["ar"],
            }, SharedEnvelope.ReferralContext(referral)),
        });
        await Eventually.GetAsync(() => livelihoods.ScalarAsync<long>("SELECT count(*) FROM entrepreneurs WHERE referral_id = $1", referral), count => count > 0,
            TimeSpan.FromSeconds(30), "the referral to become an applicant");
        var id = await livelihoods.ScalarAsync<Guid>("SELECT id FROM entrepreneurs WHERE referral_id = $1", referral);

        var erased = new BeneficiaryErased { BeneficiaryId = beneficiary, ReferralIds = [referral], ErasedAt = DateTimeOffset.UtcNow };
        await livelihoods.PublishAsync(erased);
        await livelihoods.PublishAsync(erased);   // a second copy changes nothing more
        await Eventually.GetAsync(() => livelihoods.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'erase'", id), count => count >= 1,
            TimeSpan.FromSeconds(30), "the applicant to be erased");
        await Eventually.GetAsync(
            () => livelihoods.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer LIKE '%BeneficiaryErased%'"), count => count >= 2, TimeSpan.FromSeconds(30), "both copies");
        Assert.Equal(1L, await livelihoods.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'erase'", id));

        using var partner = livelihoods.Partner("esenler-programme", "esenler");
        var applicant = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{id}");
        Assert.Equal("(erased)", applicant.GetProperty("fullName").GetString());
        Assert.DoesNotContain("555 777", applicant.GetRawText());
        var dump = await DatabaseDump.OfAsync(livelihoods.Database);
        Assert.Contains("entrepreneurs", dump);
        foreach (var secret in new[] { "Lubna", "Haddadin", "555 777 88 99" })
            Assert.False(dump.Contains(secret, StringComparison.OrdinalIgnoreCase), $"'{secret}' is in the dump of livelihoodsdb");
    }

    [Fact]
    public async Task A_referral_without_data_sharing_consent_becomes_an_applicant_known_by_the_referral_alone()
    {
        var referral = Guid.NewGuid();
        var code = "REF-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await livelihoods.PublishAsync(new ReferralMade
        {
            ReferralId = referral, ReferenceCode = code, CaseId = Guid.NewGuid(), FromDistrict = "esenler",
            ToProgramme = "livelihoods", Category = "livelihoods", DueBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)), Recipients = [], MadeAt = DateTimeOffset.UtcNow,
        });
        await Eventually.GetAsync(() => livelihoods.ScalarAsync<long>("SELECT count(*) FROM entrepreneurs WHERE referral_id = $1", referral), count => count > 0,
            TimeSpan.FromSeconds(30), "the referral to become an applicant");
        var id = await livelihoods.ScalarAsync<Guid>("SELECT id FROM entrepreneurs WHERE referral_id = $1", referral);

        using var partner = livelihoods.Partner("esenler-programme", "esenler");
        var applicant = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/entrepreneurs/{id}");
        Assert.Equal("(not shared)", applicant.GetProperty("fullName").GetString());
        Assert.True(!applicant.TryGetProperty("phone", out var phone) || phone.ValueKind == JsonValueKind.Null, "no phone without consent");
        Assert.Equal(code, applicant.GetProperty("referralCode").GetString());
        Assert.Equal("esenler", applicant.GetProperty("entrepreneur").GetProperty("district").GetString());
    }
}
