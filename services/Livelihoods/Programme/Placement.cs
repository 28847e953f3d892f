namespace Platform.Livelihoods.Programme;

/// <summary>
/// Places women in workshops: a free place enrols her, a full workshop puts her on its waiting list
/// (first come, first placed), and a place freed by a withdrawal or graduation goes to the longest
/// waiting. Status changes of a referred woman answer the cases referral (accepted, declined, completed).
/// </summary>
public sealed class Placement(LivelihoodsDbContext db, TimeProvider clock)
{
    public async Task PlaceAsync(Entrepreneur entrepreneur, Cohort cohort, Workshop workshop, CancellationToken cancellationToken)
    {
        entrepreneur.CohortId = cohort.Id;
        entrepreneur.WorkshopId = workshop.Id;
        // Places are counted in the database under a lock on the workshop row: two enrolments at once cannot both take the last place.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM workshops WHERE id = {workshop.Id} FOR UPDATE", cancellationToken);
        var taken = await db.Entrepreneurs.CountAsync(e => e.WorkshopId == workshop.Id && e.Status == EntrepreneurStatuses.Enrolled && e.Id != entrepreneur.Id, cancellationToken);
        if (taken < workshop.Capacity) Enrol(entrepreneur, cohort, workshop);
        else
        {
            entrepreneur.Status = EntrepreneurStatuses.Waiting;
            entrepreneur.WaitingSince ??= clock.GetUtcNow();
        }
    }

    /// <summary>She leaves her place (withdrawn or graduated): the longest waiting woman of the workshop takes it.</summary>
    public async Task LeaveAsync(Entrepreneur entrepreneur, string status, string? reason, CancellationToken cancellationToken)
    {
        var hadPlace = entrepreneur.Status == EntrepreneurStatuses.Enrolled;
        entrepreneur.Status = status;
        entrepreneur.WithdrawalReason = reason;
        Answer(entrepreneur, status == EntrepreneurStatuses.Graduated ? "completed" : "declined");
        if (!hadPlace || entrepreneur.WorkshopId is not { } workshopId) return;
        var next = await db.Entrepreneurs.Where(e => e.WorkshopId == workshopId && e.Status == EntrepreneurStatuses.Waiting)
            .OrderBy(e => e.WaitingSince).ThenBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        if (next is null) return;
        var workshop = await db.Workshops.SingleAsync(w => w.Id == workshopId, cancellationToken);
        var cohort = await db.Cohorts.SingleAsync(c => c.Id == workshop.CohortId, cancellationToken);
        Enrol(next, cohort, workshop);
    }

    private void Enrol(Entrepreneur entrepreneur, Cohort cohort, Workshop workshop)
    {
        var now = clock.GetUtcNow();
        entrepreneur.Status = EntrepreneurStatuses.Enrolled;
        entrepreneur.EnrolledAt = now;
        entrepreneur.WaitingSince = null;
        db.PublishOnCommit(new EntrepreneurEnrolled
        {
            EntrepreneurId = entrepreneur.Id, ReferenceCode = entrepreneur.ReferenceCode, CohortId = cohort.Id, WorkshopId = workshop.Id,
            WorkshopKind = workshop.Kind, District = entrepreneur.District, EnrolledAt = now,
        }, entrepreneur.Id);
        Answer(entrepreneur, "accepted");
    }

    /// <summary>The desk that referred her sees what the programme did.</summary>
    private void Answer(Entrepreneur entrepreneur, string outcome)
    {
        if (entrepreneur is not { ReferralId: { } referral, ReferralCode: { } code, ReferralCaseId: { } caseId }) return;
        db.PublishOnCommit(new ReferralAnswered { ReferralId = referral, ReferenceCode = code, CaseId = caseId, Outcome = outcome, AnsweredAt = clock.GetUtcNow() }, entrepreneur.Id);
    }
}
