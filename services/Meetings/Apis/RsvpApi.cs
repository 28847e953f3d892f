using System.Net;

namespace Platform.Meetings.Apis;

/// <summary>
/// One-click replies from the invitation email: <c>/api/v1/rsvp/{token}?reply=accept|decline|tentative</c>.
/// No partner login: the signed, expiring token is the credential. A browser gets a short page in the
/// invitee's language; an API client (or <c>POST</c>) gets JSON.
/// </summary>
public static class RsvpApi
{
    public sealed record ReplyResponse(Guid MeetingId, string Title, DateTimeOffset StartsAt, Guid ContactId, string Reply);

    public static IEndpointRouteBuilder MapRsvpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/rsvp").WithTags("Replies").AllowAnonymous();
        api.MapGet("/{token}", Reply).WithName("ReplyByLink").WithSummary("Record a reply by following the link in the invitation");
        api.MapPost("/{token}", Reply).WithName("Reply").WithSummary("Record a reply with the token of an invitation link")
            .Produces<ReplyResponse>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(410);
        return app;
    }

    public static async Task<IResult> Reply(string token, string? reply, HttpContext http, MeetingsDbContext db, ReplyLinkSigner links,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var claim = links.Read(token);
        if (claim is null)
            return TypedResults.Problem(statusCode: 403, title: "Invalid reply link", detail: "This reply link was not issued by the platform.");
        if (links.IsExpired(claim))
            return TypedResults.Problem(statusCode: 410, title: "Reply link expired", detail: "This meeting is over; the link no longer records replies.");
        if (reply is null || !Replies.FromLink.TryGetValue(reply, out var answer))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reply"] = ["The reply is accept, decline or tentative."] });
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == claim.MeetingId, cancellationToken);
        var invitee = meeting?.Invitees.SingleOrDefault(i => i.ContactId == claim.ContactId);
        if (meeting is null || invitee is null)
            return TypedResults.Problem(statusCode: 404, title: "No longer invited", detail: "This invitation was withdrawn.");
        if (meeting.IsCancelled) return MeetingHttp.Cancelled(meeting);

        // Following the same link twice records nothing new and tells nobody twice.
        if (invitee.Reply != answer)
        {
            invitee.Reply = answer;
            invitee.RepliedAt = clock.GetUtcNow();
            db.PublishOnCommit(new InvitationAnswered { MeetingId = meeting.Id, ContactId = invitee.ContactId, Reply = answer, AnsweredAt = invitee.RepliedAt.Value }, meeting.Id);
            await db.SaveChangesAsync(cancellationToken);
        }
        var response = new ReplyResponse(meeting.Id, meeting.Title, meeting.StartsAt.ToIstanbul(), invitee.ContactId, invitee.Reply);
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            var language = await db.Contacts.Where(c => c.Id == invitee.ContactId).Select(c => c.Language).SingleAsync(cancellationToken);
            return TypedResults.Content(ReplyPage(language, meeting, answer), "text/html; charset=utf-8");
        }
        return TypedResults.Ok(response);
    }

    private static string ReplyPage(string language, Meeting meeting, string reply)
    {
        var (recorded, direction) = language switch
        {
            "ar" => (reply switch { Replies.Accepted => "تم تسجيل قبولكم", Replies.Declined => "تم تسجيل اعتذاركم", _ => "تم تسجيل ردكم المبدئي" }, "rtl"),
            "en" => (reply switch { Replies.Accepted => "Your acceptance is recorded", Replies.Declined => "Your decline is recorded", _ => "Your tentative reply is recorded" }, "ltr"),
            _ => (reply switch { Replies.Accepted => "Katılımınız kaydedildi", Replies.Declined => "Katılamayacağınız kaydedildi", _ => "Belki yanıtınız kaydedildi" }, "ltr"),
        };
        var when = meeting.StartsAt.ToIstanbul().ToString("yyyy-MM-dd HH:mm");
        return $"""
            <!doctype html>
            <html lang="{language}" dir="{direction}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(meeting.Title)}</title></head>
            <body><h1>{recorded}</h1><p>{WebUtility.HtmlEncode(meeting.Title)} · {when} (Europe/Istanbul)</p></body></html>
            """;
    }
}
