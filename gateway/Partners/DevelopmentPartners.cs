namespace Platform.Gateway.Partners;

/// <summary>
/// Well-known partners with well-known secrets, so a developer can call the API at once. Created only
/// when the environment is Development, never otherwise (see <c>SeedAsync</c>'s caller).
/// </summary>
public static class DevelopmentPartners
{
    private static readonly string[] DeskScopes =
    [
        PartnerScopes.CasesRead, PartnerScopes.CasesWrite, PartnerScopes.LivelihoodsRead, PartnerScopes.LivelihoodsWrite,
        PartnerScopes.MeetingsRead, PartnerScopes.NotificationsRead,
    ];

    public static readonly IReadOnlyList<(PartnerRegistration Registration, string Secret)> All =
    [
        (new PartnerRegistration("Platform development", [.. PartnerScopes.All], [PartnerClaims.AllDistricts], "platform-dev"), "platform-dev-secret"),
        (new PartnerRegistration("Ümraniye Social Protection Desk", DeskScopes, ["umraniye"], "umraniye-desk"), "umraniye-desk-secret"),
        (new PartnerRegistration("Gaziosmanpaşa Social Protection Desk", DeskScopes, ["gaziosmanpasa"], "gaziosmanpasa-desk"), "gaziosmanpasa-desk-secret"),
        (new PartnerRegistration("Meetings reader", [PartnerScopes.MeetingsRead], [PartnerClaims.AllDistricts], "meetings-reader"), "meetings-reader-secret"),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<PartnerRegistry>();
        var existing = (await registry.ListAsync(cancellationToken)).Select(p => p.ClientId).ToHashSet(StringComparer.Ordinal);
        foreach (var (registration, secret) in All.Where(p => !existing.Contains(p.Registration.ClientId!)))
        {
            try
            {
                await registry.AddAsync(registration, secret, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second gateway instance seeded it at the same moment.
            }
        }
    }
}
