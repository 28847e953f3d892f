using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.Testing;

namespace Platform.Cases.Tests;

/// <summary>
/// The cases service in-process on a real PostgreSQL database and a RabbitMQ virtual host of its own,
/// with its data protection keys. Institutions and their focal points, which meetings would announce,
/// are written straight into its directory tables.
/// </summary>
public sealed class CasesService : IAsyncLifetime
{
    public const string Scopes = "cases.read cases.write";
    public const string SharingKey = "test-sharing-secret-with-livelihoods-0123456789";
    private readonly InfrastructureServers _servers = new();
    private WebApplicationFactory<Platform.Cases.Infrastructure.CasesDbContext> _factory = null!;

    public string Database { get; private set; } = "";
    public Uri Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _servers.InitializeAsync();
        Database = await _servers.CreateDatabaseAsync("cases");
        Broker = await _servers.CreateVirtualHostAsync("cases");
        _factory = new WebApplicationFactory<Platform.Cases.Infrastructure.CasesDbContext>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:casesdb", Database);
            web.UseSetting("ConnectionStrings:messaging", Broker.ToString());
            web.UseSetting("Authentication:Authority", TestTokenIssuer.Issuer);
            web.UseSetting("PersonalData:Keys:1", "test-encryption-secret-0123456789abcdef0123456789");
            web.UseSetting("PersonalData:HashKey", "test-identifier-hash-secret-0123456789abcdef0123");
            web.UseSetting("PersonalData:SharingKey", SharingKey);
            // Tests run the overdue check themselves (OverdueReferralReminders.RemindAsync).
            web.UseSetting("Cases:OverdueCheckInterval", "1.00:00:00");
            web.ConfigureTestServices(services => services.TrustTestIssuer());
        });
        _ = _factory.Server;
    }

    /// <summary>A desk (or any partner) acting in these districts (none = all).</summary>
    public HttpClient Desk(string clientId, params string[] districts)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer(clientId, Scopes, districts);
        return client;
    }

    /// <summary>A desk that acts for one institution of the directory (its token carries the <c>institution</c> claim).</summary>
    public HttpClient Desk(string clientId, Guid institution, params string[] districts)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer(clientId, Scopes, institution, districts);
        return client;
    }

    /// <summary>The service without a token (its OpenAPI document is public).</summary>
    public HttpClient Anonymous() => _factory.CreateClient();

    /// <summary>A partner that is the institution itself (answers referrals made to it).</summary>
    public HttpClient Institution(Guid institution, string clientId = "receiving-institution")
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer(clientId, Scopes, institution, "fatih");
        return client;
    }

    /// <summary>An institution as meetings would have announced it, with one focal point per language given.</summary>
    public async Task<Guid> InstitutionAsync(string name, string? district, params (string Name, string Email, string Language)[] focalPoints)
    {
        var id = Guid.NewGuid();
        await using var db = new NpgsqlConnection(Database);
        await db.OpenAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO institutions (id, name, kind, district, registered_at) VALUES ($1, $2, 'municipality', $3, now())", db)
                     { Parameters = { new() { Value = id }, new() { Value = name }, new() { Value = (object?)district ?? DBNull.Value } } })
            await insert.ExecuteNonQueryAsync();
        foreach (var (fullName, email, language) in focalPoints)
        {
            await using var contact = new NpgsqlCommand("INSERT INTO known_contacts (id, institution_id, full_name, email, language) VALUES ($1, $2, $3, $4, $5)", db)
            { Parameters = { new() { Value = Guid.NewGuid() }, new() { Value = id }, new() { Value = fullName }, new() { Value = email }, new() { Value = language } } };
            await contact.ExecuteNonQueryAsync();
        }
        return id;
    }

    /// <summary>The service's own services (the overdue referral reminders, say).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Publishes as another service would, on the service's own broker, and returns once the service has
    /// consumed it (its inbox holds the message id), whether or not it changed anything.
    /// </summary>
    public async Task DeliverAsync<T>(T message, string? consumer = null) where T : class
    {
        var messageId = NewId.NextGuid();
        await _factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);
        await Eventually.GetAsync(() => ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = $1", messageId), count => count > 0,
            TimeSpan.FromSeconds(60), $"the service to consume {typeof(T).Name} {messageId}");
    }

    /// <summary>An active offer of the institution, as meetings would publish it; returns its id once the service knows it.</summary>
    public async Task<Guid> OfferAsync(Guid institution, ServiceOfferTerms terms, DateTimeOffset? publishedAt = null)
    {
        var offer = Guid.CreateVersion7();
        await DeliverAsync(new ServiceOfferPublished { OfferId = offer, InstitutionId = institution, Terms = terms, Version = 1, PublishedAt = publishedAt ?? DateTimeOffset.UtcNow });
        return offer;
    }

    /// <summary>What the service queued for the broker about one aggregate (a referral, a case): type and body, in order.</summary>
    public Task<List<(string Type, JsonElement Body)>> EventsOfAsync(Guid aggregateId) => OutboxEvents.OfAsync(Database, aggregateId);

    /// <summary>A valid, unused foreigner identity number.</summary>
    public static string NewForeignerId() => ForeignerIds.New();

    public Task<T> ScalarAsync<T>(string sql, params object[] parameters) => Sql.ScalarAsync<T>(Database, sql, parameters);

    public Task ExecuteAsync(string sql, params object[] parameters) => Sql.ExecuteAsync(Database, sql, parameters);

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CasesCollection : ICollectionFixture<CasesService>
{
    public const string Name = "cases service";
}

/// <summary>
/// The service map's reports add up whole districts: their tests get a cases service with a database and a
/// virtual host of their own, so that no other test's casework is counted.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceMapCollection : ICollectionFixture<CasesService>
{
    public const string Name = "cases service for the service map";
}

/// <summary>Service offers as meetings would publish them: open to everyone unless a test narrows them.</summary>
internal static class Offers
{
    public static ServiceOfferTerms Terms(string category, params string[] districts) => new()
    {
        Category = category, Subjects = category == ServiceCategories.LegalAid ? ["family-law"] : [], NameTr = $"{category} hizmeti", NameAr = null, NameEn = $"{category} service",
        Districts = districts, Languages = ["tr", "ar"], Channels = ["in-person"], LegalStatuses = [], Gender = "any",
    };
}

/// <summary>Requests the tests repeat: a registered person, a case, a service.</summary>
internal static class Casework
{
    public static readonly DateTimeOffset ConsentGiven = DateTimeOffset.Parse("2026-01-05T10:00:00+03:00");

    public static object Person(string fullName, string? foreignerId, string dateOfBirth, string district, params string[] consents) => new
    {
        fullName, foreignerIdNumber = foreignerId, dateOfBirth, sex = "female", nationality = "SY", legalStatus = "temporary-protection",
        phone = "+90 555 123 45 67", district, householdSize = 5, languages = new[] { "ar", "tr" }, vulnerabilities = new[] { "single-parent" },
        consents = consents.Select(purpose => new { purpose, givenAt = ConsentGiven }).ToArray(),
    };

    public static async Task<Guid> RegisterAsync(this HttpClient desk, object person) =>
        await (await desk.PostAsJsonAsync("/api/v1/beneficiaries", person)).CreatedIdAsync();

    public static async Task<Guid> OpenCaseAsync(this HttpClient desk, Guid beneficiary, string district, params string[] needs) =>
        await (await desk.PostAsJsonAsync("/api/v1/cases", new { beneficiaryId = beneficiary, district, needs = needs.Length == 0 ? ["food-support"] : needs, priority = "normal" })).CreatedIdAsync();

    public static Task<HttpResponseMessage> RecordServiceAsync(this HttpClient desk, Guid @case, string category, Guid provider, DateOnly on, decimal? amount = null, bool strict = false, string? subject = null) =>
        desk.PostAsJsonAsync($"/api/v1/cases/{@case}/services{(strict ? "?strict=true" : "")}",
            new { category, subject, providerInstitutionId = provider, deliveredOn = on.ToString("yyyy-MM-dd"), amount, currency = amount is null ? null : "TRY" });
}
