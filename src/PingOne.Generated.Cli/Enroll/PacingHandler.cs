namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The head of the client's transport: every API request (retries and safe-retry look-ups included) waits for the
/// pacer, and every answer tells it whether PingOne accepted or throttled. Token requests go to another host and
/// another limit, and pass untouched.
/// </summary>
internal sealed class PacingHandler : DelegatingHandler
{
    private readonly RequestPacer _pacer;
    private readonly Uri _api;

    public PacingHandler(RequestPacer pacer, Uri api)
    {
        _pacer = pacer;
        _api = api;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } address || !_api.IsBaseOf(address)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 429) _pacer.Throttled(RetryAfter(response));
        else _pacer.Accepted();
        return response;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } header
            ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
            : null;
}
