using System.Net.Http.Headers;

namespace PingOne.Generated.Cli.Doctor;

/// <summary>
/// The head of the doctor's transport: keeps each answer PingOne gave (API and token endpoint), so it can be held against the
/// spec, and the bearer token the client sent, so its claims can be read. Nothing it keeps is printed as is.
/// </summary>
internal sealed class DoctorRecorder : DelegatingHandler
{
    private readonly Uri _apiAddress;
    private readonly List<Exchange> _exchanges = new();

    public DoctorRecorder(Uri apiAddress) => _apiAddress = apiAddress;

    /// <summary>One request and its answer.</summary>
    /// <param name="IsApi">Whether the request went to the API (not the token endpoint).</param>
    /// <param name="Status">The answer's status.</param>
    /// <param name="Body">The answer's body (empty when none).</param>
    public sealed record Exchange(bool IsApi, HttpMethod Method, Uri Uri, int Status, string Body);

    /// <summary>The last bearer token sent to the API: the doctor reads its claims, never prints it.</summary>
    public string? BearerToken { get; private set; }

    /// <summary>Takes the exchanges recorded since the last call.</summary>
    public IReadOnlyList<Exchange> Take()
    {
        lock (_exchanges)
        {
            var taken = _exchanges.ToList();
            _exchanges.Clear();
            return taken;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isApi = request.RequestUri is { } uri && _apiAddress.IsBaseOf(uri);
        if (isApi && request.Headers.Authorization is AuthenticationHeaderValue { Scheme: "Bearer", Parameter: { } token }) BearerToken = token;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // Buffered, the client still reads the same body after this.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (_exchanges) _exchanges.Add(new Exchange(isApi, request.Method, request.RequestUri!, (int)response.StatusCode, body));
        return response;
    }
}
