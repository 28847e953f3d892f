using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Platform.AppHost.Telemetry.Model;

namespace Platform.AppHost.Telemetry.Store;

/// <summary>
/// The telemetry that survives an AppHost restart: a SQLite file in the state folder, one row per
/// record (JSON), written in batches by one background writer and pruned to the same per-resource
/// limits as memory. Writes never hold up the receiver: a bounded queue sits in between, and when it is
/// full (a flood faster than the disk) the oldest waiting records are the ones not archived.
/// </summary>
public sealed class TelemetryArchive : IAsyncDisposable
{
    private const int QueueCapacity = 50_000;
    private const int BatchSize = 2_000;
    private readonly string _connectionString;
    private readonly TelemetryLimits _limits;
    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
    });
    private readonly Task _writer;
    private readonly Dictionary<string, int> _writesSincePrune = [];

    public TelemetryArchive(string path, TelemetryLimits limits)
    {
        _limits = limits;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using (var connection = Open())
        {
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS spans (id INTEGER PRIMARY KEY AUTOINCREMENT, resource TEXT NOT NULL, body TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS logs (id INTEGER PRIMARY KEY AUTOINCREMENT, resource TEXT NOT NULL, body TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS metric_points (id INTEGER PRIMARY KEY AUTOINCREMENT, resource TEXT NOT NULL, body TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS spans_by_resource ON spans (resource, id);
                CREATE INDEX IF NOT EXISTS logs_by_resource ON logs (resource, id);
                CREATE INDEX IF NOT EXISTS metric_points_by_resource ON metric_points (resource, id);
                """);
        }
        _writer = Task.Run(WriteAsync);
    }

    public void Append(SpanRecord span) => _queue.Writer.TryWrite(span);
    public void Append(LogEntry log) => _queue.Writer.TryWrite(log);
    public void Append(MetricPoint point) => _queue.Writer.TryWrite(point);

    public IEnumerable<SpanRecord> ReadSpans(int perResource) => Read("spans", perResource, ArchiveJson.Default.SpanRecord);
    public IEnumerable<LogEntry> ReadLogs(int perResource) => Read("logs", perResource, ArchiveJson.Default.LogEntry);
    public IEnumerable<MetricPoint> ReadMetricPoints(int perResource) => Read("metric_points", perResource, ArchiveJson.Default.MetricPoint);

    private List<T> Read<T>(string table, int perResource, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT body FROM (SELECT id, body, row_number() OVER (PARTITION BY resource ORDER BY id DESC) AS newest FROM {table})
            WHERE newest <= $limit ORDER BY id
            """;
        command.Parameters.AddWithValue("$limit", perResource);
        using var reader = command.ExecuteReader();
        var records = new List<T>();
        while (reader.Read())
        {
            // A record written by an older AppHost that no longer reads is skipped, not fatal.
            try { if (JsonSerializer.Deserialize(reader.GetString(0), type) is { } record) records.Add(record); }
            catch (JsonException) { }
        }
        return records;
    }

    private async Task WriteAsync()
    {
        var batch = new List<object>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var record)) batch.Add(record);
            try
            {
                WriteBatch(batch);
            }
            catch (SqliteException)
            {
                // The archive is a convenience: a full disk must not stop the dashboard from receiving.
            }
            batch.Clear();
        }
    }

    private void WriteBatch(List<object> batch)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var record in batch)
        {
            var (table, resource, body) = record switch
            {
                SpanRecord span => ("spans", span.Resource, JsonSerializer.Serialize(span, ArchiveJson.Default.SpanRecord)),
                LogEntry log => ("logs", log.Resource, JsonSerializer.Serialize(log, ArchiveJson.Default.LogEntry)),
                MetricPoint point => ("metric_points", point.Resource, JsonSerializer.Serialize(point, ArchiveJson.Default.MetricPoint)),
                _ => throw new InvalidOperationException(),
            };
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {table} (resource, body) VALUES ($resource, $body)";
            insert.Parameters.AddWithValue("$resource", resource);
            insert.Parameters.AddWithValue("$body", body);
            insert.ExecuteNonQuery();
            var key = table + "\n" + resource;
            _writesSincePrune[key] = _writesSincePrune.GetValueOrDefault(key) + 1;
        }
        foreach (var key in _writesSincePrune.Where(w => w.Value >= 1_000).Select(w => w.Key).ToList())
        {
            var (table, resource) = (key[..key.IndexOf('\n')], key[(key.IndexOf('\n') + 1)..]);
            Prune(connection, table, resource, table switch
            {
                "spans" => _limits.MaxSpansPerResource,
                "logs" => _limits.MaxLogsPerResource,
                _ => _limits.MaxPointsPerSeries * 50,
            });
            _writesSincePrune[key] = 0;
        }
        transaction.Commit();
    }

    private static void Prune(SqliteConnection connection, string table, string resource, int keep)
    {
        using var prune = connection.CreateCommand();
        prune.CommandText = $"""
            DELETE FROM {table} WHERE resource = $resource AND id <= (
                SELECT id FROM {table} WHERE resource = $resource ORDER BY id DESC LIMIT 1 OFFSET $keep)
            """;
        prune.Parameters.AddWithValue("$resource", resource);
        prune.Parameters.AddWithValue("$keep", keep);
        prune.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Writes what is still queued, then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}

[JsonSerializable(typeof(SpanRecord))]
[JsonSerializable(typeof(LogEntry))]
[JsonSerializable(typeof(MetricPoint))]
internal sealed partial class ArchiveJson : JsonSerializerContext;
