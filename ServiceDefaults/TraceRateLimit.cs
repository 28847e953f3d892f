using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Head sampling of new traces by rate: every trace while a process starts fewer than <c>perSecond</c> a second
/// (development, tests, a quiet day: nothing is missed), then a steady share of them under load, where recording
/// and exporting every request's spans would cost more than the requests themselves (measured: the gateway's
/// spans and the dashboard's intake of them were the larger part of a proxied read). Wrapped in a parent-based
/// sampler, so a trace begun elsewhere keeps its caller's decision and is whole or absent, never half.
/// </summary>
public sealed class TraceRateLimit : Sampler
{
    private readonly double _perSecond;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _refilledAt = Environment.TickCount64;

    public TraceRateLimit(double perSecond)
    {
        _perSecond = perSecond;
        _tokens = perSecond;
        Description = $"TraceRateLimit{{{perSecond}/s}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        lock (_lock)
        {
            var now = Environment.TickCount64;
            // A bucket of one second's allowance, refilled as time passes: bursts up to it, then the rate.
            _tokens = Math.Min(_perSecond, _tokens + (now - _refilledAt) * _perSecond / 1000);
            _refilledAt = now;
            if (_tokens < 1) return new SamplingResult(SamplingDecision.Drop);
            _tokens--;
            return new SamplingResult(SamplingDecision.RecordAndSample);
        }
    }
}
