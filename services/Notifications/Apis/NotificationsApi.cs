using Platform.Security;
using Platform.WebApi.Paging;

namespace Platform.Notifications.Apis;

/// <summary>The delivery log: who was sent what, and whether it arrived at the SMTP server.</summary>
public static class NotificationsApi
{
    public sealed record NotificationResponse(Guid Id, Guid SubjectId, string Kind, Guid RecipientId, string RecipientName, string RecipientEmail,
        string Language, string Subject, string Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string MessageId, string? SmtpResponse);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", List).RequireAuthorization(PartnerScopes.NotificationsRead)
            .WithTags("Notifications").WithName("ListNotifications")
            .WithSummary("The delivery log, by the meeting (or action item) it was about; newest first; paged")
            .Produces<Page<NotificationResponse>>();
        return app;
    }

    public static async Task<IResult> List(Guid? subjectId, string? status, int? page, int? pageSize, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (status is not null && status is not (NotificationStatus.Pending or NotificationStatus.Sent or NotificationStatus.Failed))
            errors["status"] = ["The status is Pending, Sent or Failed."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var query = db.Notifications.AsNoTracking();
        if (subjectId is not null) query = query.Where(n => n.SubjectId == subjectId);
        if (status is not null) query = query.Where(n => n.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(n => new NotificationResponse(n.Id, n.SubjectId, n.Kind, n.RecipientId, n.RecipientName, n.RecipientEmail, n.Language, n.Subject,
                n.Status, n.Attempts, n.LastError, n.CreatedAt, n.SentAt, n.MessageId, n.SmtpResponse))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<NotificationResponse>(items, paging.Page, paging.PageSize, total));
    }
}
