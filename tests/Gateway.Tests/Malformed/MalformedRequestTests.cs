using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Gateway.Tests.Malformed;

/// <summary>
/// Walks the four services' OpenAPI documents through the gateway (no hand-written list of routes, so a
/// new route is covered the day it is added) and sends every operation malformed bodies and parameters:
/// each must answer 400 problem details (an operation that takes files: a 4xx problem, 400, 415 or 422 as
/// the form is wrong), write nothing (every table of every service database, outbox
/// included, keeps its row count), and leave the service answering.
/// </summary>
[Collection(GatewayPlatform.Name)]
public sealed class MalformedRequestTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly string[] Services = ["meetings", "cases", "livelihoods", "notifications"];
    private static readonly string[] Databases = ["meetingsdb", "casesdb", "livelihoodsdb", "notificationsdb"];

    [Fact]
    public async Task Every_write_operation_refuses_every_malformed_body_with_400_problem_details_and_writes_nothing()
    {
        using var partner = await PartnerAsync();
        var failures = new List<string>();
        int operations = 0, requests = 0, serverErrors = 0;
        await WaitForQuietDatabasesAsync();

        foreach (var (document, operation) in await OperationsAsync())
        {
            if (!operation.IsWrite || operation.JsonBody is not { } body || operation.Path.Contains("demo-data", StringComparison.Ordinal)) continue;
            operations++;
            var before = await RowCountsAsync();
            var url = WithPlaceholders(operation);
            var bodies = MalformedValues.Unreadable(operation.BodyRequired).Concat(MalformedValues.PerField(document, body)).ToList();
            output.WriteLine($"{operation}: {bodies.Count} malformed bodies");
            foreach (var malformed in bodies)
            {
                requests++;
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = new ByteArrayContent(malformed.Bytes) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await partner.SendAsync(request);
                if ((int)response.StatusCode >= 500) serverErrors++;
                var problem = await ProblemOfAsync(response, HttpStatusCode.BadRequest);
                if (problem is not null) failures.Add($"{operation} with {malformed.What}: {problem}");
            }
            var after = await RowCountsAsync();
            foreach (var (table, count) in after.Where(t => before.GetValueOrDefault(t.Key) != t.Value))
                failures.Add($"{operation} wrote to {table}: {before.GetValueOrDefault(table)} -> {count} rows");
            await AssertStillAnswersAsync(operation.Service, failures);
        }

        foreach (var failure in failures) output.WriteLine(failure);
        output.WriteLine($"Malformed bodies: {operations} write operations covered, {requests} malformed requests sent, {serverErrors} answered 5xx, {failures.Count} failures.");
        Assert.True(operations >= 25, $"only {operations} write operations found in the documents");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(60)));
    }

    [Fact]
    public async Task Every_operation_that_takes_files_refuses_every_malformed_form_with_4xx_problem_details_and_writes_nothing()
    {
        using var partner = await PartnerAsync();
        var failures = new List<string>();
        int operations = 0, requests = 0, serverErrors = 0;
        await WaitForQuietDatabasesAsync();

        foreach (var (document, operation) in await OperationsAsync())
        {
            if (!operation.IsWrite || operation.FormBody is not { } form) continue;
            var files = document.PropertiesOf(form).Where(p => OpenApiOperations.FormatOf(p.Schema) == "binary").Select(p => p.Name).ToList();
            if (files.Count == 0) continue;
            operations++;
            var before = await RowCountsAsync();
            var url = WithPlaceholders(operation);
            var malformedForms = MalformedForms.For(files).ToList();
            output.WriteLine($"{operation}: {malformedForms.Count} malformed forms");
            foreach (var malformed in malformedForms)
            {
                requests++;
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = malformed.Content() };
                using var response = await partner.SendAsync(request);
                if ((int)response.StatusCode >= 500) serverErrors++;
                var problem = await ProblemOfAsync(response, expected: null);
                if (problem is not null) failures.Add($"{operation} with {malformed.What}: {problem}");
                else output.WriteLine($"  {malformed.What}: {(int)response.StatusCode}");
            }
            var after = await RowCountsAsync();
            foreach (var (table, count) in after.Where(t => before.GetValueOrDefault(t.Key) != t.Value))
                failures.Add($"{operation} wrote to {table}: {before.GetValueOrDefault(table)} -> {count} rows");
            await AssertStillAnswersAsync(operation.Service, failures);
        }

        foreach (var failure in failures) output.WriteLine(failure);
        output.WriteLine($"Malformed forms: {operations} file operations covered, {requests} malformed requests sent, {serverErrors} answered 5xx, {failures.Count} failures.");
        Assert.True(operations >= 1, "no operation that takes files found in the documents");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(60)));
    }

    [Fact]
    public async Task Every_operation_refuses_query_and_path_values_of_the_wrong_type_with_400_problem_details()
    {
        using var partner = await PartnerAsync();
        var failures = new List<string>();
        int operations = 0, requests = 0, serverErrors = 0;
        await WaitForQuietDatabasesAsync();
        var before = await RowCountsAsync();

        foreach (var (_, operation) in await OperationsAsync())
        {
            if (operation.Path.Contains("demo-data", StringComparison.Ordinal)) continue;
            var counted = false;
            foreach (var parameter in operation.Parameters.Where(p => p.In is "query" or "path"))
            foreach (var (what, value) in MalformedValues.BadParameterValues(parameter))
            {
                if (!counted) { operations++; counted = true; }
                requests++;
                var url = parameter.In == "path"
                    ? WithPlaceholders(operation, (parameter.Name, value))
                    : $"{WithPlaceholders(operation)}?{parameter.Name}={Uri.EscapeDataString(value)}";
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
                if (operation.JsonBody is not null) request.Content = JsonContent.Create(new { });
                using var response = await partner.SendAsync(request);
                if ((int)response.StatusCode >= 500) serverErrors++;
                var problem = await ProblemOfAsync(response, HttpStatusCode.BadRequest);
                if (problem is not null) failures.Add($"{operation} with {parameter.Name} = {what}: {problem}");
            }
        }
        var after = await RowCountsAsync();
        foreach (var (table, count) in after.Where(t => before.GetValueOrDefault(t.Key) != t.Value))
            failures.Add($"wrote to {table}: {before.GetValueOrDefault(table)} -> {count} rows");

        output.WriteLine($"Malformed parameters: {operations} operations covered, {requests} requests sent, {serverErrors} answered 5xx, {failures.Count} failures.");
        Assert.True(operations >= 20, $"only {operations} operations with typed parameters found");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(60)));
    }

    private async Task<List<(OpenApiOperations Document, Operation Operation)>> OperationsAsync()
    {
        var all = new List<(OpenApiOperations, Operation)>();
        foreach (var service in Services)
        {
            var document = new OpenApiOperations(service, await platform.Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}/v1.json"));
            all.AddRange(document.All().Select(operation => (document, operation)));
        }
        return all;
    }

    /// <summary>A partner of every scope and district whose allowance the walk cannot exhaust.</summary>
    private async Task<HttpClient> PartnerAsync()
    {
        var scopes = "meetings.read,meetings.write,cases.read,cases.write,livelihoods.read,livelihoods.write,notifications.read";
        var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await UnlimitedPartner.TokenAsync(platform, scopes));
        return client;
    }

    /// <summary>The path with a fresh GUID for every id (nothing to find, so nothing to change), or <paramref name="bad"/> where named.</summary>
    private static string WithPlaceholders(Operation operation, (string Name, string Value)? bad = null)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = bad is { } b && b.Name == parameter.Name ? b.Value
                : OpenApiOperations.FormatOf(parameter.Schema) == "uuid" ? Guid.NewGuid().ToString()
                : parameter.Name == "purpose" ? "referral" : "x";
            path = path.Replace($"{{{parameter.Name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return path;
    }

    /// <summary>
    /// Null when the answer is problem details with <paramref name="expected"/> (any 4xx when null) and that
    /// status in its body; otherwise what is wrong with it.
    /// </summary>
    private static async Task<string?> ProblemOfAsync(HttpResponseMessage response, HttpStatusCode? expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        var code = (int)response.StatusCode;
        if (expected is { } exactly ? response.StatusCode != exactly : code is < 400 or > 499) return $"{code} {Shorten(body)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"{response.Content.Headers.ContentType} instead of problem details";
        using var problem = JsonDocument.Parse(body);
        if (!problem.RootElement.TryGetProperty("status", out var status) || status.GetInt32() != code) return $"problem without status: {Shorten(body)}";
        return null;
    }

    private async Task AssertStillAnswersAsync(string service, List<string> failures)
    {
        using var response = await platform.Gateway.GetAsync($"/openapi/{service}/v1.json");
        if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{service} no longer answers: {(int)response.StatusCode}");
    }

    /// <summary>Exact row counts of every table of every service database.</summary>
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(platform.App.GetConnectionString(database));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            foreach (var table in tables)
            {
                await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
                counts[$"{database}.{table}"] = (long)(await count.ExecuteScalarAsync())!;
            }
        }
        return counts;
    }

    /// <summary>Events of earlier tests may still be arriving: start once the row counts hold still.</summary>
    private async Task WaitForQuietDatabasesAsync()
    {
        var previous = await RowCountsAsync();
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = await RowCountsAsync();
            if (current.Count == previous.Count && current.All(c => previous.GetValueOrDefault(c.Key) == c.Value)) return;
            previous = current;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
