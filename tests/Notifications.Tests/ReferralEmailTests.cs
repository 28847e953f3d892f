using Platform.Contracts;

namespace Platform.Notifications.Tests;

/// <summary>The two emails that close a referral's loop: the answer to the referring desk, the one reminder to the receiving institution.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class ReferralEmailTests(NotificationsService service)
{
    private static Recipient FocalPoint(string language) => new()
    {
        ContactId = Guid.NewGuid(),
        FullName = language switch { "ar" => "سارة الأحمد", "en" => "John Smith", _ => "Zeynep Kaya" },
        Email = $"{language}-{Guid.NewGuid():N}@example.org",
        Language = language,
    };

    [Theory]
    [InlineData("tr", "Yönlendirme ", "kabul edildi", "ltr")]
    [InlineData("ar", "الإحالة ", "قُبلت", "rtl")]
    [InlineData("en", "Referral ", "accepted", "ltr")]
    public async Task The_referring_desk_hears_the_answer_in_its_language_with_the_reference_code_only(string language, string subjectStart, string outcome, string direction)
    {
        var desk = FocalPoint(language);
        var code = $"CSR-{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        await service.PublishAsync(new ReferralAnswered
        {
            ReferralId = Guid.NewGuid(), ReferenceCode = code, CaseId = Guid.NewGuid(), Outcome = "accepted", AnsweredAt = DateTimeOffset.UtcNow,
            FromDistrict = "umraniye", Category = "legal-aid", ToInstitutionId = Guid.NewGuid(), ToInstitutionName = "Mülteci Hukuk Derneği",
            Recipients = [desk],
        });
        var email = Assert.Single(await service.WaitForMailAsync(desk.Email, 1));

        Assert.StartsWith(subjectStart, email.Subject);
        Assert.Contains(code, email.Subject);
        Assert.Contains(outcome, email.Subject);
        Assert.Contains($"lang=\"{language}\" dir=\"{direction}\"", email.HtmlBody);
        Assert.Contains(code, email.TextBody);
        Assert.Contains("Mülteci Hukuk Derneği", email.TextBody);
    }

    [Fact]
    public async Task An_overdue_referral_reminds_each_focal_point_once_in_their_language_even_if_the_event_comes_twice()
    {
        var (turkish, arabic) = (FocalPoint("tr"), FocalPoint("ar"));
        var overdue = new ReferralOverdue
        {
            ReferralId = Guid.NewGuid(), ReferenceCode = "CSR-7Q2M4K", FromDistrict = "gaziosmanpasa", ToInstitutionId = Guid.NewGuid(),
            ToInstitutionName = "Gaziosmanpaşa Belediyesi", Category = "psychosocial-support", DueBy = new DateOnly(2031, 4, 30),
            RemindedAt = DateTimeOffset.UtcNow, Recipients = [turkish, arabic],
        };
        var messageId = Guid.NewGuid();

        await service.PublishAsync(overdue, messageId);
        await service.PublishAsync(overdue, messageId);
        var inTurkish = Assert.Single(await service.WaitForMailAsync(turkish.Email, 1));
        var inArabic = Assert.Single(await service.WaitForMailAsync(arabic.Email, 1));

        Assert.Equal("Hatırlatma: yönlendirme CSR-7Q2M4K yanıt bekliyor", inTurkish.Subject);
        Assert.Contains("30 Nisan 2031", inTurkish.TextBody);
        Assert.Contains("Gaziosmanpaşa", inTurkish.TextBody);
        Assert.Equal("تذكير: الإحالة CSR-7Q2M4K بانتظار الرد", inArabic.Subject);
        Assert.Contains("dir=\"rtl\"", inArabic.HtmlBody);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await service.InboxOfAsync(turkish.Email));
    }
}
