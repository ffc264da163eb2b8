namespace PingOne.Generated.Tests;

/// <summary>A network that takes every request and never answers, until the caller cancels: no clock involved.</summary>
internal sealed class HoldingNetwork : HttpMessageHandler
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Received;

    /// <summary>Completes when the first request has reached the network.</summary>
    public Task Arrived => _arrived.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Received);
        _arrived.TrySetResult();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException("unreachable");
    }
}
