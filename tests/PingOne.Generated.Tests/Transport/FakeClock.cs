using Microsoft.Extensions.Time.Testing;

namespace PingOne.Generated.Tests.Transport;

/// <summary>Moves a fake clock forward in small steps until a call that waits on it completes.</summary>
internal static class FakeClock
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> call, TimeSpan? step = null, int maxSteps = 2_000)
    {
        var task = call();
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted) time.Advance(step ?? TimeSpan.FromMilliseconds(250));
        }
        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public static Task RunAsync(FakeTimeProvider time, Func<Task> call, TimeSpan? step = null) =>
        RunAsync(time, async () => { await call(); return true; }, step);
}
