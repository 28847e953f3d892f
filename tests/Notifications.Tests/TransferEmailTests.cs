using Platform.Contracts;

namespace Platform.Notifications.Tests;

/// <summary>A case to be taken over: the receiving desk's focal points are emailed the reference code, in their language, and nothing of the person.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class TransferEmailTests(NotificationsService service)
{
    private static Recipient FocalPoint(string language) => new()
    {
        ContactId = Guid.NewGuid(),
        FullName = language switch { "ar" => "ليلى حسن", "en" => "Mary Jones", _ => "Hasan Koç" },
        Email = $"transfer-{language}-{Guid.NewGuid():N}@example.org",
        Language = language,
    };

    private static CaseTransferRequested Requested(string code, params Recipient[] recipients) => new()
    {
        TransferId = Guid.NewGuid(), ReferenceCode = code, CaseId = Guid.NewGuid(), CaseReference = "CASE-7Q2M4K9P",
        FromDistrict = "esenyurt", ToDistrict = "kucukcekmece", ToInstitutionId = Guid.NewGuid(), ToInstitutionName = "Küçükçekmece Sosyal Koruma Masası",
        Recipients = recipients, RequestedAt = DateTimeOffset.UtcNow,
    };

    [Theory]
    [InlineData("tr", "Vaka devri ", "Esenyurt", "Küçükçekmece", "ltr")]
    [InlineData("ar", "نقل حالة ", "إسنيورت", "كوتشوك تشكمجة", "rtl")]
    [InlineData("en", "Case transfer ", "Esenyurt", "Küçükçekmece", "ltr")]
    public async Task The_receiving_desk_is_emailed_the_transfer_code_in_its_language(string language, string subjectStart, string from, string to, string direction)
    {
        var desk = FocalPoint(language);
        var code = $"TRF-{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        await service.PublishAsync(Requested(code, desk));
        var email = Assert.Single(await service.WaitForMailAsync(desk.Email, 1));

        Assert.StartsWith(subjectStart, email.Subject);
        Assert.Contains(code, email.Subject);
        Assert.Contains($"lang=\"{language}\" dir=\"{direction}\"", email.HtmlBody);
        Assert.Contains(code, email.TextBody);
        Assert.Contains("CASE-7Q2M4K9P", email.TextBody);
        Assert.Contains(from, email.TextBody);
        Assert.Contains(to, email.TextBody);
        Assert.Contains("Küçükçekmece Sosyal Koruma Masası", email.TextBody);
    }

    [Fact]
    public async Task Each_focal_point_is_emailed_once_even_if_the_event_comes_twice()
    {
        var (turkish, arabic) = (FocalPoint("tr"), FocalPoint("ar"));
        var requested = Requested("TRF-5K8M2Q7W", turkish, arabic);
        var messageId = Guid.NewGuid();

        await service.PublishAsync(requested, messageId);
        await service.PublishAsync(requested, messageId);

        Assert.Equal("Vaka devri TRF-5K8M2Q7W: Esenyurt → Küçükçekmece", Assert.Single(await service.WaitForMailAsync(turkish.Email, 1)).Subject);
        Assert.Contains("dir=\"rtl\"", Assert.Single(await service.WaitForMailAsync(arabic.Email, 1)).HtmlBody);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await service.InboxOfAsync(turkish.Email));
        Assert.Equal(1L, await Platform.Testing.Sql.ScalarAsync<long>(service.Database,
            "SELECT count(*) FROM notifications WHERE kind = 'transfer' AND recipient_email = $1 AND district = 'kucukcekmece'", turkish.Email));
    }
}
