namespace PingOne.Generated.Tests;

// What the shared test sources use from .NET 6+, for net48: the non-generic TaskCompletionSource and Task.WaitAsync.
// Test-only: the library itself needs none of this.

internal sealed class TaskCompletionSource
{
    private readonly TaskCompletionSource<bool> _inner;

    public TaskCompletionSource(TaskCreationOptions options) => _inner = new TaskCompletionSource<bool>(options);

    public Task Task => _inner.Task;

    public void SetResult() => _inner.SetResult(true);

    public bool TrySetResult() => _inner.TrySetResult(true);
}

internal static class TaskWaitAsync
{
    public static async Task WaitAsync(this Task task, TimeSpan timeout)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout)).ConfigureAwait(false) != task) throw new TimeoutException();
        await task.ConfigureAwait(false);
    }

    public static async Task<T> WaitAsync<T>(this Task<T> task, TimeSpan timeout)
    {
        await ((Task)task).WaitAsync(timeout).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }
}
