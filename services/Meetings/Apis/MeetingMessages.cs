using System.Globalization;

namespace Platform.Meetings.Apis;

public sealed record AgendaItemRequest(string? Topic, string? Title, Guid? PresenterInstitutionId);

public sealed record ScheduleMeetingRequest(
    string? Title, string? Kind, string? District, Guid? HostInstitutionId, string? StartsAt, string? EndsAt,
    string? Location, string? OnlineUrl, List<AgendaItemRequest>? Agenda, List<Guid>? InviteeContactIds);

public sealed record RescheduleMeetingRequest(string? StartsAt, string? EndsAt, string? Location);

public sealed record CancelMeetingRequest(string? Reason);

public sealed record AgendaItemResponse(int Position, string Topic, string Title, Guid? PresenterInstitutionId, Guid? FollowsUpActionItemId);
public sealed record InviteeResponse(Guid ContactId, string Reply, DateTimeOffset? RepliedAt, bool? Attended);
public sealed record MinutesResponse(string Summary, IReadOnlyList<string> Decisions, DateTimeOffset PublishedAt);

/// <summary>A meeting as partners read it; times carry Istanbul's offset.</summary>
public sealed record MeetingResponse(
    Guid Id, string Title, string Kind, string? District, Guid HostInstitutionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZone, string? Location, string? OnlineUrl, string Status, int Sequence, string? CancellationReason,
    IReadOnlyList<AgendaItemResponse> Agenda, IReadOnlyList<InviteeResponse> Invitees, MinutesResponse? Minutes)
{
    public static MeetingResponse From(Meeting m) => new(
        m.Id, m.Title, m.Kind, m.District, m.HostInstitutionId, m.StartsAt.ToIstanbul(), m.EndsAt.ToIstanbul(), IstanbulTime.ZoneId,
        m.Location, m.OnlineUrl, m.Status, m.Sequence, m.CancellationReason,
        m.Agenda.OrderBy(a => a.Position).Select(a => new AgendaItemResponse(a.Position, a.Topic, a.Title, a.PresenterInstitutionId, a.FollowsUpActionItemId)).ToList(),
        m.Invitees.OrderBy(i => i.ContactId).Select(i => new InviteeResponse(i.ContactId, i.Reply, i.RepliedAt, i.Attended)).ToList(),
        m.Minutes is null ? null : new MinutesResponse(m.Minutes.Summary, m.Minutes.Decisions, m.Minutes.PublishedAt.ToIstanbul()));
}

/// <summary>Parsing and answers shared by the meeting endpoints.</summary>
internal static class MeetingHttp
{
    /// <summary>An ISO 8601 time that states its offset ("2021-01-07T10:00:00+03:00" or "...Z"); a bare local time is ambiguous and refused.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        var hasOffset = t.EndsWith('Z') || t.EndsWith('z') || (t.Length > 6 && (t[^6] is '+' or '-') && t[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static void ValidateTimes(string? startsAt, string? endsAt, Dictionary<string, string[]> errors, out DateTimeOffset starts, out DateTimeOffset ends)
    {
        const string Example = "an ISO 8601 time with its offset, e.g. 2021-01-07T10:00:00+03:00";
        ends = default;
        if (!TryParseTime(startsAt, out starts)) errors["startsAt"] = [$"startsAt must be {Example}."];
        if (!TryParseTime(endsAt, out ends)) errors["endsAt"] = [$"endsAt must be {Example}."];
        else if (!errors.ContainsKey("startsAt") && ends <= starts) errors["endsAt"] = ["The meeting must end after it starts."];
        else if (!errors.ContainsKey("startsAt") && ends - starts > Validation.LongestMeeting) errors["endsAt"] = [$"A meeting lasts at most {Validation.LongestMeeting.TotalHours:F0} hours."];
    }

    public static TResult WithETag<TResult>(TResult result, HttpContext http, Meeting meeting) where TResult : IResult
    {
        http.Response.Headers.ETag = ETags.Of(meeting.Version);
        return result;
    }

    /// <summary>404 as problem details, so every refusal of a route has the same shape.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} with this id.");

    public static ProblemHttpResult Cancelled(Meeting meeting) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Meeting cancelled",
        detail: $"'{meeting.Title}' was cancelled; a cancelled meeting does not change any more.");

    /// <summary>422: the request is well formed but names things that do not exist.</summary>
    public static ProblemHttpResult Unprocessable(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request names things that do not exist",
        });
}
