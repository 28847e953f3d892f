namespace Platform.Cases.Protection;

/// <summary>
/// People registered before they had keys of their own (before issue 19) have their details sealed under the
/// ring: when the service starts, after its migrations, they are re-sealed under a new key each, in batches,
/// so that erasing any of them shreds her backups too. Two instances starting together race harmlessly: the
/// row version refuses the second writer, whose next batch no longer finds those people.
/// </summary>
public static class PersonKeyBackfill
{
    private const int BatchSize = 500;

    public static Task SealDetailsUnderPersonKeysAsync(this WebApplication app) => RunAsync(app.Services, CancellationToken.None);

    /// <summary>Re-seals every person without a key of her own; returns how many.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Cases.PersonKeys");
        var sealedCount = 0;
        for (var refused = 0; refused < 3;)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var batch = await db.Beneficiaries.Where(b => b.Key == null && b.ErasedAt == null).OrderBy(b => b.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var beneficiary in batch) protector.SealDetails(beneficiary, protector.Open(beneficiary), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sealedCount += batch.Count;
            }
            catch (DbUpdateException)
            {
                refused++;
            }
        }
        if (sealedCount > 0) logger.LogInformation("Sealed the details of {Count} people under keys of their own", sealedCount);
        return sealedCount;
    }
}
