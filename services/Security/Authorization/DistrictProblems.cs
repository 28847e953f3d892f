using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Security.Authorization;

/// <summary>The answer when a partner reaches for data outside the districts its token grants.</summary>
public static class DistrictProblems
{
    public static ProblemHttpResult NotGranted(Partner partner, string? district) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "District not granted",
            detail: district is null
                ? $"'{partner.ClientId}' may act in {Describe(partner)} only; this is city-wide data."
                : $"'{partner.ClientId}' may act in {Describe(partner)} only, not in '{district}'.",
            type: "https://coordination-platform.example/problems/district-not-granted");

    private static string Describe(Partner partner) => string.Join(", ", partner.Districts.Order(StringComparer.Ordinal));
}
