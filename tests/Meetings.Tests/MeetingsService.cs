using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Testing;

namespace Platform.Meetings.Tests;

/// <summary>
/// The meetings service in-process on a real PostgreSQL database and a real RabbitMQ virtual host of
/// its own (from <see cref="InfrastructureServers"/>), shared by the tests of the collection; each test
/// makes its own institutions and meetings. Partners' tokens are signed by a test issuer the service is
/// told to trust, carrying the same claims the gateway puts in.
/// </summary>
public sealed class MeetingsService : IAsyncLifetime
{
    private readonly InfrastructureServers _servers = new();
    private WebApplicationFactory<Platform.Meetings.Infrastructure.MeetingsDbContext> _factory = null!;

    public string Database { get; private set; } = "";
    /// <summary>The collection's virtual host, for tests that read what the service put on the broker.</summary>
    public Uri Broker => _broker;
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        await _servers.InitializeAsync();
        Database = await _servers.CreateDatabaseAsync("meetings");
        _broker = await _servers.CreateVirtualHostAsync("meetings");
        _factory = Create("Development");
        _ = _factory.Server;
    }

    private Uri _broker = null!;

    /// <summary>
    /// The service as it runs in <paramref name="environment"/>, on the collection's database and virtual host
    /// (a second instance beside the shared one); the caller disposes it.
    /// </summary>
    public WebApplicationFactory<Platform.Meetings.Infrastructure.MeetingsDbContext> Create(string environment) =>
        new WebApplicationFactory<Platform.Meetings.Infrastructure.MeetingsDbContext>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("ConnectionStrings:meetingsdb", Database);
            web.UseSetting("ConnectionStrings:messaging", _broker.ToString());
            web.UseSetting("Authentication:Authority", TestTokenIssuer.Issuer);
            // The test issuer is plain http; in production the gateway's metadata must be https.
            web.UseSetting("Authentication:RequireHttpsMetadata", "false");
            web.UseSetting("Meetings:OverdueCheckInterval", "1.00:00:00");
            web.ConfigureTestServices(services => services.TrustTestIssuer());
        });

    /// <summary>A client acting as a partner with these scopes and districts (<c>*</c> = all).</summary>
    public HttpClient Partner(string clientId = "platform-dev", string scopes = "meetings.read meetings.write", params string[] districts)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer(clientId, scopes, districts);
        return client;
    }

    public HttpClient Anonymous() => _factory.CreateClient();

    /// <summary>Publishes as another service would, on the service's own broker; a message id given twice is a redelivery.</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        _factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    /// <summary>The events written for an aggregate, oldest first, by short type name.</summary>
    public Task<List<(string Type, JsonElement Body)>> EventsOfAsync(Guid aggregateId) => OutboxEvents.OfAsync(Database, aggregateId);

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MeetingsCollection : ICollectionFixture<MeetingsService>
{
    public const string Name = "meetings service";
}

/// <summary>Making the directory entries a test needs, through the API.</summary>
internal static class StakeholderRequests
{
    public static async Task<Guid> InstitutionAsync(this HttpClient partner, string name, string? district, string kind = "municipality")
    {
        var response = await partner.PostAsJsonAsync("/api/v1/institutions", new { name = $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 200)], kind, district });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ContactAsync(this HttpClient partner, Guid institution, string fullName, string language = "tr")
    {
        var response = await partner.PostAsJsonAsync($"/api/v1/institutions/{institution}/contacts",
            new { fullName, email = $"{Guid.NewGuid():N}@example.org", language, role = "Focal point" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
