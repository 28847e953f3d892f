using System.Data.Common;

namespace Platform.Cases.Reports;

/// <summary>
/// What is counted over people, in SQL, so that no identity leaves the database: a person is the keyed
/// hash of their identity number (the same person registered by two desks is one person), or their
/// registration when they have none. The answers are counts and institution ids.
/// </summary>
public static class PeopleCounts
{
    private const string Given = """
        WITH given AS (
            SELECT s.district, s.category, s.provider_institution_id AS institution,
                   COALESCE(encode(b.identifier_hash, 'hex'), b.id::text) AS person
            FROM services_delivered s JOIN beneficiaries b ON b.id = s.beneficiary_id
            WHERE s.delivered_on BETWEEN $1 AND $2)

        """;

    public sealed record DeliveredRow(string District, string Category, Guid InstitutionId, int Services, int People);

    /// <summary>People of a district who received a category from both institutions (<see cref="First"/> sorts before <see cref="Second"/>).</summary>
    public sealed record OverlapRow(string District, string Category, Guid First, Guid Second, int People);

    public sealed record NeedRow(string District, string Category, int OpenCases);

    /// <summary>Services recorded in the districts, and the distinct people served, per category and provider.</summary>
    public static Task<List<DeliveredRow>> DeliveredAsync(CasesDbContext db, ReportPeriod period, IReadOnlyList<string> districts, CancellationToken cancellationToken) =>
        QueryAsync(db, Given + """
            SELECT district, category, institution, count(*)::int, count(DISTINCT person)::int
            FROM given WHERE district = ANY($3)
            GROUP BY district, category, institution
            """, [period.From, period.To, districts.ToArray()],
            row => new DeliveredRow(row.GetString(0), row.GetString(1), row.GetGuid(2), row.GetInt32(3), row.GetInt32(4)), cancellationToken);

    /// <summary>
    /// The duplicated programmes: per district, category and pair of institutions, the people who received
    /// the category from both in the period, one of the two services recorded in the district (the other
    /// may be anywhere: a person served in two districts is still served twice).
    /// </summary>
    public static Task<List<OverlapRow>> OverlapsAsync(CasesDbContext db, ReportPeriod period, IReadOnlyList<string> districts, CancellationToken cancellationToken) =>
        QueryAsync(db, Given + """
            SELECT here.district, here.category, LEAST(here.institution, there.institution), GREATEST(here.institution, there.institution),
                   count(DISTINCT here.person)::int
            FROM given here
            JOIN given there ON there.person = here.person AND there.category = here.category AND there.institution <> here.institution
            WHERE here.district = ANY($3)
            GROUP BY 1, 2, 3, 4
            """, [period.From, period.To, districts.ToArray()],
            row => new OverlapRow(row.GetString(0), row.GetString(1), row.GetGuid(2), row.GetGuid(3), row.GetInt32(4)), cancellationToken);

    /// <summary>The needs recorded on the districts' open cases (whatever the period: a case open now still waits).</summary>
    public static Task<List<NeedRow>> OpenNeedsAsync(CasesDbContext db, IReadOnlyList<string> districts, CancellationToken cancellationToken) =>
        QueryAsync(db, """
            SELECT c.district, need, count(*)::int
            FROM cases c CROSS JOIN LATERAL unnest(c.needs) AS need
            WHERE c.status <> $1 AND c.district = ANY($2)
            GROUP BY c.district, need
            """, [CaseStatuses.Closed, districts.ToArray()],
            row => new NeedRow(row.GetString(0), row.GetString(1), row.GetInt32(2)), cancellationToken);

    private static async Task<List<T>> QueryAsync<T>(CasesDbContext db, string sql, object[] parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var value in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
