using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The same authenticated read that touches the database (GET /api/v1/institutions/{id}), straight to
/// the meetings service and through the gateway, in one run of the whole platform. Rounds alternate
/// direct and gateway so that drift (JIT, caches, the machine's other load) hits both alike. Telemetry is on
/// as operations run it: every process exports to the Aspire dashboard, whose CPU is counted too.
/// </summary>
public static class GatewayBenchmark
{
    public static async Task RunAsync(int seconds, int concurrency, int rounds)
    {
        var platform = new DashboardPlatform();
        await platform.InitializeAsync();
        try
        {
            Console.WriteLine($"gateway benchmark: whole platform (Release), {Environment.ProcessorCount} cores; " +
                $"{rounds} alternating rounds of {seconds} s per path; throughput at {concurrency} concurrent callers, latency with 1 caller");

            var token = await UnlimitedPartner.TokenAsync(platform, "meetings.read,meetings.write");
            var direct = Client(platform.App.GetEndpoint("meetings"), token);
            var gateway = Client(platform.App.GetEndpoint("gateway"), token);
            // A database-backed list read, the same for both paths (issue 18).
            for (var i = 0; i < 10; i++) await RegisterInstitutionAsync(gateway);
            const string path = "/api/v1/institutions?pageSize=10";

            foreach (var client in new[] { direct, gateway }) await MeasureAsync(client, path, TimeSpan.FromSeconds(3), concurrency); // warm-up

            var cpu = new ProcessCpu(platform.App, "gateway", "meetings", "postgres", DashboardPlatform.DashboardResource);
            var cpuPerPath = new Dictionary<string, Dictionary<string, double>> { ["direct"] = [], ["gateway"] = [] };
            var throughput = new Dictionary<string, List<Run>> { ["direct"] = [], ["gateway"] = [] };
            var latency = new Dictionary<string, List<Run>> { ["direct"] = [], ["gateway"] = [] };
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, client) in new[] { ("direct", direct), ("gateway", gateway) })
                {
                    var before = cpu.Read();
                    throughput[name].Add(await MeasureAsync(client, path, TimeSpan.FromSeconds(seconds), concurrency));
                    foreach (var (process, used) in cpu.Since(before))
                        cpuPerPath[name][process] = cpuPerPath[name].GetValueOrDefault(process) + used.TotalMilliseconds;
                    latency[name].Add(await MeasureAsync(client, path, TimeSpan.FromSeconds(seconds), 1));
                }
            }

            var (d, g) = (Run.Merge(throughput["direct"]), Run.Merge(throughput["gateway"]));
            var (dl, gl) = (Run.Merge(latency["direct"]), Run.Merge(latency["gateway"]));
            Console.WriteLine();
            Console.WriteLine($"{"path",-8} {"req/s @" + concurrency,12} {"p50 ms @1",10} {"p99 ms @1",10} {"p50 ms @" + concurrency,11} {"p99 ms @" + concurrency,11} {"errors",7}");
            foreach (var (name, t, l) in new[] { ("direct", d, dl), ("gateway", g, gl) })
                Console.WriteLine($"{name,-8} {t.PerSecond,12:F0} {l.Percentile(50),10:F2} {l.Percentile(99),10:F2} {t.Percentile(50),11:F2} {t.Percentile(99),11:F2} {t.Errors + l.Errors,7}");
            Console.WriteLine();
            foreach (var (name, run) in new[] { ("direct", d), ("gateway", g) })
                Console.WriteLine($"CPU per request, {name}: " + string.Join(", ", cpuPerPath[name].Select(p => $"{p.Key} {1000 * p.Value / run.LatenciesMs.Count:F0} µs")));
            Console.WriteLine();
            Console.WriteLine($"throughput ratio gateway/direct: {g.PerSecond / d.PerSecond:F2} (aim >= 0.80)");
            Console.WriteLine($"added latency, 1 caller:  p50 {gl.Percentile(50) - dl.Percentile(50):F2} ms (aim < 1 ms), p99 {gl.Percentile(99) - dl.Percentile(99):F2} ms");
            Console.WriteLine($"added latency, {concurrency} callers: p50 {g.Percentile(50) - d.Percentile(50):F2} ms, p99 {g.Percentile(99) - d.Percentile(99):F2} ms");
            Console.WriteLine($"gateway: direct {d.PerSecond:F0} req/s, gateway {g.PerSecond:F0} req/s, ratio {g.PerSecond / d.PerSecond:F2}, added p50 {gl.Percentile(50) - dl.Percentile(50):F2} ms");
        }
        finally
        {
            await platform.DisposeAsync();
        }
    }

    private static HttpClient Client(string baseUrl, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> RegisterInstitutionAsync(HttpClient gateway)
    {
        var response = await gateway.PostAsJsonAsync("/api/v1/institutions", new { name = $"Ümraniye Kaymakamlığı {Guid.NewGuid():N}"[..30], kind = "district-governorship", district = "umraniye" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Run> MeasureAsync(HttpClient client, string path, TimeSpan duration, int callers)
    {
        var samples = new List<double>[callers];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var mine = samples[caller] = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return new Run(samples.SelectMany(s => s).ToList(), clock.Elapsed, errors);
    }

    private sealed record Run(List<double> LatenciesMs, TimeSpan Elapsed, int Errors)
    {
        public double PerSecond => LatenciesMs.Count / Elapsed.TotalSeconds;

        public double Percentile(double p)
        {
            var sorted = LatenciesMs.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
        }

        public static Run Merge(IReadOnlyList<Run> runs) =>
            new(runs.SelectMany(r => r.LatenciesMs).ToList(), TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)), runs.Sum(r => r.Errors));
    }
}
