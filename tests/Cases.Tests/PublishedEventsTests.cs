using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Platform.Cases.Tests;

/// <summary>What the cases service put on the broker, read back from a queue bound to its exchanges.</summary>
[Collection(CasesCollection.Name)]
public sealed class PublishedEventsTests(CasesService cases)
{
    private static readonly string[] Events =
        ["BeneficiaryRegistered", "CaseOpened", "ServiceDelivered", "DuplicateAssistanceFlagged", "ReferralMade", "ReferralAnswered", "CaseClosed"];

    [Fact]
    public async Task Events_on_the_broker_carry_references_and_categories_and_personal_data_only_in_the_consented_livelihoods_referral()
    {
        var factory = new ConnectionFactory { Uri = cases.Broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync($"inspect-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in Events)
        {
            // MassTransit's exchange per message type: fanout, durable, named namespace:type.
            await channel.ExchangeDeclareAsync($"Platform.Contracts:{type}", ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, $"Platform.Contracts:{type}", "");
        }

        using var umraniye = cases.Desk("umraniye-desk", "umraniye");
        using var gaziosmanpasa = cases.Desk("gaziosmanpasa-desk", "gaziosmanpasa");
        var hospital = await cases.InstitutionAsync("Ümraniye Eğitim ve Araştırma Hastanesi", "umraniye", ("Dr. Selin Aydın", "selin.aydin@hastane.example.org", "tr"));
        var number = CasesService.NewForeignerId();
        const string name = "Şeyma Khalil";
        var person = await umraniye.RegisterAsync(Casework.Person(name, number, "1991-09-09", "umraniye", "service-delivery", "referral", "data-sharing"));
        var @case = await umraniye.OpenCaseAsync(person, "umraniye", "health", "livelihoods");
        await (await umraniye.RecordServiceAsync(@case, "health", hospital, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))).CreatedAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd");
        var referral = (await (await umraniye.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new { toInstitutionId = hospital, category = "health", reason = $"{name} için kardiyoloji", dueBy = due })).CreatedAsync()).GetProperty("id").GetGuid();
        await (await umraniye.PostAsJsonAsync($"/api/v1/cases/{@case}/referrals", new { toProgramme = "livelihoods", category = "livelihoods", reason = "Dikiş atölyesine katılmak istiyor", dueBy = due })).CreatedAsync();
        using (var institution = cases.Institution(hospital)) (await institution.PostAsync($"/api/v1/referrals/{referral}/accept", null)).EnsureSuccessStatusCode();
        var twin = await gaziosmanpasa.RegisterAsync(Casework.Person(name, number, "1991-09-09", "gaziosmanpasa", "service-delivery"));
        await (await gaziosmanpasa.RecordServiceAsync(await gaziosmanpasa.OpenCaseAsync(twin, "gaziosmanpasa", "health"), "health", hospital, DateOnly.FromDateTime(DateTime.UtcNow))).CreatedAsync();
        (await umraniye.PatchAsJsonAsync($"/api/v1/cases/{@case}", new { status = "closed" })).EnsureSuccessStatusCode();

        var received = new List<(string Type, string Body)>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && received.Select(r => r.Type).Distinct().Count() < Events.Length)
        {
            if (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                var body = Encoding.UTF8.GetString(message.Body.Span);
                var type = JsonDocument.Parse(body).RootElement.GetProperty("messageType")[0].GetString()!;
                received.Add((type[(type.LastIndexOf(':') + 1)..], body));
            }
            else await Task.Delay(100);
        }

        Assert.Equal(Events.Order(), received.Select(r => r.Type).Distinct().Order());
        var personal = new[] { "Şeyma", "Khalil", number, "555 123", "kardiyoloji" };
        foreach (var (type, body) in received)
        {
            foreach (var value in personal)
                Assert.False(body.Contains(value, StringComparison.OrdinalIgnoreCase), $"{type} carries '{value}': {body}");
        }
        // The consented referral to the programme carries her name and phone, sealed for livelihoods.
        var programme = JsonDocument.Parse(received.Single(r => r.Type == "ReferralMade" && ToProgramme(r.Body) == "livelihoods").Body).RootElement.GetProperty("message");
        var applicant = new Platform.Security.Sharing.SharedEnvelope(CasesService.SharingKey).Open<Platform.Contracts.LivelihoodsApplicant>(
            programme.GetProperty("sealedApplicant").GetString()!, Platform.Security.Sharing.SharedEnvelope.ReferralContext(programme.GetProperty("referralId").GetGuid()));
        Assert.Equal(name, applicant.FullName);
        Assert.Equal("+90 555 123 45 67", applicant.Phone);
        var toHospital = JsonDocument.Parse(received.Single(r => r.Type == "ReferralMade" && ToProgramme(r.Body) is null).Body).RootElement.GetProperty("message");
        Assert.Equal("selin.aydin@hastane.example.org", toHospital.GetProperty("recipients")[0].GetProperty("email").GetString());
        Assert.True(!toHospital.TryGetProperty("sealedApplicant", out var none) || none.ValueKind == JsonValueKind.Null, "a referral to an institution carries no applicant");
    }

    private static string? ToProgramme(string envelope) =>
        JsonDocument.Parse(envelope).RootElement.GetProperty("message").TryGetProperty("toProgramme", out var programme) && programme.ValueKind == JsonValueKind.String
            ? programme.GetString()
            : null;
}
