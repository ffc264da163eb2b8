using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Tests;

/// <summary>
/// A MockHttp handler that fails loudly on any request it was not told to expect (MockHttp's default
/// fallback silently answers 404), and remembers what was sent so tests can assert the exact wire.
/// </summary>
internal sealed class PingOneMock : IDisposable
{
    public PingOneMock()
    {
        Handler.Fallback.Throw(new InvalidOperationException("The client sent a request no test expected."));
    }

    public const string Token = "test-token";

    private readonly List<PingOneMfaClient> _clients = new();

    public MockHttpMessageHandler Handler { get; } = new();

    public List<SentRequest> Sent { get; } = new();

    public HttpClient CreateHttpClient() => new(Handler);

    /// <summary>
    /// A client built the one public way, sending through this mock: with a static access token
    /// (<see cref="Token"/>) unless the options ask for client credentials. Disposed with the mock.
    /// </summary>
    public PingOneMfaClient CreateClient(PingOneMfaClientOptions? options = null)
    {
        options ??= new PingOneMfaClientOptions();
        if (options.ClientId is null && options.ClientSecret is null) options.AccessToken ??= Token;
        options.Transport = Handler;
        var client = new PingOneMfaClient(options);
        _clients.Add(client);
        return client;
    }

    /// <summary>Expects one request and records it; respond on the returned request.</summary>
    public MockedRequest Expect(HttpMethod method, string url) =>
        Handler.Expect(method, url).With(request =>
        {
            lock (Sent) Sent.Add(SentRequest.From(request));
            return true;
        });

    /// <summary>Answers every matching request, in any number, and records each.</summary>
    public MockedRequest When(HttpMethod method, string url) =>
        Handler.When(method, url).With(request =>
        {
            lock (Sent) Sent.Add(SentRequest.From(request));
            return true;
        });

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
        Handler.Dispose();
    }
}

internal sealed record SentRequest(HttpMethod Method, Uri Uri, HttpRequestHeaders Headers, MediaTypeHeaderValue? ContentType, string Body)
{
    public JToken BodyJson => JToken.Parse(Body);

    public static SentRequest From(HttpRequestMessage request) => new(
        request.Method,
        request.RequestUri!,
        request.Headers,
        request.Content?.Headers.ContentType,
        request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? string.Empty);
}
