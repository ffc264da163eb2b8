using System.Net;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// Answers every request with the seed's 201 body, after reading the request body as a real transport would; with
/// <c>writesRequestHead</c>, also what a transport reads to write the request line and headers (the address's path and
/// query, its host, every header), which makes Uri parse the whole address.
/// </summary>
internal sealed class InMemoryPingOne : HttpMessageHandler
{
    public static readonly byte[] SeedResponse = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "seed-response.json"));

    private readonly byte[] _body;
    private readonly HttpStatusCode _status;
    private readonly bool _writesRequestHead;

    public InMemoryPingOne(byte[]? body = null, HttpStatusCode status = HttpStatusCode.Created, bool writesRequestHead = false)
    {
        _body = body ?? SeedResponse;
        _status = status;
        _writesRequestHead = writesRequestHead;
    }

    public static int HeadLength { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_writesRequestHead)
        {
            var length = request.Method.Method.Length + request.RequestUri!.PathAndQuery.Length + request.RequestUri.IdnHost.Length;
            foreach (var header in request.Headers)
                foreach (var value in header.Value) length += header.Key.Length + value.Length;
            if (request.Content is not null)
                foreach (var header in request.Content.Headers)
                    foreach (var value in header.Value) length += header.Key.Length + value.Length;
            HeadLength = length;
        }
        if (request.Content is not null) await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(_status) { Content = content, RequestMessage = request };
    }
}
