using System.CommandLine;
using Platform.Gateway.Extensions;

namespace Platform.Gateway.Partners;

/// <summary>
/// The operators' command: <c>dotnet run --project gateway -- partners add|list|rotate-secret|disable</c>,
/// against the database in <c>ConnectionStrings__gatewaydb</c>. A new secret is printed once and never stored in clear.
/// </summary>
public static class PartnersCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "partners";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddGatewayDatabase();
        using var host = builder.Build();
        await host.Services.MigrateGatewayDatabaseAsync(seedDevelopmentPartners: false);

        var root = new RootCommand("Platform gateway") { BuildPartnersCommand(host.Services) };
        return await root.Parse(args).InvokeAsync();
    }

    private static Command BuildPartnersCommand(IServiceProvider services)
    {
        var name = new Option<string>("--name") { Description = "Display name, e.g. \"Sultangazi Municipality\"", Required = true };
        var scopes = ListOption("--scopes", $"Comma-separated scopes: {string.Join(", ", PartnerScopes.All)}");
        var districts = ListOption("--districts", "Comma-separated district codes (umraniye, gaziosmanpasa, ...) or 'all'");
        var clientId = new Option<string?>("--client-id") { Description = "Client id (default: from the name, e.g. sultangazi-municipality)" };
        var institution = new Option<string?>("--institution") { Description = "Institution code put in the tokens (default: the client id)" };
        var rateLimit = new Option<int?>("--rate-limit") { Description = "Requests per minute (default: RateLimiting:DefaultPerMinute, 600)" };
        var add = new Command("add", "Register a partner system and print its secret once") { name, scopes, districts, clientId, institution, rateLimit };
        add.SetAction((result, cancellationToken) => WithRegistry(services, async registry =>
        {
            var registration = new PartnerRegistration(result.GetValue(name)!, Split(result.GetValue(scopes)), Split(result.GetValue(districts)),
                result.GetValue(clientId), result.GetValue(institution), result.GetValue(rateLimit));
            var secret = await registry.AddAsync(registration, cancellationToken: cancellationToken);
            var id = registration.ClientId ?? PartnerRegistry.ClientIdFrom(registration.Name);
            Console.WriteLine($"client_id:     {id}");
            Console.WriteLine($"client_secret: {secret}");
            Console.WriteLine("The secret is shown this once; it is stored only as a hash.");
        }));

        var list = new Command("list", "List partner systems (never their secrets)");
        list.SetAction((_, cancellationToken) => WithRegistry(services, async registry =>
        {
            Console.WriteLine($"{"CLIENT ID",-28} {"STATE",-9} {"LIMIT/MIN",9}  {"DISTRICTS",-28} SCOPES");
            foreach (var partner in await registry.ListAsync(cancellationToken))
            {
                var state = partner.DisabledAt is null ? "active" : "disabled";
                var places = partner.Districts.Contains(PartnerClaims.AllDistricts) ? "all" : string.Join(",", partner.Districts);
                Console.WriteLine($"{partner.ClientId,-28} {state,-9} {partner.RateLimitPerMinute,9}  {places,-28} {string.Join(" ", partner.Scopes)}");
            }
        }));

        var rotateId = new Argument<string>("client-id") { Description = "The partner's client id" };
        var rotate = new Command("rotate-secret", "Replace a partner's secret and print the new one once") { rotateId };
        rotate.SetAction((result, cancellationToken) => WithRegistry(services, async registry =>
        {
            var secret = await registry.RotateSecretAsync(result.GetValue(rotateId)!, cancellationToken);
            Console.WriteLine($"client_secret: {secret}");
            Console.WriteLine("The old secret no longer works. The new one is shown this once.");
        }));

        var disableId = new Argument<string>("client-id") { Description = "The partner's client id" };
        var disable = new Command("disable", "Stop a partner: no new tokens, existing ones refused at the gateway") { disableId };
        disable.SetAction((result, cancellationToken) => WithRegistry(services, async registry =>
        {
            await registry.DisableAsync(result.GetValue(disableId)!, cancellationToken);
            Console.WriteLine($"{result.GetValue(disableId)} is disabled.");
        }));

        return new Command("partners", "Register and manage the partner systems that call the API") { add, list, rotate, disable };
    }

    private static Option<string[]> ListOption(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private static string[] Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static async Task<int> WithRegistry(IServiceProvider services, Func<PartnerRegistry, Task> action)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await action(scope.ServiceProvider.GetRequiredService<PartnerRegistry>());
            return 0;
        }
        catch (PartnerRegistryException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }
}
