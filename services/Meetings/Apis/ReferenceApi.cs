namespace Platform.Meetings.Apis;

public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/districts", ListDistricts)
            .RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithTags("Reference data").WithName("ListDistricts")
            .WithSummary("Istanbul's 39 districts: codes and Turkish, Arabic and English names");
        app.MapGet("/api/v1/topics", ListTopics)
            .RequireAuthorization(PartnerScopes.MeetingsRead)
            .WithTags("Reference data").WithName("ListTopics")
            .WithSummary("The agenda topic catalogue: codes and Turkish, Arabic and English names");
        return app;
    }

    public static Ok<IReadOnlyList<District>> ListDistricts() => TypedResults.Ok(Districts.All);

    public static Ok<IReadOnlyList<Topic>> ListTopics() => TypedResults.Ok(Topics.All);
}
