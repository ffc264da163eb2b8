using System.Net;

namespace PingOne.Generated.Benchmarks;

/// <summary>Answers every request with the seed's 201 body, after reading the request body as a real transport would.</summary>
internal sealed class InMemoryPingOne : HttpMessageHandler
{
    public static readonly byte[] SeedResponse = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed-response.json"));

    private readonly byte[] _body;
    private readonly HttpStatusCode _status;

    public InMemoryPingOne(byte[]? body = null, HttpStatusCode status = HttpStatusCode.Created)
    {
        _body = body ?? SeedResponse;
        _status = status;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null) await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(_status) { Content = content, RequestMessage = request };
    }
}
