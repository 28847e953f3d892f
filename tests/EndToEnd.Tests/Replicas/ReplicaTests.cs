using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.AppHost.Resources.RabbitMQ;
using Platform.Testing;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>Two instances of everything side by side (issue 20, section 1), on one start of the platform.</summary>
public sealed class ReplicaTests(ReplicatedPlatform platform, ITestOutputHelper output) : IClassFixture<ReplicatedPlatform>
{
    private static readonly string[] Services = ["meetings", "cases", "livelihoods", "notifications"];

    [Fact]
    public void Every_service_and_the_gateway_run_as_two_instances_on_ports_of_their_own()
    {
        foreach (var name in Services.Append("gateway"))
        {
            var addresses = platform.InstanceAddresses(name);
            output.WriteLine($"{name}: {string.Join(", ", addresses)}");
            Assert.Equal(ReplicatedPlatform.Replicas, addresses.Distinct().Count());
        }
    }

    [Fact]
    public async Task The_broker_shows_two_consumers_on_every_queue_of_the_services()
    {
        using var management = ManagementClient();
        var queues = await Eventually.GetAsync(async () => (await management.GetFromJsonAsync<JsonElement[]>("api/queues/%2F?columns=name,consumers,auto_delete"))!
                .Where(q => !q.GetProperty("auto_delete").GetBoolean() && IsServiceQueue(q.GetProperty("name").GetString()!))
                .ToDictionary(q => q.GetProperty("name").GetString()!, q => q.GetProperty("consumers").GetInt32()),
            found => found.Count > 0 && found.Values.All(consumers => consumers == ReplicatedPlatform.Replicas), TimeSpan.FromSeconds(60),
            "two consumers on every queue");
        output.WriteLine($"{queues.Count} queues, consumers: {string.Join(", ", queues.Select(q => $"{q.Key}={q.Value}"))}");
        foreach (var service in Services.Where(s => s != "gateway"))
            Assert.Contains(queues.Keys, name => name.StartsWith(service + "-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_outbox_relay_leads_per_database_while_two_instances_run()
    {
        await using var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(platform.App.GetConnectionString("postgres")) { Database = "postgres" }.ConnectionString);
        await postgres.OpenAsync();
        var leaders = await Eventually.GetAsync(async () =>
        {
            await using var query = new NpgsqlCommand(
                "SELECT d.datname, count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted GROUP BY d.datname", postgres);
            await using var reader = await query.ExecuteReaderAsync();
            var found = new Dictionary<string, long>();
            while (await reader.ReadAsync()) found[reader.GetString(0)] = reader.GetInt64(1);
            return found;
        }, found => Services.All(s => found.GetValueOrDefault(s + "db") == 1), TimeSpan.FromSeconds(30), "one relay leader per service database");
        output.WriteLine(string.Join(", ", leaders.Select(l => $"{l.Key}: {l.Value} leader")));
    }

    [Fact]
    public async Task A_token_issued_by_one_gateway_instance_is_accepted_by_the_other()
    {
        var gateways = platform.InstanceAddresses("gateway");
        for (var issuer = 0; issuer < gateways.Count; issuer++)
        {
            using var issuing = new HttpClient { BaseAddress = new Uri(gateways[issuer]) };
            var token = await TokenAsync(issuing, "platform-dev", "platform-dev-secret");
            using var other = Client(gateways[(issuer + 1) % gateways.Count], token);
            using var response = await other.GetAsync("/api/v1/districts");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_partners_allowance_holds_across_both_gateway_instances_within_ten_percent()
    {
        // 300 a minute: a burst of 300, then 5 a second. Two instances keeping buckets of their own would let 600 through.
        const int perMinute = 300;
        var added = await GatewayCommand.RunAsync(platform.App, "partners", "add", "--name", "Replica rate probe", "--client-id", "replica-rate-probe",
            "--scopes", "meetings.read", "--districts", "all", "--rate-limit", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, added.ExitCode);
        var gateways = platform.InstanceAddresses("gateway");
        using var issuing = new HttpClient { BaseAddress = new Uri(gateways[0]) };
        var token = await TokenAsync(issuing, "replica-rate-probe", added.Secret);
        var clients = gateways.Select(g => Client(g, token)).ToArray();

        var okPerInstance = new int[clients.Length];
        var other = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, 900, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            using var response = await clients[i % clients.Length].GetAsync("/api/v1/districts", cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref okPerInstance[i % clients.Length]);
            else if (response.StatusCode != HttpStatusCode.TooManyRequests) Interlocked.Increment(ref other);
        });
        var elapsed = clock.Elapsed;
        foreach (var client in clients) client.Dispose();

        var allowed = perMinute + perMinute / 60.0 * elapsed.TotalSeconds;
        var passed = okPerInstance.Sum();
        output.WriteLine($"900 requests in {elapsed.TotalSeconds:0.0} s over {clients.Length} gateway instances: {passed} passed " +
            $"({string.Join(" + ", okPerInstance)}), allowance {allowed:0} ({100.0 * (passed - allowed) / allowed:+0.0;-0.0} %), other statuses {other}");
        Assert.Equal(0, other);
        Assert.All(okPerInstance, ok => Assert.True(ok > 0, "both instances serve the partner"));
        Assert.InRange(passed, allowed * 0.9, allowed * 1.1);
    }

    [Fact]
    public async Task When_a_service_instance_is_killed_requests_stop_failing_within_seconds_and_no_5xx_follows()
    {
        using var partner = Client(platform.App.GetEndpoint("gateway"), await UnlimitedPartner.TokenAsync(platform, "meetings.read"));
        var failures = new ConcurrentBag<(TimeSpan At, HttpStatusCode Status)>();
        var served = 0;
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.Zero;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await partner.GetAsync("/api/v1/districts");
                if ((int)response.StatusCode >= 500) failures.Add((clock.Elapsed, response.StatusCode));
                else if (response.IsSuccessStatusCode) Interlocked.Increment(ref served);
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(3));
        killedAt = clock.Elapsed;
        var killed = platform.KillInstance("meetings", 0);
        await Task.Delay(TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var afterKill = failures.Where(f => f.At >= killedAt).OrderBy(f => f.At).ToList();
        var lastFailure = afterKill.Count == 0 ? TimeSpan.Zero : afterKill[^1].At - killedAt;
        output.WriteLine($"killed meetings at {killed}; {served} requests served; {afterKill.Count} 5xx after the kill " +
            $"({string.Join(", ", afterKill.GroupBy(f => f.Status).Select(g => $"{(int)g.Key}: {g.Count()}"))}), the last {lastFailure.TotalSeconds:0.0} s after it");
        Assert.DoesNotContain(failures, f => f.At < killedAt);
        Assert.True(lastFailure < TimeSpan.FromSeconds(5), $"the last 5xx came {lastFailure.TotalSeconds:0.0} s after the kill");
    }

    /// <summary>
    /// SMTP has no way to ask whether a message arrived: an email whose 250 came back and whose Sent mark had not yet
    /// committed when the process died goes again, the same message with the same Message-Id (which mail systems fold
    /// into one). Marks commit right after each answer, so at most one such email per SMTP connection of the killed
    /// instance; none of the 500 events may make a second, different message, and none may be lost.
    /// </summary>
    [Fact]
    public async Task Five_hundred_events_across_two_notifications_instances_make_exactly_five_hundred_emails_though_one_is_killed_midway()
    {
        const int events = 500;
        var marker = "replica-" + Guid.NewGuid().ToString("N")[..8];
        var broker = new Uri(platform.App.GetConnectionString("messaging"));
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        using var inbox = new HttpClient { BaseAddress = new Uri(platform.App.GetEndpoint("smtp", "http")) };
        using var management = ManagementClient();

        // The first half, then both instances must have taken a share before one of them is killed.
        for (var i = 0; i < events / 2; i++) await PublishMeetingScheduledAsync(channel, $"{marker}-{i}@example.org");
        var deliveries = await Eventually.GetAsync(() => DeliveriesPerConnectionAsync(management), d => d.Count(n => n.Value > 0) >= ReplicatedPlatform.Replicas,
            TimeSpan.FromSeconds(60), "both notifications instances to take messages");
        var killed = platform.KillInstance("notifications", 0);
        for (var i = events / 2; i < events; i++) await PublishMeetingScheduledAsync(channel, $"{marker}-{i}@example.org");

        var clock = Stopwatch.StartNew();
        var mail = await Eventually.GetAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            return await MailToAsync(inbox, marker);
        }, found => found.Select(m => m.To).Distinct().Count() >= events, TimeSpan.FromMinutes(3), $"{events} recipients");
        var drained = clock.Elapsed;
        // Resends would come late (a lease running out): give them time to show.
        await Task.Delay(TimeSpan.FromSeconds(5));
        mail = await MailToAsync(inbox, marker);
        var resent = mail.Count - mail.Select(m => m.MessageId).Distinct().Count();

        output.WriteLine($"deliveries per notifications connection before the kill: {string.Join(", ", deliveries.Values)}; killed the instance at {killed}; " +
            $"{mail.Count} emails, {mail.Select(m => m.MessageId).Distinct().Count()} distinct messages, {mail.Select(m => m.To).Distinct().Count()} recipients, " +
            $"{resent} resent with their Message-Id; the last {drained.TotalSeconds:0} s after the last publish");
        Assert.Equal(events, mail.Select(m => m.To).Distinct().Count());
        Assert.Equal(events, mail.Select(m => m.MessageId).Distinct().Count());
        Assert.All(mail.GroupBy(m => m.To), copies => Assert.Single(copies.Select(m => m.MessageId).Distinct()));
        Assert.InRange(resent, 0, SmtpConnectionsPerInstance);
    }

    /// <summary>The notifications service's default <c>Delivery:Connections</c>.</summary>
    private const int SmtpConnectionsPerInstance = 8;

    private static async Task<List<(string To, string MessageId)>> MailToAsync(HttpClient inbox, string marker) =>
        (await inbox.GetFromJsonAsync<JsonElement[]>("/email"))!
            .Select(m => (To: m.GetProperty("to")[0].GetProperty("address").GetString()!, MessageId: m.GetProperty("messageId").GetString()!))
            .Where(m => m.To.StartsWith(marker, StringComparison.Ordinal)).ToList();

    private static bool IsServiceQueue(string name) =>
        Services.Any(s => name.StartsWith(s + "-", StringComparison.Ordinal)) && !name.EndsWith("_error", StringComparison.Ordinal) && !name.EndsWith("_skipped", StringComparison.Ordinal);

    /// <summary>Messages the broker delivered on each connection that consumes from a notifications queue.</summary>
    private static async Task<Dictionary<string, long>> DeliveriesPerConnectionAsync(HttpClient management)
    {
        var consumers = (await management.GetFromJsonAsync<JsonElement[]>("api/consumers/%2F"))!;
        var connections = consumers.Where(c => c.GetProperty("queue").GetProperty("name").GetString()!.StartsWith("notifications-", StringComparison.Ordinal))
            .Select(c => c.GetProperty("channel_details").GetProperty("connection_name").GetString()!).ToHashSet();
        var channels = (await management.GetFromJsonAsync<JsonElement[]>("api/vhosts/%2F/channels?columns=connection_details,message_stats"))!;
        return connections.ToDictionary(connection => connection, connection => channels
            .Where(c => c.GetProperty("connection_details").GetProperty("name").GetString() == connection)
            .Sum(c => c.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("deliver_get", out var delivered) ? delivered.GetInt64() : 0));
    }

    private static async Task PublishMeetingScheduledAsync(IChannel channel, string email)
    {
        var messageId = Guid.NewGuid();
        var envelope = new
        {
            messageId,
            conversationId = Guid.NewGuid(),
            messageType = new[] { "urn:message:Platform.Contracts:MeetingScheduled" },
            sentTime = DateTimeOffset.UtcNow,
            headers = new { },
            message = ReplicaEvents.MeetingScheduled(email),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = messageId.ToString(), Persistent = true };
        await channel.BasicPublishAsync("Platform.Contracts:MeetingScheduled", "", mandatory: false, properties, body);
    }

    private HttpClient ManagementClient() =>
        ErrorQueues.CreateManagementClient(new Uri(platform.App.GetConnectionString("messaging")), new Uri(platform.App.GetEndpoint("messaging", "management") + "/"));

    private static HttpClient Client(string baseAddress, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(HttpClient gateway, string clientId, string secret)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"no token from {gateway.BaseAddress}: {body}");
        return body.GetProperty("access_token").GetString()!;
    }
}
