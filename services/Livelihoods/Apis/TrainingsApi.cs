namespace Platform.Livelihoods.Apis;

/// <summary>Training sessions of a cohort (invitations by email through notifications) and their attendance.</summary>
public static class TrainingsApi
{
    public static IEndpointRouteBuilder MapTrainingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cohorts/{id}/trainings", Schedule).WithTags("Trainings").RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("ScheduleTraining").WithSummary("Schedule a session (times with offset, Istanbul); enrolled women with an email are invited in their language (audited as a share)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var api = app.MapGroup("/api/v1/trainings").WithTags("Trainings").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id}", Get).RequireAuthorization(PartnerScopes.LivelihoodsRead).WithName("GetTraining").WithSummary("A session with its attendance");
        api.MapPut("/{id}/attendance", RecordAttendance).RequireAuthorization(PartnerScopes.LivelihoodsWrite)
            .WithName("RecordTrainingAttendance").WithSummary("Who came: the enrolled women of the cohort present (the others are absent)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public sealed record ScheduleRequest(string? Topic, string? Title, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location);
    public sealed record AttendanceRequest(List<Guid>? Present);
    public sealed record TrainingResponse(Guid Id, Guid CohortId, string Topic, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, int Invited, int Present, int Absent);

    /// <summary>What scheduling works with: the invitees' details are opened, audited and sealed again for notifications.</summary>
    public sealed record SchedulingServices(ClaimsPrincipal User, LivelihoodsDbContext Db, PersonalDataProtector Protector, InviteeEnvelope Envelope, AuditTrail Audit,
        CancellationToken CancellationToken);

    public static async Task<Results<Created<TrainingResponse>, ValidationProblem, ProblemHttpResult>> Schedule(Guid id, ScheduleRequest request, [AsParameters] SchedulingServices services)
    {
        var (db, protector, envelope, audit, cancellationToken) = (services.Db, services.Protector, services.Envelope, services.Audit, services.CancellationToken);
        var check = new Validation();
        check.OneOf("topic", request.Topic, TrainingTopics.All);
        check.Required("title", request.Title);
        if (request.StartsAt is null) check.Add("startsAt", "startsAt is required, with its offset (2026-12-01T10:00:00+03:00).");
        if (request.EndsAt is null) check.Add("endsAt", "endsAt is required, with its offset.");
        else if (request.StartsAt is { } starts && request.EndsAt <= starts) check.Add("endsAt", "endsAt is after startsAt.");
        if (request.Location is { Length: > 300 }) check.Add("location", "location is longer than 300 characters.");
        if (check.Failed) return check.Problem();
        var partner = Partner.From(services.User);
        var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null || !partner.MayActIn(cohort.District)) return NotVisible.Problem("cohort");

        var training = new Training
        {
            Id = Guid.CreateVersion7(), CohortId = id, Topic = request.Topic!, Title = request.Title!.Trim(),
            StartsAt = request.StartsAt!.Value.ToUniversalTime(), EndsAt = request.EndsAt!.Value.ToUniversalTime(), Location = request.Location,
        };
        var enrolled = await db.Entrepreneurs.Where(e => e.CohortId == id && e.Status == EntrepreneurStatuses.Enrolled).ToListAsync(cancellationToken);
        foreach (var woman in enrolled) training.Attendance.Add(new Attendance { TrainingId = training.Id, EntrepreneurId = woman.Id, Present = false });
        db.Trainings.Add(training);

        var invitees = new List<TrainingInvitee>();
        // Each woman whose details are opened to invite her gets one audit entry (a share with notifications).
        foreach (var woman in enrolled.Where(e => e.HasEmail))
        {
            var details = protector.Open<EntrepreneurDetails>(woman.SealedDetails, Entrepreneur.Context(woman.Id));
            invitees.Add(new TrainingInvitee { EntrepreneurId = woman.Id, FullName = details.FullName, Email = details.Email!, Language = woman.Language });
            audit.Record(partner, woman.Id, "share", "training", training.Id);
        }
        db.PublishOnCommit(new TrainingScheduled
        {
            TrainingId = training.Id, CohortId = id, CohortName = cohort.Name, District = cohort.District, Topic = training.Topic, Title = training.Title,
            StartsAt = training.StartsAt.ToIstanbul(), EndsAt = training.EndsAt.ToIstanbul(), Location = training.Location,
            SealedInvitees = envelope.Seal(invitees, training.Id),
        }, training.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/trainings/{training.Id}", Response(training));
    }

    public static async Task<Results<Ok<TrainingResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().Include(t => t.Attendance).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (training is null || !await VisibleAsync(db, training, Partner.From(user), cancellationToken)) return NotVisible.Problem("training");
        return TypedResults.Ok(Response(training));
    }

    public static async Task<Results<Ok<TrainingResponse>, ValidationProblem, ProblemHttpResult>> RecordAttendance(
        Guid id, AttendanceRequest request, ClaimsPrincipal user, LivelihoodsDbContext db, CancellationToken cancellationToken)
    {
        var check = new Validation();
        // An empty list says nobody came; a missing one is more likely a mistake than that.
        if (request.Present is null) check.Add("present", "present is required: the ids of the women who came (an empty list if nobody did).");
        if (check.Failed) return check.Problem();
        var training = await db.Trainings.Include(t => t.Attendance).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (training is null || !await VisibleAsync(db, training, Partner.From(user), cancellationToken)) return NotVisible.Problem("training");
        var present = request.Present!.ToHashSet();
        var strangers = present.Where(p => training.Attendance.All(a => a.EntrepreneurId != p)).ToList();
        if (strangers.Count > 0)
            return TypedResults.Problem(statusCode: 422, title: "Not invited", detail: $"{strangers.Count} of the women given were not enrolled in the cohort when the session was scheduled.");
        foreach (var attendance in training.Attendance) attendance.Present = present.Contains(attendance.EntrepreneurId);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Response(training));
    }

    private static async Task<bool> VisibleAsync(LivelihoodsDbContext db, Training training, Partner partner, CancellationToken cancellationToken) =>
        partner.MayActIn(await db.Cohorts.Where(c => c.Id == training.CohortId).Select(c => c.District).SingleAsync(cancellationToken));

    private static TrainingResponse Response(Training t) => new(t.Id, t.CohortId, t.Topic, t.Title, t.StartsAt.ToIstanbul(), t.EndsAt.ToIstanbul(),
        t.Location, t.Attendance.Count, t.Attendance.Count(a => a.Present), t.Attendance.Count(a => !a.Present));
}
