using NpgsqlTypes;
using Npgsql;

namespace Platform.Cases.Matching;

/// <summary>
/// The services given to the people of many checks at once: one query over arrays (one row per check and
/// person), each row reading its person's services of the category in the window along the
/// (beneficiary, category, delivered on) index, newest first.
/// </summary>
internal static class AssistanceQuery
{
    public sealed record Given(Guid BeneficiaryId, string Category, DateOnly DeliveredOn, string District, Guid ProviderInstitutionId);

    private const string Sql = """
        SELECT q.entry, s.beneficiary_id, s.category, s.delivered_on, s.district, s.provider_institution_id
        FROM unnest(@entries, @people, @categories, @froms, @tos, @districts, @providers) AS q(entry, person, category, from_on, to_on, district, provider)
        CROSS JOIN LATERAL (
            SELECT s.beneficiary_id, s.category, s.delivered_on, s.district, s.provider_institution_id
            FROM services_delivered s
            WHERE s.beneficiary_id = q.person AND s.category = q.category AND s.delivered_on BETWEEN q.from_on AND q.to_on
              AND (q.provider IS NULL OR s.district <> q.district OR s.provider_institution_id <> q.provider)
            ORDER BY s.delivered_on DESC
            LIMIT @limit) s
        """;

    /// <summary>For each check, at most <paramref name="limit"/> services, newest first.</summary>
    public static async Task<List<List<Given>>> GivenAsync(CasesDbContext db, IReadOnlyList<DuplicateAssistanceCheck.Check> checks,
        IReadOnlyList<Dictionary<Guid, string>> people, int limit, CancellationToken cancellationToken)
    {
        var answers = checks.Select(_ => new List<Given>()).ToList();
        var rows = Enumerable.Range(0, checks.Count).SelectMany(c => people[c].Keys.Select(person => (Check: c, Person: person))).ToList();
        if (rows.Count == 0) return answers;

        var services = rows.Select(r => checks[r.Check].Service).ToList();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter<int[]>("entries", rows.Select(r => r.Check).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<Guid[]>("people", rows.Select(r => r.Person).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("categories", services.Select(s => s.Category).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("froms", services.Select(s => s.On.AddDays(-s.WindowDays)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("tos", services.Select(s => s.On.AddDays(s.WindowDays)).ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string[]>("districts", services.Select(s => s.District).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<Guid?[]>("providers", services.Select(s => s.ProviderInstitutionId).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                answers[reader.GetInt32(0)].Add(new Given(reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4), reader.GetGuid(5)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // A check met several people (registrations, household members): its newest services among all of them.
        return answers.Select(a => a.OrderByDescending(g => g.DeliveredOn).Take(limit).ToList()).ToList();
    }
}
