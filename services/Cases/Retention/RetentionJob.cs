using Microsoft.Extensions.Options;
using Platform.Cases.Rights;

namespace Platform.Cases.Retention;

/// <summary>
/// Erases, every <see cref="RetentionOptions.RunEvery"/> (daily), each person with no activity for
/// <see cref="RetentionOptions.InactiveAfter"/> (five years) whom no desk renewed: through the same
/// <see cref="PersonErasure"/> as a request, audited with the actor <c>retention</c>. Each run leaves a
/// <see cref="RetentionRun"/> row. One person, one transaction: a person renewed while the run goes is
/// checked again before she is erased, and a second instance erasing her first makes the other skip her.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger)
    : BackgroundService
{
    public const string Actor = "retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RunEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The retention run failed; the next one is in {Interval}", options.Value.RunEvery);
            }
        }
    }

    public async Task<RetentionRun> RunAsync(CancellationToken cancellationToken)
    {
        var run = new RetentionRun { StartedAt = clock.GetUtcNow(), InactiveSince = clock.GetUtcNow() - options.Value.InactiveAfter };
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await LastActivity.Due(scope.ServiceProvider.GetRequiredService<CasesDbContext>(), run.InactiveSince).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            if (await EraseAsync(id, run.InactiveSince, cancellationToken)) run.Erased++;
            else run.Skipped++;
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            run.FinishedAt = clock.GetUtcNow();
            db.RetentionRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Retention run {RunId}: {Erased} people erased, {Skipped} skipped", run.Id, run.Erased, run.Skipped);
        return run;
    }

    private async Task<bool> EraseAsync(Guid id, DateTimeOffset inactiveSince, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        if (!await LastActivity.Due(db, inactiveSince).AnyAsync(p => p.Id == id, cancellationToken)) return false;
        var beneficiary = await db.Beneficiaries.SingleAsync(b => b.Id == id, cancellationToken);
        try
        {
            await scope.ServiceProvider.GetRequiredService<PersonErasure>().EraseAsync(beneficiary, Actor, null, cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
