namespace PingOne.Generated.Cli.Enroll;

/// <summary>Sees every answer before the client's own retries do, and tells the limiter about each 429.</summary>
internal sealed class ThrottleObserver : DelegatingHandler
{
    private readonly AdaptiveRateLimiter _limiter;
    private readonly Func<double> _observedRate;

    public ThrottleObserver(AdaptiveRateLimiter limiter, Func<double> observedRate)
    {
        _limiter = limiter;
        _observedRate = observedRate;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 429) _limiter.Throttled(_observedRate());
        else if (response.IsSuccessStatusCode) _limiter.Succeeded();
        return response;
    }
}
