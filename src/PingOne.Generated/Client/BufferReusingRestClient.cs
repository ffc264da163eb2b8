using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace PingOne.Generated
{
    /// <summary>
    /// The generated client, reading answers as its own <c>ReadObjectResponseAsync</c> does (the same decoding, the same
    /// serializer settings, the same exception for JSON it cannot read) without allocating per answer what can be reused:
    /// about a third of what a create call allocated (docs/benchmarks.md).
    /// </summary>
    /// <remarks>
    /// The generated code builds a <see cref="JsonSerializer"/> from the settings for every answer, a
    /// <see cref="StreamReader"/> with 3 KB of buffers, and a JSON reader that allocates its own 2 KB buffer. Here one
    /// serializer is kept idle per client and taken by one answer at a time (another answer read meanwhile builds its
    /// own), the JSON reader rents its buffer from the shared pool, and the stream reader has the smallest buffer: it
    /// decodes straight into the JSON reader's buffer, which asks for more than that at once.
    /// </remarks>
    internal sealed class BufferReusingRestClient : PingOneMfaRestClient
    {
        private const int SmallestStreamReaderBuffer = 128;

        private JsonSerializer? _idleSerializer;

        /// <summary>Creates the client; its answers are checked against the spec as <paramref name="drift"/> says.</summary>
        public BufferReusingRestClient(HttpClient httpClient, SchemaDrift drift)
            : base(httpClient, drift)
        {
        }

        protected override async Task<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, CancellationToken cancellationToken)
        {
            if (ReadResponseAsString || response?.Content is null)
                return await base.ReadObjectResponseAsync<T>(response!, headers, cancellationToken).ConfigureAwait(false);

            var serializer = Interlocked.Exchange(ref _idleSerializer, null) ?? JsonSerializer.Create(JsonSerializerSettings);
            try
            {
                using var stream = await ReadAsStreamAsync(response.Content, cancellationToken).ConfigureAwait(false);
                // What the generated code's new StreamReader(stream) decodes with: UTF-8 unless a byte order mark says otherwise.
                using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, SmallestStreamReaderBuffer);
                using var json = new JsonTextReader(text) { ArrayPool = SharedCharPool.Instance };
                return new ObjectResponseResult<T>(serializer.Deserialize<T>(json)!, string.Empty);
            }
            catch (JsonException exception)
            {
                throw new PingOneException("Could not deserialize the response body stream as " + typeof(T).FullName + ".", (int)response.StatusCode, string.Empty, headers, exception);
            }
            finally
            {
                Volatile.Write(ref _idleSerializer, serializer);
            }
        }

        private static Task<Stream> ReadAsStreamAsync(HttpContent content, CancellationToken cancellationToken) =>
#if NET5_0_OR_GREATER
            content.ReadAsStreamAsync(cancellationToken);
#else
            content.ReadAsStreamAsync();
#endif

        // Json.NET's buffer pool interface over the shared array pool.
        private sealed class SharedCharPool : IArrayPool<char>
        {
            public static readonly SharedCharPool Instance = new();

            public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

            public void Return(char[]? array)
            {
                if (array is not null) ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
