using Platform.Security.OpenApi;
using System.Text.Json;

namespace Platform.Meetings.Apis;

/// <summary>
/// The reply links of the invitation email: <c>/api/v1/rsvp/{token}?reply=accept|decline|tentative</c>.
/// No partner login: the signed, expiring token is the credential. Mail scanners and link previews follow
/// every link with GET, so GET only shows the meeting and three buttons; the buttons POST, and only a POST
/// records a reply. A form post gets a confirmation page; an API client (JSON body or query) gets JSON.
/// </summary>
public static class RsvpApi
{
    public sealed record ReplyResponse(Guid MeetingId, string Title, DateTimeOffset StartsAt, Guid ContactId, string Reply);

    /// <summary>accept, decline or tentative; a form field or JSON body wins over the <c>reply</c> of the query.</summary>
    public sealed record ReplyRequest(string? Reply);

    /// <summary>What showing and answering a link need.</summary>
    public sealed record Answering(HttpContext Http, MeetingsDbContext Db, LinkSigner Links, TimeProvider Clock, CancellationToken CancellationToken);

    public static IEndpointRouteBuilder MapRsvpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/rsvp").WithTags("Replies").AllowAnonymous().AddEndpointFilter(async (context, next) =>
        {
            Secure(context.HttpContext.Response);
            return await next(context);
        });
        api.MapGet("/{token}", Show).WithName("ReplyByLink")
            .WithSummary("The page a reply link opens: the meeting, the current reply and three buttons that post; records nothing")
            .Produces<string>(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/{token}", Reply).WithName("Reply")
            .WithSummary("Record a reply with the token of an invitation link: JSON for API clients, a confirmation page for a form post")
            .Accepts<ReplyRequest>(isOptional: true, "application/json", "application/x-www-form-urlencoded")
            // The same 200 is JSON for an API client and the confirmation page for the page's form post.
            .ProducesTextToo("text/html")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    /// <param name="reply">The answer the followed link stands for: highlighted on the page, not recorded.</param>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Show(string token, string? reply, [AsParameters] Answering answering)
    {
        var (invitation, failure, language) = await OpenAsync(token, answering);
        var json = WantsJson(answering.Http.Request);
        if (failure is not null) return json ? Problem(failure.Value, invitation?.Meeting) : Page(ReplyPage.Failure(language, failure.Value), failure.Value);
        var suggested = reply is not null && Replies.FromLink.ContainsKey(reply) ? reply : null;
        return TypedResults.Content(ReplyPage.Invitation(language, invitation!.Meeting, invitation.Invitee.Reply, suggested, recorded: null), ReplyPage.ContentType);
    }

    public static async Task<Results<Ok<ReplyResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Reply(
        string token, string? reply, [AsParameters] Answering answering)
    {
        var (http, db, cancellationToken) = (answering.Http, answering.Db, answering.CancellationToken);
        // The page's buttons are forms: their posts are answered with a page, everything else with JSON.
        var fromPage = http.Request.HasFormContentType;
        var (chosen, unreadable) = await ReadReplyAsync(http.Request, reply, cancellationToken);
        if (unreadable is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [unreadable] });

        var (invitation, failure, language) = await OpenAsync(token, answering);
        if (failure is not null) return fromPage ? Page(ReplyPage.Failure(language, failure.Value), failure.Value) : Problem(failure.Value, invitation?.Meeting);
        if (chosen is null || !Replies.FromLink.TryGetValue(chosen, out var answer))
            return fromPage
                ? Page(ReplyPage.Failure(language, ReplyFailure.UnknownReply), ReplyFailure.UnknownReply)
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reply"] = ["The reply is accept, decline or tentative."] });

        var (meeting, invitee) = (invitation!.Meeting, invitation.Invitee);
        // Answering the same twice records nothing new and tells nobody twice.
        if (invitee.Reply != answer)
        {
            invitee.Reply = answer;
            invitee.RepliedAt = answering.Clock.GetUtcNow();
            db.PublishOnCommit(new InvitationAnswered { MeetingId = meeting.Id, ContactId = invitee.ContactId, Reply = answer, AnsweredAt = invitee.RepliedAt.Value }, meeting.Id);
            try { await db.SaveChangesAsync(cancellationToken); }
            catch (DbUpdateConcurrencyException)
            {
                // The meeting changed between reading and saving (a reschedule, another reply): nothing was recorded.
                return fromPage ? Page(ReplyPage.Failure(language, ReplyFailure.Busy), ReplyFailure.Busy) : Problem(ReplyFailure.Busy, meeting);
            }
        }
        if (fromPage)
            return TypedResults.Content(ReplyPage.Invitation(language, meeting, invitee.Reply, chosen, recorded: invitee.Reply), ReplyPage.ContentType);
        return TypedResults.Ok(new ReplyResponse(meeting.Id, meeting.Title, meeting.StartsAt.ToIstanbul(), invitee.ContactId, invitee.Reply));
    }

    private sealed record OpenInvitation(Meeting Meeting, Invitee Invitee);

    /// <summary>
    /// The meeting and invitee a token names, or why it cannot be answered; and the language to answer in:
    /// the invitee's, else (a forged link) the browser's.
    /// </summary>
    private static async Task<(OpenInvitation? Invitation, ReplyFailure? Failure, string Language)> OpenAsync(string token, Answering answering)
    {
        var (db, cancellationToken) = (answering.Db, answering.CancellationToken);
        var claim = answering.Links.ReadReply(token);
        if (claim is null) return (null, ReplyFailure.Invalid, BrowserLanguage(answering.Http.Request));
        var language = await db.Contacts.Where(c => c.Id == claim.ContactId).Select(c => c.Language).SingleOrDefaultAsync(cancellationToken)
            ?? BrowserLanguage(answering.Http.Request);
        if (answering.Links.IsExpired(claim)) return (null, ReplyFailure.Expired, language);
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == claim.MeetingId, cancellationToken);
        var invitee = meeting?.Invitees.SingleOrDefault(i => i.ContactId == claim.ContactId);
        if (meeting is null || invitee is null) return (null, ReplyFailure.Withdrawn, language);
        if (meeting.IsCancelled) return (new OpenInvitation(meeting, invitee), ReplyFailure.Cancelled, language);
        return (new OpenInvitation(meeting, invitee), null, language);
    }

    /// <summary>The reply of a form field or JSON body, else of the query; an unreadable body is a 400, never a 500.</summary>
    private static async Task<(string? Reply, string? Unreadable)> ReadReplyAsync(HttpRequest request, string? fromQuery, CancellationToken cancellationToken)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                return (form.TryGetValue("reply", out var value) ? value.ToString() : fromQuery, null);
            }
            if (request.HasJsonContentType())
            {
                var body = await request.ReadFromJsonAsync<ReplyRequest>(cancellationToken);
                return (body?.Reply ?? fromQuery, null);
            }
        }
        catch (JsonException) { return (null, "The body is not a JSON object like {\"reply\": \"accept\"}."); }
        catch (InvalidDataException) { return (null, "The form could not be read."); }
        return (fromQuery, null);
    }

    private static ContentHttpResult Page(string html, ReplyFailure failure) =>
        TypedResults.Content(html, ReplyPage.ContentType, statusCode: StatusOf(failure));

    private static ProblemHttpResult Problem(ReplyFailure failure, Meeting? meeting) => failure switch
    {
        ReplyFailure.Invalid => TypedResults.Problem(statusCode: StatusOf(failure), title: "Invalid reply link", detail: "This reply link was not issued by the platform."),
        ReplyFailure.Expired => TypedResults.Problem(statusCode: StatusOf(failure), title: "Reply link expired", detail: "This meeting is over; the link no longer records replies."),
        ReplyFailure.Withdrawn => TypedResults.Problem(statusCode: StatusOf(failure), title: "No longer invited", detail: "This invitation was withdrawn."),
        ReplyFailure.Cancelled when meeting is not null => MeetingHttp.Cancelled(meeting),
        ReplyFailure.Busy => TypedResults.Problem(statusCode: StatusOf(failure), title: "Meeting changed", detail: "The meeting changed while the reply was saved; nothing was recorded, send it again."),
        _ => TypedResults.Problem(statusCode: StatusOf(failure)),
    };

    private static int StatusOf(ReplyFailure failure) => failure switch
    {
        ReplyFailure.Invalid => StatusCodes.Status403Forbidden,
        ReplyFailure.Expired => StatusCodes.Status410Gone,
        ReplyFailure.Withdrawn => StatusCodes.Status404NotFound,
        ReplyFailure.UnknownReply => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>A GET is a person (or a scanner) unless the client asks for JSON and not for HTML.</summary>
    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    private static string BrowserLanguage(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && Languages.All.Contains(l));
        return ReplyPage.Language(preferred);
    }

    /// <summary>
    /// The page has no script, image or external style, so nothing else may load; its forms post only back
    /// here; the address holds the token, so no referrer leaves with a click and nothing is cached or framed.
    /// </summary>
    private static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
