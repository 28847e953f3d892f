using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Xunit;

namespace Platform.Dashboard.Tests;

/// <summary>The head sampler every process uses: all traces up to its rate, then a share of them, refilled with time.</summary>
public sealed class TraceRateLimitTests
{
    [Fact]
    public void Samples_every_trace_up_to_the_rate_then_drops_until_time_refills_the_allowance()
    {
        var sampler = new TraceRateLimit(perSecond: 50);

        var first = Enumerable.Range(0, 200).Count(_ => Sampled(sampler));
        Thread.Sleep(200);
        var afterAFifthOfASecond = Enumerable.Range(0, 200).Count(_ => Sampled(sampler));

        // A burst of one second's allowance (a few more if the loop itself took milliseconds), then none.
        Assert.InRange(first, 50, 53);
        // 200 ms at 50/s refills about 10.
        Assert.InRange(afterAFifthOfASecond, 8, 20);
    }

    [Fact]
    public void A_trace_begun_by_a_caller_keeps_the_callers_decision()
    {
        var sampler = new ParentBasedSampler(new TraceRateLimit(perSecond: 1));
        var sampledParent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var droppedParent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

        // Well past the rate: the caller's decision still holds, both ways.
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, sampledParent)));
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(SamplingDecision.Drop, Decide(sampler, droppedParent)));
    }

    private static bool Sampled(Sampler sampler) => Decide(sampler, default) == SamplingDecision.RecordAndSample;

    private static SamplingDecision Decide(Sampler sampler, ActivityContext parent) =>
        sampler.ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "GET /api/v1/institutions", ActivityKind.Server)).Decision;
}
