using Microsoft.Extensions.Time.Testing;

namespace PingOne.Generated.Tests.Transport;

/// <summary>
/// Fake time that moves by itself exactly as far as each wait asks: a timer created for <c>d</c> moves the
/// clock <c>d</c> forward (from another thread, once the timer exists). Retry waits then take no real time
/// and are measured exactly on this clock.
/// </summary>
internal sealed class AutoAdvancingClock : FakeTimeProvider
{
    public AutoAdvancingClock()
    {
    }

    public AutoAdvancingClock(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        return timer;
    }
}

/// <summary>Runs a call on an <see cref="AutoAdvancingClock"/>; the real-time bound only stops a broken test from hanging.</summary>
internal static class FakeClock
{
    public static Task<T> RunAsync<T>(AutoAdvancingClock time, Func<Task<T>> call) => call().WaitAsync(TimeSpan.FromSeconds(30));

    public static Task RunAsync(AutoAdvancingClock time, Func<Task> call) => call().WaitAsync(TimeSpan.FromSeconds(30));
}
