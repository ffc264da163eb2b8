using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated;

namespace PingOne.Generated.Tests;

/// <summary>
/// Answers are read with reused buffers and one serializer per client: in any encoding the generated reader accepted,
/// in pieces of any size, of any length, many at once, and an unreadable one among them.
/// </summary>
public class ResponseReadingMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();

    [TestCase("utf-8 with a byte order mark")]
    [TestCase("utf-16 little endian")]
    [TestCase("utf-16 big endian")]
    [TestCase("utf-32 little endian")]
    public async Task AnswerWithAByteOrderMark_IsDecodedByIt(string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf-8 with a byte order mark" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "utf-16 little endian" => Encoding.Unicode,
            "utf-16 big endian" => Encoding.BigEndianUnicode,
            _ => Encoding.UTF32,
        };
        var json = JObject.Parse(Seed.ResponseJson);
        json["nickname"] = "Zoë's desk \u260E";
        var body = encoding.GetPreamble().Concat(encoding.GetBytes(json.ToString())).ToArray();

        var device = await CreateAnswering(new ByteArrayContent(body));

        Assert.That((device.Id, device.Nickname), Is.EqualTo((Seed.DeviceId, "Zoë's desk \u260E")));
    }

    [Test]
    public async Task AnswerArrivingOneByteAtATime_IsReadWhole()
    {
        var json = JObject.Parse(Seed.ResponseJson);
        json["nickname"] = "Zoë \u260E";

        var device = await CreateAnswering(new StreamContent(new TricklingStream(Encoding.UTF8.GetBytes(json.ToString()))));

        Assert.That((device.Id, device.Nickname, device.Extension), Is.EqualTo((Seed.DeviceId, "Zoë \u260E", "313#")));
    }

    [Test]
    public async Task AnswerOfSeveralMegabytes_IsReadWhole()
    {
        var json = JObject.Parse(Seed.ResponseJson);
        json["nickname"] = new string('n', 1_000_000);
        json["history"] = new JArray(Enumerable.Range(0, 50_000).Select(i => new JObject { ["at"] = i, ["what"] = "called" }));

        var device = await CreateAnswering(new StringContent(json.ToString(), Encoding.UTF8, "application/json"));

        Assert.That(device.Nickname, Has.Length.EqualTo(1_000_000));
        Assert.That(((JArray)device.AdditionalProperties["history"]).Count, Is.EqualTo(50_000));
    }

    // One client, one serializer kept idle: answers read at the same time each get their own device, and an unreadable
    // answer among them fails only its own call.
    [Test]
    public async Task ManyAnswersReadAtOnce_EachGetsItsOwnDevice_AndAnUnreadableOneFailsAlone()
    {
        const int Callers = 64;
        using var mock = new PingOneMock();
        var users = Enumerable.Range(0, Callers).Select(i => Guid.NewGuid().ToString()).ToArray();
        foreach (var (user, i) in users.Select((user, i) => (user, i)))
        {
            var json = JObject.Parse(Seed.ResponseJson);
            json["id"] = "device-of-" + user;
            json["nickname"] = new string('x', 100 * i);
            var body = i % 16 == 5 ? "{\"id\": \"device-of-" + user + "\", \"nickname\": [" : json.ToString();
            mock.When(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath(userId: user)).Respond(HttpStatusCode.Created, "application/json", body);
        }
        var client = mock.CreateClient(new PingOneMfaClientOptions { Retry = { MaxAttempts = 1 } });

        var outcomes = await Task.WhenAll(users.Select(async user =>
        {
            await Task.Yield();
            try
            {
                return (await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, user, Seed.Request())).Id;
            }
            catch (PingOneException error)
            {
                return error.Kind.ToString();
            }
        }));

        var expected = users.Select((user, i) => i % 16 == 5 ? nameof(PingOneFailureKind.InvalidResponse) : "device-of-" + user);
        Assert.That(outcomes, Is.EqualTo(expected));
    }

    // Json.NET reads synchronously: read from the network as it arrives, a body that stalls after its headers held the
    // call (and a thread) until the connection died, whatever the caller had cancelled.
    [Test]
    public async Task AnswerThatStallsAfterItsFirstBytes_EndsTheCallWhenTheCallerCancels()
    {
        using var stalling = new StallingStream(Encoding.UTF8.GetBytes(Seed.ResponseJson.Substring(0, 40)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var call = CreateAnswering(new StreamContent(stalling), cancel.Token);
        var ended = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.That(ended, Is.SameAs(call), "the call ended when the caller cancelled");
        var error = Assert.CatchAsync<OperationCanceledException>(() => call)!;
        Assert.That(error.CancellationToken, Is.EqualTo(cancel.Token), "the caller's own cancellation, as docs/client.md says");
    }

    private static async Task<VoiceDevice> CreateAnswering(HttpContent content, CancellationToken cancellationToken = default)
    {
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, content);
        var client = mock.CreateClient(new PingOneMfaClientOptions());
        return await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request(), cancellationToken);
    }

    // A network that sends the first bytes of an answer and then nothing: a read waits until it is cancelled (or, read
    // synchronously, which cannot be cancelled, until the stream is disposed: 15 s at most, so a broken test ends).
    private sealed class StallingStream : MemoryStream
    {
        private readonly ManualResetEventSlim _disposed = new();

        public StallingStream(byte[] firstBytes)
            : base(firstBytes, writable: false)
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position < Length) return base.Read(buffer, offset, count);
            _disposed.Wait(TimeSpan.FromSeconds(15));
            throw new IOException("The connection was closed.");
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (Position < Length) return base.Read(buffer, offset, count);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            return 0;
        }
#if NET
        public override int Read(Span<byte> buffer) => Position < Length ? base.Read(buffer) : Read(new byte[1], 0, 1);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? new ValueTask<int>(base.Read(buffer.Span)) : new ValueTask<int>(ReadAsync(new byte[1], 0, 1, cancellationToken));
#endif

        protected override void Dispose(bool disposing)
        {
            _disposed.Set();
            base.Dispose(disposing);
        }
    }

    // A network that hands over one byte per read.
    private sealed class TricklingStream : MemoryStream
    {
        public TricklingStream(byte[] bytes)
            : base(bytes, writable: false)
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);
#if NET
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
#endif
    }
}
