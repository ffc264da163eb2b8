using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Transport;

/// <summary>Rejected calls are retried; a create whose outcome is unknown is never blindly re-sent.</summary>
public class RetryMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private const string Limited = """{"id":"e429","code":"REQUEST_LIMITED","message":"The request was rate limited"}""";
    private const string Unexpected = """{"id":"e500","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred"}""";

    [Test]
    public async Task TooManyRequests_WaitsRetryAfterSeconds_ThenRetries()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        var arrivals = new List<DateTimeOffset>();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => { arrivals.Add(time.GetUtcNow()); return Answer(429, Limited, ("Retry-After", "2")); });
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => { arrivals.Add(time.GetUtcNow()); return Answer(201, Seed.ResponseJson); });
        var client = Client(mock, time);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(device.Id, Is.EqualTo(Seed.DeviceId));
        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(arrivals[1] - arrivals[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)).And.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task TooManyRequests_WaitsRetryAfterHttpDate()
    {
        using var mock = new PingOneMock();
        var start = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        var time = new AutoAdvancingClock(start);
        var arrivals = new List<DateTimeOffset>();
        var retryAt = start.AddSeconds(5).ToString("r");
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => { arrivals.Add(time.GetUtcNow()); return Answer(429, Limited, ("Retry-After", retryAt)); });
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => { arrivals.Add(time.GetUtcNow()); return Answer(201, Seed.ResponseJson); });
        var client = Client(mock, time);

        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(arrivals[1] - start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)).And.LessThan(TimeSpan.FromSeconds(12)));
    }

    [Test]
    public async Task TooManyRequestsWithoutRetryAfter_BacksOff()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(429, Limited));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(429, Limited));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = Client(mock, time);

        var started = time.GetUtcNow();
        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        // Base delay 1 s, exponential with Polly's decorrelated jitter: the two waits add up to 1.37-2.85 s.
        Assert.That(time.GetUtcNow() - started, Is.InRange(TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(3.1)));
    }

    [Test]
    public void RetriesStopAtMaxAttempts()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => Answer(429, Limited, ("Retry-After", "1")));
        var client = Client(mock, time, retry => retry.MaxAttempts = 3);

        var error = Assert.CatchAsync<PingOneException>(() => FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request())));

        Assert.That(error!.Status, Is.EqualTo(429));
        Assert.That(mock.Sent, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task RetryAfter_IsCappedAtMaxDelay()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(429, Limited, ("Retry-After", "3600")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = Client(mock, time, retry => retry.MaxDelay = TimeSpan.FromSeconds(10));

        var started = time.GetUtcNow();
        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(time.GetUtcNow() - started, Is.InRange(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11)));
    }

    [Test]
    public async Task CancellationDuringTheWait_StopsWithoutAnotherRequest()
    {
        using var mock = new PingOneMock();
        var time = new FakeTimeProvider();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(429, Limited, ("Retry-After", "30")));
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { TimeProvider = time, LoggerFactory = logs });
        using var cancellation = new CancellationTokenSource();

        var call = client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request(), cancellation.Token);
        await logs.WaitForAsync("Warning: PingOne create-voice-device will be retried").WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();

        Assert.That(async () => await call.WaitAsync(TimeSpan.FromSeconds(10)), Throws.InstanceOf<OperationCanceledException>());
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
    }

    // The first attempt fails as the caller cancels: the caller gets that failure (HttpClient's cancellation, the lost
    // connection inside), not a cancellation of the retry strategy's own making, and nothing is sent again.
    [Test]
    public void FirstAttemptFailingAsTheCallerCancels_ReachesTheCallerAsItFailed_AndIsNotRetried()
    {
        using var mock = new PingOneMock();
        using var cancellation = new CancellationTokenSource();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() =>
        {
            cancellation.Cancel();
            throw new HttpRequestException("The connection was reset");
        });
        var client = Client(mock, new FakeTimeProvider());

        var error = Assert.CatchAsync<OperationCanceledException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request(), cancellation.Token));

        Assert.Multiple(() =>
        {
            Assert.That(error!.CancellationToken, Is.EqualTo(cancellation.Token));
#if !NETFRAMEWORK
            // .NET's HttpClient keeps the handler's failure as the inner exception; on .NET Framework and Mono, HttpClient
            // itself replaces it with an OperationCanceledException of its own (no inner exception) before the client sees it.
            Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
#endif
            Assert.That(mock.Sent, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ConnectionRefusedBeforeSending_IsRetried()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Throw(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = Client(mock, time);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(device.Id, Is.EqualTo(Seed.DeviceId));
        mock.Handler.VerifyNoOutstandingExpectation();
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    public void ServerErrorWithoutSafeRetry_IsNotResent_AndSaysTheDeviceMayExist(int status)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(status, Unexpected));
        var client = Client(mock, new AutoAdvancingClock());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(error!.Status, Is.EqualTo(status));
        Assert.That(error.DeviceMayHaveBeenCreated, Is.True);
        Assert.That(error.Message, Does.Contain("The device may have been created"));
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public void ConnectionDroppedAfterSendingWithoutSafeRetry_SaysTheDeviceMayExist()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Throw(new HttpRequestException("The response ended prematurely.", new IOException("connection reset")));
        var client = Client(mock, new AutoAdvancingClock());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(error!.Status, Is.Zero);
        Assert.That(error.DeviceMayHaveBeenCreated, Is.True);
        Assert.That(error.InnerException, Is.TypeOf<HttpRequestException>());
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SafeRetryAfterServerError_ReturnsTheDeviceTheFailedAttemptCreated_WithoutASecondPost()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(500, Unexpected));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", DeviceList(
            Device("old-sms", "SMS", "+15125551111", null, "2026-01-01T00:00:00Z"),
            Device("created-by-failed-attempt", "VOICE", "+1.5125551111", "313#", "2026-11-29T12:00:00.500Z")));
        var client = Client(mock, time, retry => retry.SafeRetry = true);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(device.Id, Is.EqualTo("created-by-failed-attempt"));
        Assert.That(mock.Sent.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(1));
        // The look-up asks PingOne for voice devices only.
        Assert.That(mock.Sent.Single(r => r.Method == HttpMethod.Get).Uri.AbsoluteUri, Is.EqualTo(DevicesUrl + "?filter=type%20eq%20%22VOICE%22"));
    }

    [Test]
    public async Task SafeRetryLookUp_WhenTheFilterIsRefused_ReadsTheWholeList()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var filtered = DevicesUrl + "?filter=type%20eq%20%22VOICE%22";
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(500, Unexpected));
        mock.Expect(HttpMethod.Get, filtered).Respond(HttpStatusCode.BadRequest, "application/json",
            "{\"id\":\"x\",\"code\":\"INVALID_DATA\",\"message\":\"bad\",\"details\":[{\"code\":\"INVALID_FILTER\",\"target\":\"filter\",\"message\":\"no\"}]}");
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", DeviceList(
            Device("sms", "SMS", "+15125551111", "313#", "2026-11-29T12:00:00.400Z"),
            Device("created-by-failed-attempt", "VOICE", "+15125551111", "313#", "2026-11-29T12:00:00.500Z")));
        var client = Client(mock, time, retry => retry.SafeRetry = true);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(device.Id, Is.EqualTo("created-by-failed-attempt"));
        Assert.That(mock.Sent.Select(r => r.Method.Method + " " + r.Uri.AbsoluteUri), Is.EqualTo(new[] { "POST " + DevicesUrl, "GET " + filtered, "GET " + DevicesUrl }));
    }

    [Test]
    public async Task SafeRetryLookUp_FollowsNextLinks_ToFindTheCreatedDevice()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var second = DevicesUrl + "?filter=type%20eq%20%22VOICE%22&cursor=1";
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(500, Unexpected));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json",
            "{\"_links\":{\"next\":{\"href\":\"" + second + "\"}},\"_embedded\":{\"devices\":[" + Device("other", "VOICE", "+15125550000", null, "2026-11-29T12:00:00.100Z") + "]}}");
        mock.Expect(HttpMethod.Get, second).Respond(HttpStatusCode.OK, "application/json", DeviceList(
            Device("created-by-failed-attempt", "VOICE", "+15125551111", "313#", "2026-11-29T12:00:00.500Z")));
        var client = Client(mock, time, retry => retry.SafeRetry = true);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(device.Id, Is.EqualTo("created-by-failed-attempt"));
        Assert.That(mock.Sent.Select(r => r.Method.Method + " " + r.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            "POST " + DevicesUrl, "GET " + DevicesUrl + "?filter=type%20eq%20%22VOICE%22", "GET " + second,
        }));
    }

    [Test]
    public async Task SafeRetryAfterServerError_ResendsWhenNoSuchDeviceExists()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(503, Unexpected));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", DeviceList(
            Device("same-phone-other-extension", "VOICE", "+15125551111", "999", "2026-11-29T12:00:01Z"),
            Device("same-phone-long-ago", "VOICE", "+15125551111", "313#", "2025-01-01T00:00:00Z")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = Client(mock, time, retry => retry.SafeRetry = true);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(device.Id, Is.EqualTo(Seed.DeviceId));
        Assert.That(mock.Sent.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET", "POST" }));
    }

    [Test]
    public async Task SafeRetryAfterTimeout_LooksBeforeResending()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        mock.Expect(HttpMethod.Post, DevicesUrl).Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", DeviceList(
            Device("created", "VOICE", "+15125551111", "313#", "2026-11-29T12:00:02Z")));
        var client = Client(mock, time, retry => retry.SafeRetry = true);

        var device = await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(device.Id, Is.EqualTo("created"));
        mock.Handler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void SafeRetry_GivesUpAtMaxAttempts_SayingTheDeviceMayExist()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => Answer(500, Unexpected));
        mock.When(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", DeviceList());
        var client = Client(mock, time, retry => { retry.SafeRetry = true; retry.MaxAttempts = 2; });

        var error = Assert.CatchAsync<PingOneException>(() => FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request())));

        Assert.That(error!.DeviceMayHaveBeenCreated, Is.True);
        Assert.That(mock.Sent.Select(r => r.Method.Method), Is.EqualTo(new[] { "POST", "GET", "POST" }));
    }

    [TestCase(400)]
    [TestCase(404)]
    [TestCase(409)]
    public void ClientErrors_AreNeverRetried(int status)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Answer(status, """{"id":"e","code":"INVALID_DATA","message":"No"}"""));
        var client = Client(mock, new AutoAdvancingClock(), retry => retry.SafeRetry = true);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(error!.DeviceMayHaveBeenCreated, Is.False);
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ListDevices_RetriesServerErrors_BecauseReadingIsSafe()
    {
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(() => Answer(500, Unexpected));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", DeviceList(Device("d1", "VOICE", "+15125551111", null, null)));
        var client = Client(mock, time);

        var devices = await FakeClock.RunAsync(time, () => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId));

        Assert.That(devices.Select(d => d.Id), Is.EqualTo(new[] { "d1" }));
    }

    internal static Task<HttpResponseMessage> Answer(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return Task.FromResult(response);
    }

    internal static string DeviceList(params string[] devices) =>
        "{\"_links\":{\"self\":{\"href\":\"" + DevicesUrl + "\"}},\"_embedded\":{\"devices\":[" + string.Join(",", devices) + "]},\"count\":" + devices.Length + ",\"size\":" + devices.Length + "}";

    internal static string Device(string id, string type, string phone, string? extension, string? createdAt)
    {
        var device = new Newtonsoft.Json.Linq.JObject { ["id"] = id, ["type"] = type, ["status"] = "ACTIVE", ["phone"] = phone };
        if (extension is not null) device["extension"] = extension;
        if (createdAt is not null) device["createdAt"] = createdAt;
        return device.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static PingOneMfaClient Client(PingOneMock mock, FakeTimeProvider time, Action<PingOneRetryOptions>? retry = null)
    {
        var options = new PingOneMfaClientOptions { TimeProvider = time };
        retry?.Invoke(options.Retry);
        return mock.CreateClient(options);
    }
}
