namespace PingOne.Generated.Emulator;

/// <summary>Decides, per request, which of the configured faults happens.</summary>
internal sealed class FaultInjector
{
    private readonly EmulatorOptions _options;
    private readonly Random _dice;
    private readonly object _gate = new();
    private long _windowSecond = -1;
    private int _inWindow;

    public FaultInjector(EmulatorOptions options)
    {
        _options = options;
        _dice = options.RandomSeed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Whether the request is over the per-second limit; counts it either way.</summary>
    public bool IsRateLimited(DateTimeOffset now)
    {
        if (_options.RateLimitPerSecond is not { } limit) return false;
        lock (_gate)
        {
            var second = now.ToUnixTimeSeconds();
            if (second != _windowSecond)
            {
                _windowSecond = second;
                _inWindow = 0;
            }
            return ++_inWindow > limit;
        }
    }

    public bool DropConnection() => Roll(_options.DropConnectionRate);

    public bool ServerError() => Roll(_options.ServerErrorRate);

    public bool ServerErrorAfterCreate() => Roll(_options.ServerErrorAfterCreateRate);

    public bool LoseAnswerAfterCreate() => Roll(_options.LostAnswerAfterCreateRate);

    private bool Roll(double rate)
    {
        if (rate <= 0) return false;
        lock (_gate) return _dice.NextDouble() < rate;
    }
}
