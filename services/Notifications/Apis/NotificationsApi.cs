using Platform.Security;
using Platform.WebApi.Paging;

namespace Platform.Notifications.Apis;

/// <summary>
/// The delivery log: who was sent what, and whether it arrived at the SMTP server. A partner sees the
/// emails of its own districts only (a city-wide partner sees all); participants' names and addresses
/// are masked for everyone.
/// </summary>
public static class NotificationsApi
{
    public sealed record NotificationResponse(Guid Id, Guid SubjectId, string? District, Guid? InstitutionId, string Kind, string RecipientKind,
        Guid RecipientId, string RecipientName, string RecipientEmail, string Language, string Subject, string Status, int Attempts, string? LastError,
        DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string MessageId, string? SmtpResponse);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", List).RequireAuthorization(PartnerScopes.NotificationsRead)
            .WithTags("Notifications").WithName("ListNotifications")
            .WithSummary("The delivery log of your districts, by the meeting (or referral, training, action item) it was about; newest first; paged");
        return app;
    }

    public static async Task<Results<Ok<Page<NotificationResponse>>, ValidationProblem>> List(
        Guid? subjectId, string? status, string? district, int? page, int? pageSize, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (status is not null && status is not (NotificationStatus.Pending or NotificationStatus.Sent or NotificationStatus.Failed))
            errors["status"] = ["The status is Pending, Sent or Failed."];
        if (district is not null && !Districts.Codes.Contains(district)) errors["district"] = [$"'{district}' is not an Istanbul district code."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var query = VisibleTo(db.Notifications.AsNoTracking(), Partner.From(user));
        if (subjectId is not null) query = query.Where(n => n.SubjectId == subjectId);
        if (status is not null) query = query.Where(n => n.Status == status);
        if (district is not null) query = query.Where(n => n.District == district);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(n => new NotificationResponse(n.Id, n.SubjectId, n.District, n.InstitutionId, n.Kind, n.RecipientKind, n.RecipientId, n.RecipientName,
                n.RecipientEmail, n.Language, n.Subject, n.Status, n.Attempts, n.LastError, n.CreatedAt, n.SentAt, n.MessageId, n.SmtpResponse))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<NotificationResponse>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>The partner's districts; city-wide emails (no district) only to a partner of all districts.</summary>
    private static IQueryable<Notification> VisibleTo(IQueryable<Notification> notifications, Partner partner)
    {
        if (partner.ActsInAllDistricts) return notifications;
        var granted = partner.Districts.ToList();
        return notifications.Where(n => n.District != null && granted.Contains(n.District));
    }
}
