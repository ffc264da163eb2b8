namespace PingOne.Generated.Tests;

/// <summary>Holds every request for a while before passing it on, honoring cancellation like a real socket.</summary>
internal sealed class SlowNetwork(TimeSpan delay) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
