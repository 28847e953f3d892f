namespace Platform.Livelihoods.Programme;

/// <summary>
/// An institution a request names (a cohort's partner, a licence step's supporter) must be one the
/// programme learnt from the stakeholder directory: a mistyped or invented id is refused, not stored.
/// </summary>
public static class InstitutionReferences
{
    public static Task<bool> KnowsInstitutionAsync(this LivelihoodsDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Institutions.AnyAsync(i => i.Id == id, cancellationToken);

    /// <summary>422 naming the field, in the detail and as <c>errors</c> (the shape of a validation problem).</summary>
    public static ProblemHttpResult Unknown(string field)
    {
        var message = $"{field} is not an institution of the stakeholder directory (institutions are registered in meetings, POST /api/v1/institutions).";
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown institution", detail: message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
    }
}
