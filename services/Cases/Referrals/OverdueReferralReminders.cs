namespace Platform.Cases.Referrals;

/// <summary>
/// Reminds the receiving institution of a referral still unanswered after its due date: one
/// <see cref="ReferralOverdue"/> per referral, ever. The reminder's time is stamped on the referral in the
/// same transaction as the event enters the outbox, so a restart or a second instance never reminds
/// twice (the referral's row version settles a race). Checks every <c>Cases:OverdueCheckInterval</c>
/// (1 hour by default).
/// </summary>
public sealed class OverdueReferralReminders(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<OverdueReferralReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Cases:OverdueCheckInterval", TimeSpan.FromHours(1));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var reminded = await RemindAsync(stoppingToken);
                if (reminded > 0) logger.LogInformation("Reminded the receiving institutions of {Count} overdue referrals", reminded);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Overdue referrals could not be checked; trying again in {Interval}", interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var today = IstanbulTime.Today(clock);
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<CasesDbContext>().Referrals
                .Where(r => r.Status == ReferralStatuses.Made && r.DueBy < today && r.ReminderSentAt == null && r.ToInstitutionId != null)
                .OrderBy(r => r.DueBy).Select(r => r.Id).Take(500).ToListAsync(cancellationToken);
        }
        var reminded = 0;
        foreach (var id in due)
            if (await RemindAsync(id, cancellationToken)) reminded++;
        return reminded;
    }

    /// <summary>One referral, one transaction: its reminder stamp and its event commit together.</summary>
    private async Task<bool> RemindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
        var referral = await db.Referrals.SingleAsync(r => r.Id == id, cancellationToken);
        if (referral.ReminderSentAt is not null || referral.Status != ReferralStatuses.Made) return false;
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == referral.ToInstitutionId, cancellationToken);
        var now = clock.GetUtcNow();
        referral.ReminderSentAt = now;
        db.PublishOnCommit(new ReferralOverdue
        {
            ReferralId = referral.Id, ReferenceCode = referral.ReferenceCode, FromDistrict = referral.FromDistrict,
            ToInstitutionId = institution.Id, ToInstitutionName = institution.Name, ServiceOfferId = referral.ServiceOfferId,
            Category = referral.Category, DueBy = referral.DueBy, RemindedAt = now,
            Recipients = await FocalPoints.OfAsync(db, institution.Id, cancellationToken),
        }, referral.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance reminded, or the institution answered, in between: nothing to do.
            return false;
        }
    }
}
