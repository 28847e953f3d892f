namespace Platform.Meetings.ActionItems;

/// <summary>
/// Reminds the owners of overdue action items: every open item past its due date raises
/// <see cref="ActionItemOverdue"/> once per Istanbul day until it is closed. Checks every
/// <c>Meetings:OverdueCheckInterval</c> (1 hour by default); the day stamp keeps it to one reminder a
/// day however often it runs, and the row version keeps two instances from both reminding.
/// </summary>
public sealed class OverdueActionItemReminders(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<OverdueActionItemReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Meetings:OverdueCheckInterval", TimeSpan.FromHours(1));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var reminded = await RemindAsync(stoppingToken);
                if (reminded > 0) logger.LogInformation("Reminded the owners of {Count} overdue action items", reminded);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Overdue action items could not be checked; trying again in {Interval}", interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var today = IstanbulTime.Today(clock);
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<MeetingsDbContext>().ActionItems
                .Where(a => a.Status == ActionItemStatuses.Open && a.DueOn < today && (a.LastRemindedOn == null || a.LastRemindedOn < today))
                .OrderBy(a => a.DueOn).Select(a => a.Id).Take(500).ToListAsync(cancellationToken);
        }
        var reminded = 0;
        foreach (var id in due)
            if (await RemindAsync(id, today, cancellationToken)) reminded++;
        return reminded;
    }

    /// <summary>One item, one transaction: its day stamp and its event commit together.</summary>
    private async Task<bool> RemindAsync(Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        var item = await db.ActionItems.SingleAsync(a => a.Id == id, cancellationToken);
        var meetingTitle = await db.Meetings.AsNoTracking().Where(m => m.Id == item.MeetingId).Select(m => m.Title).SingleAsync(cancellationToken);
        var owner = await db.Institutions.AsNoTracking().Include(i => i.Contacts).SingleAsync(i => i.Id == item.OwnerInstitutionId, cancellationToken);
        item.LastRemindedOn = today;
        db.PublishOnCommit(new ActionItemOverdue
        {
            ActionItemId = item.Id,
            MeetingId = item.MeetingId,
            MeetingTitle = meetingTitle,
            District = item.District,
            Description = item.Description,
            OwnerInstitutionId = owner.Id,
            OwnerInstitutionName = owner.Name,
            DueOn = item.DueOn,
            RemindedOn = today,
            Recipients = owner.Contacts.Select(c => new Recipient { ContactId = c.Id, FullName = c.FullName, Email = c.Email, Language = c.Language }).ToList(),
        }, item.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance reminded, or someone closed the item, in between: nothing to do.
            return false;
        }
    }
}
