namespace PingOne.Generated.LeakChecks;

/// <summary>
/// A MockHttp handler that fails loudly on any request it was not told to expect (MockHttp's default fallback
/// silently answers 404) and records the Authorization each request reached the network with.
/// </summary>
internal sealed class PingOneMock : IDisposable
{
    public PingOneMock()
    {
        Handler.Fallback.Throw(new InvalidOperationException("The client sent a request no test expected."));
    }

    public MockHttpMessageHandler Handler { get; } = new();

    /// <summary><c>METHOD url Authorization</c> of each request, in the order sent.</summary>
    public List<string> Sent { get; } = new();

    /// <summary>Expects the next request (expectations are met in order); respond on the returned request.</summary>
    public MockedRequest Expect(HttpMethod method, string url) => Handler.Expect(method, url).With(Record);

    public void Dispose() => Handler.Dispose();

    private bool Record(HttpRequestMessage request)
    {
        lock (Sent) Sent.Add($"{request.Method} {request.RequestUri!.AbsoluteUri} {request.Headers.Authorization}");
        return true;
    }
}
