using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// A meeting with 200 invitees scheduled through the gateway, on the whole platform: how fast the
/// invitations reach the local SMTP sink (emails per second) and how long after the meeting was
/// committed each one was accepted by the SMTP server (p50, p99, last), over several meetings.
/// </summary>
public static class NotificationsBenchmark
{
    public static async Task RunAsync(int invitees, int rounds)
    {
        var platform = new PlatformFixture();
        await platform.InitializeAsync();
        try
        {
            Console.WriteLine($"notifications benchmark: whole platform (Release), {Environment.ProcessorCount} cores; {rounds} meetings of {invitees} invitees each");
            using var partner = new HttpClient { BaseAddress = new Uri(platform.App.GetEndpoint("gateway")) };
            partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await UnlimitedPartner.TokenAsync(platform, "meetings.read,meetings.write"));
            var host = await IdAsync(await partner.PostAsJsonAsync("/api/v1/institutions", new { name = "Benchmark Kaymakamlığı", kind = "district-governorship", district = "fatih" }));
            var languages = new[] { "tr", "ar", "en" };
            var contacts = new List<Guid>();
            for (var i = 0; i < invitees; i++)
                contacts.Add(await IdAsync(await partner.PostAsJsonAsync($"/api/v1/institutions/{host}/contacts",
                    new { fullName = $"Katılımcı {i}", email = $"invitee{i}.{Guid.NewGuid():N}@example.org", language = languages[i % 3] })));

            // One meeting first that is not counted: the first email of a process pays for JIT and first connections.
            await ScheduleAndWaitAsync(platform, partner, host, contacts, "Isınma toplantısı");
            Console.WriteLine("  warm-up meeting sent (not counted)");

            var latencies = new List<double>();
            var rates = new List<double>();
            var lasts = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                var (scheduledAt, sent) = await ScheduleAndWaitAsync(platform, partner, host, contacts, $"Benchmark toplantısı {round}");
                var afterCommit = sent.Select(t => (t - scheduledAt).TotalMilliseconds).Order().ToList();
                latencies.AddRange(afterCommit);
                lasts.Add(afterCommit[^1]);
                rates.Add(invitees / Math.Max(0.001, (sent.Max() - sent.Min()).TotalSeconds));
                Console.WriteLine($"  meeting {round + 1}: {invitees} accepted by SMTP; first {afterCommit[0]:F0} ms, last {afterCommit[^1]:F0} ms after the commit ({clock.Elapsed.TotalSeconds:F1} s wall)");
            }
            latencies.Sort();
            double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
            Console.WriteLine();
            Console.WriteLine($"emails per second to the SMTP sink: {rates.Average():F0} (aim >= 300)");
            Console.WriteLine($"commit -> accepted by SMTP: p50 {Percentile(50):F0} ms, p99 {Percentile(99):F0} ms (aim < 2000 ms), last of a meeting {lasts.Average():F0} ms on average");
            Console.WriteLine($"notifications: {rates.Average():F0} emails/s, {invitees} invitees p99 {Percentile(99):F0} ms");
        }
        finally
        {
            await platform.DisposeAsync();
        }
    }

    /// <summary>Schedules a meeting for every contact and waits until all its invitations were accepted by the SMTP server.</summary>
    private static async Task<(DateTimeOffset ScheduledAt, List<DateTimeOffset> Sent)> ScheduleAndWaitAsync(
        PlatformFixture platform, HttpClient partner, Guid host, List<Guid> contacts, string title)
    {
        var scheduledAt = DateTimeOffset.UtcNow;
        var meeting = await IdAsync(await partner.PostAsJsonAsync("/api/v1/meetings", new
        {
            title, kind = "district-coordination", district = "fatih", hostInstitutionId = host,
            startsAt = "2034-01-10T10:00:00+03:00", endsAt = "2034-01-10T12:00:00+03:00", location = "Fatih",
            agenda = new[] { new { topic = "legal-aid", title = "Hukuki destek" } }, inviteeContactIds = contacts,
        }));
        var sent = await Eventually.GetAsync(() => SentTimesAsync(platform, meeting), s => s.Count >= contacts.Count, TimeSpan.FromMinutes(5), "every invitation to be sent");
        return (scheduledAt, sent);
    }

    private static async Task<List<DateTimeOffset>> SentTimesAsync(PlatformFixture platform, Guid meeting)
    {
        await using var db = new NpgsqlConnection(platform.App.GetConnectionString("notificationsdb"));
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT sent_at FROM notifications WHERE subject_id = $1 AND status = 'Sent'", db) { Parameters = { new() { Value = meeting } } };
        var times = new List<DateTimeOffset>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) times.Add(reader.GetFieldValue<DateTimeOffset>(0));
        return times;
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
