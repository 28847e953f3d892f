using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.WebApi.Problems;

/// <summary>
/// The last line, behind each endpoint's own validation: when PostgreSQL refuses a value (too long, out of
/// range, not text), a duplicate or a dangling reference, the transaction is already rolled back, so the
/// partner gets a 4xx problem instead of a 500 and nothing was written. Logged as a warning with the SQL
/// state only: the refused value may be personal data.
/// </summary>
public sealed class DatabaseRefusalProblems(IProblemDetailsService problems, ILogger<DatabaseRefusalProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var postgres = exception as PostgresException ?? (exception as DbUpdateException)?.InnerException as PostgresException;
        if (postgres is null || context.Response.HasStarted) return false;
        var answer = Answer(postgres.SqlState);
        if (answer is not var (status, title, detail)) return false;

        logger.LogWarning("Database refused a request to {Path}: SQL state {SqlState}", context.Request.Path, postgres.SqlState);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Title, string Detail)? Answer(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.StringDataRightTruncation => (400, "A value is too long", "A text value is longer than its field allows."),
        PostgresErrorCodes.NumericValueOutOfRange or PostgresErrorCodes.DatetimeFieldOverflow or PostgresErrorCodes.InvalidDatetimeFormat
            => (400, "A value is out of range", "A number or date is outside the range the platform stores."),
        PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.InvalidTextRepresentation
            => (400, "A value is not valid text", "A text value contains characters that cannot be stored."),
        PostgresErrorCodes.UniqueViolation => (409, "Already exists", "A record with the same identifying values exists already."),
        PostgresErrorCodes.ForeignKeyViolation => (422, "Unknown reference", "The request refers to a record that does not exist."),
        _ => null,
    };
}
