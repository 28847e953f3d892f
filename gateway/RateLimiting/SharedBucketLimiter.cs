using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Platform.Gateway.RateLimiting;

/// <summary>
/// One partner's allowance as this gateway instance sees it: tokens leased from the shared bucket
/// (<see cref="SharedTokenBuckets"/>), spent here without a database round trip. Unspent leased tokens are
/// what the instances can get wrong, at most one lease each, so a lease is a fiftieth of the allowance
/// (between 1 and 100 tokens). When the shared bucket is empty, requests are refused without asking again
/// until the next token is due. Should gatewaydb not answer, the instance falls back to a bucket of its own
/// with the same allowance rather than refusing every partner.
/// </summary>
internal sealed class SharedBucketLimiter : RateLimiter
{
    private readonly string _key;
    private readonly int _capacity;
    private readonly double _perSecond;
    private readonly int _leaseSize;
    private readonly SharedTokenBuckets _buckets;
    private readonly ILogger _logger;
    private readonly TimeSpan _oneTokenDue;
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private readonly Lock _lock = new();
    private readonly TokenBucketRateLimiter _fallback;
    private int _leased;
    private long _emptyUntil, _lastUsed = Stopwatch.GetTimestamp();

    public SharedBucketLimiter(string key, int perMinute, double perSecond, SharedTokenBuckets buckets, ILogger logger)
    {
        (_key, _capacity, _perSecond, _buckets, _logger) = (key, perMinute, perSecond, buckets, logger);
        _leaseSize = Math.Clamp(perMinute / 50, 1, 100);
        _oneTokenDue = TimeSpan.FromSeconds(Math.Max(0.05, 1 / perSecond));
        _fallback = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perSecond)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => new() { CurrentAvailablePermits = Volatile.Read(ref _leased) };

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        TryTakeLeased(permitCount) ? Granted : Refused();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (TryTakeLeased(permitCount)) return Granted;
        if (Stopwatch.GetTimestamp() < Volatile.Read(ref _emptyUntil)) return Refused();
        // One lease at a time per partner: the requests that arrive meanwhile spend what it brings.
        await _leasing.WaitAsync(cancellationToken);
        try
        {
            if (TryTakeLeased(permitCount)) return Granted;
            if (Stopwatch.GetTimestamp() < Volatile.Read(ref _emptyUntil)) return Refused();
            int got;
            try
            {
                got = await _buckets.TakeAsync(_key, _capacity, _perSecond, Math.Max(_leaseSize, permitCount), cancellationToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                _logger.LogWarning(ex, "The shared rate-limit bucket {Bucket} could not be read; this instance limits on its own", _key);
                return _fallback.AttemptAcquire(permitCount);
            }
            lock (_lock) _leased += got;
            if (got == 0) Volatile.Write(ref _emptyUntil, Stopwatch.GetTimestamp() + (long)(_oneTokenDue.TotalSeconds * Stopwatch.Frequency));
            return TryTakeLeased(permitCount) ? Granted : Refused();
        }
        finally
        {
            _leasing.Release();
        }
    }

    private bool TryTakeLeased(int permitCount)
    {
        Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0) return true;
        lock (_lock)
        {
            if (_leased < permitCount) return false;
            _leased -= permitCount;
            return true;
        }
    }

    private static readonly RateLimitLease Granted = new Lease(true, null);

    private Lease Refused() => new(false, _oneTokenDue);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _leasing.Dispose();
            _fallback.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
