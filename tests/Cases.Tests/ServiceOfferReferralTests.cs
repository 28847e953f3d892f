using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.Cases.Tests;

/// <summary>Referrals to a service offer: the institution and category are the offer's; refused with the reason, or made with a warning.</summary>
[Collection(CasesCollection.Name)]
public sealed class ServiceOfferReferralTests(CasesService cases)
{
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, Istanbul));
    private static string InDays(int days) => Today.AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>A woman under temporary protection with a case in Ümraniye, and an institution with a focal point.</summary>
    private async Task<(HttpClient Desk, Guid Person, Guid Case, Guid Institution)> CaseAsync(string name, string dateOfBirth = "1983-05-05")
    {
        var desk = cases.Desk("umraniye-desk", "umraniye");
        var institution = await cases.InstitutionAsync($"Ümraniye Hukuk Merkezi {Guid.NewGuid():N}"[..30], "umraniye", ("Av. Deniz Ak", "deniz@hukuk.example.org", "tr"));
        var person = await desk.RegisterAsync(Casework.Person(name, CasesService.NewForeignerId(), dateOfBirth, "umraniye", "service-delivery", "referral"));
        return (desk, person, await desk.OpenCaseAsync(person, "umraniye", "legal-aid"), institution);
    }

    private static Task<HttpResponseMessage> ReferAsync(HttpClient desk, Guid @case, object request) => desk.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", request);

    private static async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_referral_to_an_offer_goes_to_its_institution_in_its_category_and_the_event_names_the_offer()
    {
        var (desk, person, @case, institution) = await CaseAsync("Amina Darwish");
        var offer = await cases.OfferAsync(institution, Offers.Terms("legal-aid", "umraniye") with { AgeFrom = 18, AgeTo = 65, Gender = "women", LegalStatuses = ["temporary-protection"] });

        var referral = await (await ReferAsync(desk, @case, new { serviceOfferId = offer, reason = "Velayet davası için danışmanlık", dueBy = InDays(7) })).CreatedAsync();

        Assert.Equal(institution, referral.GetProperty("toInstitutionId").GetGuid());
        Assert.Equal("legal-aid", referral.GetProperty("category").GetString());
        Assert.Equal(offer, referral.GetProperty("serviceOfferId").GetGuid());
        Assert.Empty(referral.GetProperty("warnings").EnumerateArray());
        var id = referral.GetProperty("id").GetGuid();
        var (type, made) = Assert.Single(await cases.EventsOfAsync(id));
        Assert.Equal("ReferralMade", type);
        Assert.Equal(offer, made.GetProperty("serviceOfferId").GetGuid());
        Assert.Equal("deniz@hukuk.example.org", made.GetProperty("recipients")[0].GetProperty("email").GetString());
        // The age limit unsealed her date of birth: that read is in her audit log.
        Assert.Equal(1L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'read' AND what = 'beneficiary' AND partner = 'umraniye-desk'", person));
        // Read back later, the referral carries no warnings field at all.
        Assert.False((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{id}")).TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task An_offer_without_an_age_limit_leaves_the_date_of_birth_sealed_and_unread()
    {
        var (desk, person, @case, institution) = await CaseAsync("Huda Nasser");
        var offer = await cases.OfferAsync(institution, Offers.Terms("legal-aid", "*"));
        await (await ReferAsync(desk, @case, new { serviceOfferId = offer, reason = "Boşanma", dueBy = InDays(7) })).CreatedAsync();
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'read' AND what = 'beneficiary'", person));
    }

    [Theory]
    [InlineData("offer-withdrawn")]
    [InlineData("district-not-served")]
    [InlineData("legal-status")]
    [InlineData("gender")]
    [InlineData("age")]
    [InlineData("institution-mismatch")]
    [InlineData("category-mismatch")]
    public async Task A_referral_the_offer_cannot_take_is_refused_with_the_reason(string reason)
    {
        var (desk, person, @case, institution) = await CaseAsync($"Rahaf Sabbagh {reason}");
        var terms = Offers.Terms("legal-aid", "umraniye");
        var offer = await cases.OfferAsync(institution, reason switch
        {
            "district-not-served" => terms with { Districts = ["fatih", "esenyurt"] },
            "legal-status" => terms with { LegalStatuses = ["international-protection", "residence-permit"] },
            "gender" => terms with { Gender = "men" },
            "age" => terms with { AgeFrom = 18, AgeTo = 25 },
            _ => terms,
        });
        if (reason == "offer-withdrawn")
            await cases.DeliverAsync(new ServiceOfferWithdrawn { OfferId = offer, InstitutionId = institution, Version = 2, WithdrawnAt = DateTimeOffset.UtcNow.AddDays(-1) });
        object request = reason switch
        {
            "institution-mismatch" => new { serviceOfferId = offer, toInstitutionId = await cases.InstitutionAsync("Başka Kurum", "umraniye"), reason = "x", dueBy = InDays(5) },
            "category-mismatch" => new { serviceOfferId = offer, category = "health", reason = "x", dueBy = InDays(5) },
            _ => new { serviceOfferId = offer, reason = "x", dueBy = InDays(5) },
        };

        var problem = await RefusedAsync(await ReferAsync(desk, @case, request));

        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.Equal(offer, problem.GetProperty("serviceOfferId").GetGuid());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(0L, await cases.ScalarAsync<long>("SELECT count(*) FROM referrals WHERE case_id = $1", @case));
        // Only the age check unseals the date of birth, and that read is audited even though the referral is refused.
        Assert.Equal(reason == "age" ? 1L : 0L, await cases.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE subject_id = $1 AND action = 'read' AND what = 'beneficiary'", person));
    }

    [Fact]
    public async Task A_referral_to_an_offer_the_directory_does_not_know_is_refused_naming_the_offer()
    {
        var (desk, _, @case, _) = await CaseAsync("Maha Jaber");
        var unknown = Guid.NewGuid();
        var problem = await RefusedAsync(await ReferAsync(desk, @case, new { serviceOfferId = unknown, reason = "x", dueBy = InDays(5) }));
        Assert.Equal("unknown-offer", problem.GetProperty("reason").GetString());
        Assert.Equal(unknown, problem.GetProperty("serviceOfferId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, (await ReferAsync(desk, @case, new { serviceOfferId = unknown, toProgramme = "livelihoods", reason = "x", dueBy = InDays(5) })).StatusCode);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task The_age_is_counted_in_full_years_on_the_day_of_the_referral_in_Istanbul(int daysUntilEighteenth, bool accepted)
    {
        var born = Today.AddYears(-18).AddDays(daysUntilEighteenth);
        var (desk, _, @case, institution) = await CaseAsync($"Lina Haddad {daysUntilEighteenth}", born.ToString("yyyy-MM-dd"));
        var offer = await cases.OfferAsync(institution, Offers.Terms("legal-aid", "umraniye") with { AgeFrom = 18 });
        var response = await ReferAsync(desk, @case, new { serviceOfferId = offer, reason = "x", dueBy = InDays(5) });
        if (accepted) await response.CreatedAsync();
        else Assert.Equal("age", (await RefusedAsync(response)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_offer_at_its_monthly_capacity_still_takes_the_referral_with_a_warning()
    {
        var (desk, _, @case, institution) = await CaseAsync("Nour Khatib");
        var offer = await cases.OfferAsync(institution, Offers.Terms("legal-aid", "umraniye") with { CapacityPerMonth = 1 });

        var first = await (await ReferAsync(desk, @case, new { serviceOfferId = offer, reason = "Nafaka", dueBy = InDays(5) })).CreatedAsync();
        var second = await (await ReferAsync(desk, @case, new { serviceOfferId = offer, category = "legal-aid", toInstitutionId = institution, reason = "Velayet", dueBy = InDays(5) })).CreatedAsync();

        Assert.Empty(first.GetProperty("warnings").EnumerateArray());
        var warning = Assert.Single(second.GetProperty("warnings").EnumerateArray());
        Assert.Equal("over-capacity", warning.GetProperty("code").GetString());
        Assert.Contains("1", warning.GetProperty("message").GetString());
        Assert.Equal("made", second.GetProperty("status").GetString());
    }
}
