using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Platform.AppHost.Resources.MailDev;
using Platform.Notifications.Infrastructure;
using Platform.Testing;

namespace Platform.Notifications.Tests;

/// <summary>
/// The notifications service in-process on real PostgreSQL and RabbitMQ, sending to a real SMTP server:
/// the same maildev the AppHost runs, started here on free ports. Events are published on the real bus.
/// </summary>
public sealed class NotificationsService : IAsyncLifetime
{
    private readonly InfrastructureServers _servers = new();
    private TestApplication _mail = null!;
    private WebApplicationFactory<NotificationsDbContext> _factory = null!;
    private HttpClient _inbox = null!;

    /// <summary>The secret livelihoods seals training invitees with for notifications.</summary>
    public const string SharingKey = "test-sharing-secret-of-livelihoods-and-notifications";

    /// <summary>The SMTP server's own Aspire application, to stop and start it.</summary>
    public TestApplication MailHost => _mail;
    public IServiceProvider Services => _factory.Services;
    /// <summary>The connection string of the service's own database.</summary>
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _servers.InitializeAsync();
        var builder = TestApplication.Servers();
        builder.AddLocalMailDev("smtp", smtpPort: 1025, httpPort: 1080);
        _mail = await TestApplication.StartAsync(builder);
        _inbox = new HttpClient { BaseAddress = new Uri(_mail.GetEndpoint("smtp", MailDevResource.HttpEndpointName)) };

        (_factory, Database) = await StartServiceAsync(_mail.GetConnectionString("smtp"));
    }

    /// <summary>
    /// A notifications service of its own (own database and virtual host on the same servers) sending to
    /// <paramref name="smtp"/>; returns it with its database's connection string.
    /// </summary>
    public async Task<(WebApplicationFactory<NotificationsDbContext> Service, string Database)> StartServiceAsync(string smtp)
    {
        var database = await _servers.CreateDatabaseAsync("notifications");
        var broker = await _servers.CreateVirtualHostAsync("notifications");
        var factory = new WebApplicationFactory<NotificationsDbContext>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:notificationsdb", database);
            web.UseSetting("ConnectionStrings:messaging", broker.ToString());
            web.UseSetting("ConnectionStrings:smtp", smtp);
            web.UseSetting("Authentication:Authority", TestTokenIssuer.Issuer);
            web.UseSetting("PersonalData:Keys:1", "test-notifications-encryption-secret-0123456789abcdef");
            web.UseSetting("PersonalData:HashKey", "test-notifications-hash-secret-0123456789abcdef0123");
            web.UseSetting("PersonalData:SharingKey", SharingKey);
            web.UseSetting("Notifications:Delivery:MaxBackoff", "00:00:02");
            web.ConfigureTestServices(services => services.TrustTestIssuer());
        });
        _ = factory.Server;
        return (factory, database);
    }

    public async Task PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var bus = Services.GetRequiredService<IBus>();
        await bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());
    }

    /// <summary>Every message the SMTP server accepted for <paramref name="address"/>, parsed with MimeKit, oldest first.</summary>
    public async Task<List<MimeMessage>> InboxOfAsync(string address)
    {
        var list = await _inbox.GetFromJsonAsync<JsonElement[]>("/email");
        var messages = new List<MimeMessage>();
        foreach (var email in list!.Where(e => e.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == address)))
        {
            await using var raw = await _inbox.GetStreamAsync($"/email/{email.GetProperty("id").GetString()}/download");
            var buffer = new MemoryStream();
            await raw.CopyToAsync(buffer);
            buffer.Position = 0;
            messages.Add(await MimeMessage.LoadAsync(buffer));
        }
        return messages;
    }

    public Task<List<MimeMessage>> WaitForMailAsync(string address, int count, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => InboxOfAsync(address), m => m.Count >= count, timeout ?? TimeSpan.FromSeconds(30), $"{count} email(s) for {address}");

    public HttpClient Partner(string scopes = "notifications.read") => Partner("operations", scopes);

    /// <summary>A partner of <paramref name="districts"/> only (none = all districts).</summary>
    public HttpClient Partner(string clientId, string scopes, params string[] districts)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokenIssuer.Bearer(clientId, scopes, districts);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _inbox.Dispose();
        await _mail.DisposeAsync();
        await _servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsService>
{
    public const string Name = "notifications service";
}
