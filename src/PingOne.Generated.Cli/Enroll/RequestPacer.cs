namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Spaces API request starts so a run uses nearly all of PingOne's per-second limit without living on <c>429</c>s.
/// With <c>--rate</c> it paces at that rate; without, it sends freely until the first <c>429</c> and then paces at
/// what the server was accepting. Each <c>429</c> burst cuts the rate by 5% (the throttled request itself waits its
/// <c>Retry-After</c> in the client's retry); every accepted answer adds 0.01 request/s, about 1% a second, up to
/// <c>--rate</c>. The rate therefore stays within a few percent under the limit instead of halving and climbing back.
/// A <c>Retry-After</c> longer than one second means the server wants everyone to wait: no request starts before it passes.
/// </summary>
internal sealed class RequestPacer
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private const double Cut = 0.95;
    private const double StepPerAnswer = 0.01;

    private readonly double? _ceiling;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _acceptedInLastSecond = new();
    private double _rate;
    private DateTimeOffset _nextStart;
    private DateTimeOffset _holdUntil;
    private DateTimeOffset _lastCut = DateTimeOffset.MinValue;
    private long _requests;
    private int _throttles;

    public RequestPacer(double? requestsPerSecond, TimeProvider time)
    {
        _ceiling = requestsPerSecond;
        _rate = requestsPerSecond ?? 0;
        _time = time;
        _nextStart = _holdUntil = time.GetUtcNow();
    }

    /// <summary>The rate in force, in requests per second; 0 while unlimited.</summary>
    public double CurrentRate { get { lock (_gate) return _rate; } }

    /// <summary>API requests started, retries and look-ups included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary><c>429</c> answers seen.</summary>
    public int Throttles => Volatile.Read(ref _throttles);

    /// <summary>Waits for this request's turn.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var start = Max(now, Max(_nextStart, _holdUntil));
            _nextStart = _rate > 0 ? start + TimeSpan.FromSeconds(1 / _rate) : start;
            wait = start - now;
        }
        Interlocked.Increment(ref _requests);
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, _time, cancellationToken);
    }

    /// <summary>PingOne answered <c>429</c>.</summary>
    public void Throttled(TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _throttles);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (retryAfter > Second) _holdUntil = Max(_holdUntil, now + retryAfter.Value);
            // Requests in flight answer 429 together: one cut per second reacts to the burst, not to each answer.
            if (now - _lastCut < Second) return;
            _lastCut = now;
            var accepted = AcceptedInLastSecond(now);
            var basis = _rate > 0 ? Math.Min(_rate, Math.Max(accepted, 1)) : Math.Max(accepted, 1);
            _rate = Math.Max(1, basis * Cut);
        }
    }

    /// <summary>PingOne answered something other than <c>429</c>: the request counted against its limit and went through.</summary>
    public void Accepted()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _acceptedInLastSecond.Enqueue(now);
            AcceptedInLastSecond(now);
            if (_rate > 0) _rate = Math.Min(_ceiling ?? double.MaxValue, _rate + StepPerAnswer);
        }
    }

    private int AcceptedInLastSecond(DateTimeOffset now)
    {
        while (_acceptedInLastSecond.Count > 0 && now - _acceptedInLastSecond.Peek() >= Second) _acceptedInLastSecond.Dequeue();
        return _acceptedInLastSecond.Count;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
