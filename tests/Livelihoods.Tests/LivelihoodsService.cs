using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Livelihoods.Tests;

/// <summary>The livelihoods service in-process on a real PostgreSQL database and a RabbitMQ virtual host of its own.</summary>
public sealed class LivelihoodsService : IAsyncLifetime
{
    public const string Scopes = "livelihoods.read livelihoods.write";
    public const string SharingKey = "test-sharing-secret-of-cases-and-livelihoods-0123";
    public const string NotificationsSharingKey = "test-sharing-secret-of-livelihoods-and-notifications-0123";
    /// <summary>A municipality of the stakeholder directory, learnt from its InstitutionRegistered event before any test runs: cohorts are run with it.</summary>
    public static readonly Guid Municipality = Guid.CreateVersion7();
    private readonly InfrastructureServers _servers = new();
    private WebApplicationFactory<Platform.Livelihoods.Infrastructure.LivelihoodsDbContext> _factory = null!;

    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _servers.InitializeAsync();
        Database = await _servers.CreateDatabaseAsync("livelihoods");
        var broker = await _servers.CreateVirtualHostAsync("livelihoods");
        _factory = new WebApplicationFactory<Platform.Livelihoods.Infrastructure.LivelihoodsDbContext>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:livelihoodsdb", Database);
            web.UseSetting("ConnectionStrings:messaging", broker.ToString());
            web.UseSetting("Authentication:Authority", TestTokenIssuer.Issuer);
            web.UseSetting("PersonalData:Keys:1", "test-livelihoods-encryption-secret-0123456789abcdef");
            web.UseSetting("PersonalData:HashKey", "test-livelihoods-hash-secret-0123456789abcdef0123");
            web.UseSetting("PersonalData:SharingKey", SharingKey);
            web.UseSetting("PersonalData:NotificationsSharingKey", NotificationsSharingKey);
            web.ConfigureTestServices(services => services.TrustTestIssuer());
        });
        _ = _factory.Server;
        await LearnInstitutionAsync(Municipality, "Test Belediyesi", "municipality", null);
    }

    /// <summary>Meetings registers an institution; returns once livelihoods has it in its copy of the directory.</summary>
    public async Task LearnInstitutionAsync(Guid id, string name, string kind, string? district)
    {
        await PublishAsync(new InstitutionRegistered { InstitutionId = id, Name = name, Kind = kind, District = district, RegisteredAt = DateTimeOffset.UtcNow });
        await Eventually.GetAsync(() => ScalarAsync<long>("SELECT count(*) FROM institutions WHERE id = $1", id), count => count == 1, TimeSpan.FromSeconds(30), $"livelihoods to learn {name}");
    }

    public HttpClient Partner(string clientId, params string[] districts)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer(clientId, Scopes, districts);
        return client;
    }

    /// <summary>Publishes as another service would, on the service's own broker.</summary>
    public Task PublishAsync<T>(T message) where T : class => _factory.Services.GetRequiredService<IBus>().Publish(message);

    public Task<T> ScalarAsync<T>(string sql, params object[] parameters) => Sql.ScalarAsync<T>(Database, sql, parameters);

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LivelihoodsCollection : ICollectionFixture<LivelihoodsService>
{
    public const string Name = "livelihoods service";
}

internal static class Programme
{
    /// <summary>A cohort with a kitchen and a sewing workshop of the given capacity; returns (cohort, kitchen, sewing).</summary>
    public static async Task<(Guid Cohort, Guid Kitchen, Guid Sewing)> CohortAsync(this HttpClient partner, string district, int capacity = 15)
    {
        var cohort = await (await partner.PostAsJsonAsync("/api/v1/cohorts", new
        {
            name = $"Kadın girişimciliği {Guid.NewGuid():N}"[..30], district, partnerInstitutionId = LivelihoodsService.Municipality, startsOn = "2026-01-01", endsOn = "2026-12-31",
            workshops = new[] { new { kind = "kitchen", name = "Mutfak", capacity, location = "Kadın merkezi" }, new { kind = "sewing", name = "Dikiş", capacity, location = "Kadın merkezi" } },
        })).CreatedAsync();
        var workshops = cohort.GetProperty("workshops").EnumerateArray().ToDictionary(w => w.GetProperty("kind").GetString()!, w => w.GetProperty("id").GetGuid());
        return (cohort.GetProperty("id").GetGuid(), workshops["kitchen"], workshops["sewing"]);
    }

    public static async Task<JsonElement> WomanAsync(this HttpClient partner, string name, string district, Guid? cohort = null, Guid? workshop = null, string language = "ar", string? email = null) =>
        await (await partner.PostAsJsonAsync("/api/v1/entrepreneurs", new
        {
            fullName = name, district, phone = "+90 533 444 55 66", email, language, skills = new[] { "cooking" }, cohortId = cohort, workshopId = workshop,
        })).CreatedAsync();
}
