namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Spaces request starts to at most the configured rate, halves the rate whenever PingOne answers 429
/// and climbs back as requests succeed (additive increase, multiplicative decrease).
/// </summary>
internal sealed class AdaptiveRateLimiter
{
    private readonly double? _ceiling;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private double _rate;
    private DateTimeOffset _nextStart;
    private DateTimeOffset _lastCut = DateTimeOffset.MinValue;

    public AdaptiveRateLimiter(double? requestsPerSecond, TimeProvider time)
    {
        _ceiling = requestsPerSecond;
        _rate = requestsPerSecond ?? 0;
        _time = time;
        _nextStart = time.GetUtcNow();
    }

    /// <summary>The rate in force, in requests per second; 0 while unlimited.</summary>
    public double CurrentRate { get { lock (_gate) return _rate; } }

    public int Throttles { get; private set; }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_rate <= 0) return Task.CompletedTask;
            var now = _time.GetUtcNow();
            var start = _nextStart > now ? _nextStart : now;
            _nextStart = start + TimeSpan.FromSeconds(1 / _rate);
            wait = start - now;
        }
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);
    }

    /// <summary>PingOne answered 429: slow down, once per second at most.</summary>
    public void Throttled(double observedRate)
    {
        lock (_gate)
        {
            Throttles++;
            // Requests already in flight answer 429 together; one cut per second reacts to the burst, not to each answer.
            var now = _time.GetUtcNow();
            if (now - _lastCut < TimeSpan.FromSeconds(1)) return;
            _lastCut = now;
            // Without a configured rate, start limiting at half of what was being sent.
            var basis = _rate > 0 ? _rate : Math.Max(observedRate, 2);
            _rate = Math.Max(1, basis / 2);
        }
    }

    /// <summary>A request went through: speed up by one request per second, up to the configured rate.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            if (_rate <= 0) return;
            _rate = Math.Min(_ceiling ?? double.MaxValue, _rate + 1);
        }
    }
}
