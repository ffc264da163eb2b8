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
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("tok-SECRET-abc123")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(429, """{"id":"e429","code":"REQUEST_LIMITED","message":"Slow down"}""", ("Retry-After", "1")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(500, """{"id":"e500","code":"UNEXPECTED_ERROR","message":"Failed for +1 512 555 1111"}"""));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList());
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var logs = new ListLogger<PingOneMfaClient>();
        var options = TokenEndpoint.Options(PingOneRegion.Europe);
        options.Retry.SafeRetry = true;
        using var provider = new ClientCredentialsTokenProvider(mock.CreateHttpClient(), options, time);
        var http = new HttpClient(new PingOneAuthenticationHandler(provider) { InnerHandler = mock.Handler });
        var client = new PingOneMfaClient(http, options, logs, time);
        var request = CreateVoiceDeviceRequest.Create("+1 (512) 555-1111 ext. 313#", Seed.PolicyId, normalizer: null);

        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request));

        mock.Handler.VerifyNoOutstandingExpectation();
        var all = string.Join("\n", logs.Lines);
        Assert.Multiple(() =>
        {
            Assert.That(logs.Lines.Count(l => l.StartsWith("Debug: PingOne create-voice-device answered")), Is.EqualTo(3));
            Assert.That(all, Does.Contain("answered 429 in").And.Contain("(attempt 1), error code REQUEST_LIMITED, error id e429"));
            Assert.That(logs.Lines.Single(l => l.Contains("answered 201 in")), Does.EndWith("(attempt 3)"));
            Assert.That(logs.Lines.Single(l => l.Contains("answered 500 in")), Does.EndWith("(attempt 2), error code UNEXPECTED_ERROR, error id e500"));
            Assert.That(logs.Lines.Count(l => l.StartsWith("Warning: PingOne create-voice-device will be retried after")), Is.EqualTo(2));
            Assert.That(all, Does.Contain("after HTTP 429 REQUEST_LIMITED: waiting 1000 ms before attempt 2 of 4"));
            foreach (var secret in new[] { "tok-SECRET-abc123", TokenEndpoint.ClientSecret, "5125551111", "555-1111", "+15125551111", "\"phone\"", "313#", Seed.PolicyId })
                Assert.That(all, Does.Not.Contain(secret), secret);
        });
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToList();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " | " + exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var value in values) _lines.Enqueue($"  {value.Key}={value.Value}");
        }
    }
}
