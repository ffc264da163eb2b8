using System;
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
    /// <see cref="StreamReader"/> with 3 KB of buffers, and a JSON reader that allocates its own 2 KB buffer, and reads
    /// the network synchronously as Json.NET asks, so a body that stalls after its headers holds the call whatever the
    /// caller cancelled. Here the body is first read asynchronously, with the caller's token, into a buffer from the
    /// shared pool; one serializer is kept idle per client and taken by one answer at a time (another answer read
    /// meanwhile builds its own); the JSON reader rents its buffer from the shared pool; and the stream reader has the
    /// smallest buffer: it decodes straight into the JSON reader's buffer, which asks for more than that at once.
    /// </remarks>
    internal sealed class BufferReusingRestClient : PingOneMfaRestClient
    {
        private const int SmallestStreamReaderBuffer = 128;
        // A device answer is about 1 KB; a page of users or devices grows the buffer by doubling.
        private const int InitialBodyBuffer = 4096;

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

            var body = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var serializer = Interlocked.Exchange(ref _idleSerializer, null) ?? JsonSerializer.Create(JsonSerializerSettings);
            try
            {
                using var stream = new MemoryStream(body.Bytes, 0, body.Length, writable: false);
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
                // Answers carry users' phone numbers: a buffer goes back to the shared pool, where any code may rent it, empty.
                Array.Clear(body.Bytes, 0, body.Length);
                ArrayPool<byte>.Shared.Return(body.Bytes);
            }
        }

        // The whole body, read as it arrives with the caller's token, into a buffer rented from the shared pool. Json.NET
        // reads synchronously: reading from the network itself, it held the call and a thread on a body that stalled after
        // its headers, whatever the caller cancelled.
        private static async ValueTask<PooledBytes> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
        {
            var bytes = ArrayPool<byte>.Shared.Rent(InitialBodyBuffer);
            var length = 0;
            try
            {
#if NET5_0_OR_GREATER
                using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                while (true)
                {
                    if (length == bytes.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
                        Buffer.BlockCopy(bytes, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
                        bytes = larger;
                    }
                    var read = await stream.ReadAsync(bytes, length, bytes.Length - length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) return new PooledBytes(bytes, length);
                    length += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
                throw;
            }
        }

        private readonly struct PooledBytes
        {
            public PooledBytes(byte[] bytes, int length)
            {
                Bytes = bytes;
                Length = length;
            }

            public byte[] Bytes { get; }

            public int Length { get; }
        }

        // Json.NET's buffer pool interface over the shared array pool; buffers go back empty, as the body's do.
        private sealed class SharedCharPool : IArrayPool<char>
        {
            public static readonly SharedCharPool Instance = new();

            public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

            public void Return(char[]? array)
            {
                if (array is not null) ArrayPool<char>.Shared.Return(array, clearArray: true);
            }
        }
    }
}
