using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Transport;

/// <summary>What the client logs, and what it never logs.</summary>
public class LoggingMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.Europe.ApiBaseAddress + Seed.DevicesPath();

    [Test]
    public async Task CreateWithRetries_LogsEachCallAndWait_ButNoTokenSecretBodyOrPhone()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("tok-SECRET-abc123")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(429, """{"id":"e429","code":"REQUEST_LIMITED","message":"Slow down"}""", ("Retry-After", "1")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(500, """{"id":"e500","code":"UNEXPECTED_ERROR","message":"Failed for +1 512 555 1111"}"""));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList());
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var logs = new ListLogger();
        var options = TokenEndpoint.Options(PingOneRegion.Europe);
        options.Retry.SafeRetry = true;
        options.TimeProvider = time;
        options.LoggerFactory = logs;
        var client = mock.CreateClient(options);
        var request = CreateVoiceDeviceRequest.Create("+1 (512) 555-1111 ext. 313#", Seed.PolicyId);

        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request));

        mock.Handler.VerifyNoOutstandingExpectation();
        var all = string.Join("\n", logs.Lines);
        Assert.Multiple(() =>
        {
            Assert.That(logs.Lines.Where(l => l.StartsWith("Debug: PingOne create-voice-device answered")), Has.Exactly(1).Match(@"answered 201 in [0-9.]+ ms \(3 attempt\(s\)\)$"));
            Assert.That(logs.Lines.Where(l => l.StartsWith("Warning: PingOne create-voice-device will be retried after")), Is.EqualTo(new[]
            {
                "Warning: PingOne create-voice-device will be retried after HTTP 429 REQUEST_LIMITED (error id e429): waiting 1000 ms before attempt 2 of 4",
                "Warning: PingOne create-voice-device will be retried after HTTP 500 UNEXPECTED_ERROR (error id e500): waiting 1000 ms before attempt 3 of 4",
            }).Using<string>((a, b) => string.CompareOrdinal(a[..a.IndexOf("waiting", StringComparison.Ordinal)], b[..b.IndexOf("waiting", StringComparison.Ordinal)])));
            Assert.That(logs.Lines, Has.Some.Match(@"^Debug: PingOne create-voice-device: an earlier attempt may have created the device; list-devices answered 200 with 0 devices \(the device found: False\) in [0-9.]+ ms$"));
            foreach (var secret in new[] { "tok-SECRET-abc123", TokenEndpoint.ClientSecret, "5125551111", "555-1111", "+15125551111", "\"phone\"", "313#", Seed.PolicyId })
                Assert.That(all, Does.Not.Contain(secret), secret);
        });
    }
}
