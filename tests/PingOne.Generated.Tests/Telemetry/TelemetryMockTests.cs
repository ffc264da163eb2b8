using System.Diagnostics;
using System.Net;
using PingOne.Generated;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Telemetry;

/// <summary>
/// The activities, events and measurements of the client's operations, as an application listening to
/// <c>PingOne.Generated</c> sees them (docs/observability.md lists each).
/// </summary>
[NonParallelizable]
public class TelemetryMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private const string Limited = """{"id":"e429","code":"REQUEST_LIMITED","message":"The request was rate limited"}""";
    private const string Unexpected = """{"id":"e500","code":"UNEXPECTED_ERROR","message":"An unexpected error occurred"}""";

    [Test]
    public async Task Create_Succeeds_OneInternalActivity_CurrentWhenTheRequestIsSent_WithTheOperationsTags()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        Activity? currentAtSend = null;
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() =>
        {
            currentAtSend = Activity.Current;
            return RetryMockTests.Answer(201, Seed.ResponseJson);
        });
        var client = mock.CreateClient();

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        var activity = telemetry.Single("PingOne create-voice-device");
        Assert.Multiple(() =>
        {
            Assert.That(activity.Kind, Is.EqualTo(ActivityKind.Internal));
            Assert.That(activity.Source.Version, Is.Not.Null.And.Not.Empty);
            Assert.That(activity.Parent, Is.SameAs(telemetry.Root));
            // HttpClient's own request span takes the current activity as its parent: it must be ours.
            Assert.That(currentAtSend, Is.SameAs(activity));
            Assert.That(activity.GetTagItem("pingone.operation"), Is.EqualTo("create-voice-device"));
            Assert.That(activity.GetTagItem("pingone.environment.id"), Is.EqualTo(Seed.EnvironmentId));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(201));
            Assert.That(activity.GetTagItem("pingone.attempts"), Is.EqualTo(1));
            Assert.That(activity.GetTagItem("error.type"), Is.Null);
            Assert.That(activity.GetTagItem("pingone.safe_retry.looked_up"), Is.Null);
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(activity.Events, Is.Empty);
        });
        var duration = telemetry.Of("pingone.client.operation.duration").Single();
        Assert.That(duration.Unit, Is.EqualTo("s"));
        Assert.That(duration.Has(("pingone.operation", "create-voice-device"), ("pingone.outcome", "success")), Is.True);
        Assert.That(duration.Tag("error.type"), Is.Null);
        Assert.That(telemetry.Of("pingone.client.devices.created").Single().Value, Is.EqualTo(1));
        Assert.That(telemetry.Of("pingone.client.retries"), Is.Empty);
        Assert.That(telemetry.Of("pingone.client.schema_drift"), Is.Empty, "the seed answer is what the spec declares");
    }

    [Test]
    public async Task Create_RetriedAfter429_AnEventPerRetry_AndTheWaitOnRetryAfter()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(429, Limited, ("Retry-After", "2")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(201, Seed.ResponseJson));
        var client = mock.CreateClient(new PingOneMfaClientOptions { TimeProvider = time });

        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        var activity = telemetry.Single("PingOne create-voice-device");
        Assert.That(activity.GetTagItem("pingone.attempts"), Is.EqualTo(2));
        Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(201), "the final status");
        Assert.That(activity.GetTagItem("error.type"), Is.Null);
        var retry = activity.Events.Single();
        Assert.That(retry.Name, Is.EqualTo("pingone.retry"));
        var tags = retry.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.That(tags, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["pingone.retry.reason"] = "RateLimited",
            ["pingone.retry.delay"] = 2.0,
            ["pingone.retry.attempt"] = 2,
            ["pingone.retry.retry_after"] = true,
            ["http.response.status_code"] = 429,
        }));

        var retries = telemetry.Of("pingone.client.retries").Single();
        Assert.That(retries.Has(("pingone.operation", "create-voice-device"), ("pingone.retry.reason", "RateLimited")), Is.True);
        Assert.That(telemetry.Of("pingone.client.rate_limited").Single().Has(("pingone.operation", "create-voice-device")), Is.True);
        var wait = telemetry.Of("pingone.client.retry_after.duration").Single();
        Assert.That((wait.Value, wait.Unit), Is.EqualTo((2.0, "s")));
        // On the client's clock: the call took the wait Retry-After asked for.
        Assert.That(telemetry.Of("pingone.client.operation.duration").Single().Value, Is.GreaterThanOrEqualTo(2.0).And.LessThan(10));
        Assert.That(telemetry.Of("pingone.client.devices.created").Single().Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Create_ResolvedBySafeRetry_SaysItLookedAndFoundTheDevice()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(500, Unexpected));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList(
            RetryMockTests.Device("old-sms", "SMS", "+15125551111", null, "2026-01-01T00:00:00Z"),
            RetryMockTests.Device("created-by-failed-attempt", "VOICE", "+1.5125551111", "313#", "2026-11-29T12:00:00.500Z")));
        var client = mock.CreateClient(new PingOneMfaClientOptions { TimeProvider = time, Retry = { SafeRetry = true } });

        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        var activity = telemetry.Single("PingOne create-voice-device");
        Assert.Multiple(() =>
        {
            Assert.That(activity.GetTagItem("pingone.safe_retry.looked_up"), Is.EqualTo(true));
            Assert.That(activity.GetTagItem("pingone.safe_retry.found"), Is.EqualTo(true));
            Assert.That(activity.GetTagItem("pingone.safe_retry.devices_read"), Is.EqualTo(2));
            Assert.That(activity.GetTagItem("pingone.attempts"), Is.EqualTo(2));
            Assert.That(activity.GetTagItem("error.type"), Is.Null);
            Assert.That(activity.GetTagItem("pingone.device_may_have_been_created"), Is.Null);
            Assert.That(activity.Events.Single().Tags.First(t => t.Key == "pingone.retry.reason").Value, Is.EqualTo("Unavailable"));
            Assert.That(activity.Events.Single().Tags.First(t => t.Key == "pingone.retry.retry_after").Value, Is.EqualTo(false));
        });
        // The look-up is part of the create: no activity of its own.
        Assert.That(telemetry.Activities, Has.Count.EqualTo(1));
        Assert.That(telemetry.Of("pingone.client.devices.created").Single().Value, Is.EqualTo(1));
        Assert.That(telemetry.Of("pingone.client.retries").Single().Tag("pingone.retry.reason"), Is.EqualTo("Unavailable"));
    }

    [Test]
    public async Task SafeRetryLookUp_FindingNothing_SaysSo_AndTheCreateIsSentAgain()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var time = new AutoAdvancingClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(503, Unexpected));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList());
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(201, Seed.ResponseJson));
        var client = mock.CreateClient(new PingOneMfaClientOptions { TimeProvider = time, Retry = { SafeRetry = true } });

        await FakeClock.RunAsync(time, () => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        var activity = telemetry.Single("PingOne create-voice-device");
        Assert.That(activity.GetTagItem("pingone.safe_retry.looked_up"), Is.EqualTo(true));
        Assert.That(activity.GetTagItem("pingone.safe_retry.found"), Is.EqualTo(false));
        Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(201));
    }

    [Test]
    public void Create_ServerErrorWithoutSafeRetry_FailedActivity_SaysTheDeviceMayHaveBeenCreated()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(500, Unexpected));
        var client = mock.CreateClient();

        Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        var activity = telemetry.Single("PingOne create-voice-device");
        Assert.Multiple(() =>
        {
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.StatusDescription, Is.EqualTo("Unavailable"));
            Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("Unavailable"));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(500));
            Assert.That(activity.GetTagItem("pingone.device_may_have_been_created"), Is.EqualTo(true));
            Assert.That(activity.GetTagItem("pingone.attempts"), Is.EqualTo(1));
        });
        var duration = telemetry.Of("pingone.client.operation.duration").Single();
        Assert.That(duration.Has(("pingone.outcome", "failure"), ("error.type", "Unavailable")), Is.True);
        Assert.That(telemetry.Of("pingone.client.devices.created"), Is.Empty);
    }

    [Test]
    public void TokenFailure_FailsTheOperationsActivity_AndCountsTheTokenRequest()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.NorthAmerica))
            .Respond(HttpStatusCode.Unauthorized, "application/json", """{"error":"invalid_client","error_description":"Unsupported authentication method"}""");
        var client = mock.CreateClient(TokenEndpoint.Options());

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(error!.Status, Is.EqualTo(401));
        var activity = telemetry.Single("PingOne create-voice-device");
        Assert.Multiple(() =>
        {
            Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("Refused"));
            Assert.That(activity.GetTagItem("pingone.token_endpoint"), Is.EqualTo(true));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(401));
            Assert.That(activity.GetTagItem("pingone.device_may_have_been_created"), Is.Null, "nothing reached the API");
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
        });
        var token = telemetry.Of("pingone.client.token.requests").Single();
        Assert.That(token.Has(("pingone.outcome", "failure"), ("error.type", "Refused")), Is.True);
        Assert.That(telemetry.Of("pingone.client.operation.duration").Single().Has(("pingone.outcome", "failure"), ("error.type", "Refused")), Is.True);
    }

    [Test]
    public async Task TokenRequest_Succeeding_IsCountedOnce_ForTwoCalls()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.NorthAmerica)).Respond(() => Task.FromResult(TokenEndpoint.Token("access-token-value-1")));
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(201, Seed.ResponseJson));
        var client = mock.CreateClient(TokenEndpoint.Options());

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());
        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        Assert.That(telemetry.Of("pingone.client.token.requests").Single().Has(("pingone.outcome", "success")), Is.True);
        Assert.That(telemetry.Of("pingone.client.devices.created").Sum(m => m.Value), Is.EqualTo(2));
        Assert.That(telemetry.Activities, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ListOfTwoPages_IsOneActivity_WithAnAttemptPerPage()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var second = DevicesUrl + "?cursor=2";
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json",
            "{\"_links\":{\"next\":{\"href\":\"" + second + "\"}},\"_embedded\":{\"devices\":[" + RetryMockTests.Device("d1", "VOICE", "+15125551111", null, null) + "]}}");
        mock.Expect(HttpMethod.Get, second).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList(RetryMockTests.Device("d2", "VOICE", "+15125551112", null, null)));
        var client = mock.CreateClient();

        var devices = await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(devices, Has.Count.EqualTo(2));
        var activity = telemetry.Single("PingOne list-devices");
        Assert.That(telemetry.Activities, Has.Count.EqualTo(1));
        Assert.That(activity.GetTagItem("pingone.attempts"), Is.EqualTo(2));
        Assert.That(telemetry.Of("pingone.client.operation.duration").Single().Has(("pingone.operation", "list-devices"), ("pingone.outcome", "success")), Is.True);
    }

    [Test]
    public void CallerCancellation_EndsTheActivityAsCancelled()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        using var cancellation = new CancellationTokenSource();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() =>
        {
            cancellation.Cancel();
            cancellation.Token.ThrowIfCancellationRequested();
            return RetryMockTests.Answer(201, Seed.ResponseJson);
        });
        var client = mock.CreateClient();

        Assert.That(async () => await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request(), cancellation.Token), Throws.InstanceOf<OperationCanceledException>());

        var activity = telemetry.Single("PingOne create-voice-device");
        Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(activity.GetTagItem("error.type"), Is.EqualTo(typeof(TaskCanceledException).FullName).Or.EqualTo(typeof(OperationCanceledException).FullName));
        Assert.That(telemetry.Of("pingone.client.operation.duration").Single().Tag("pingone.outcome"), Is.EqualTo("cancelled"));
    }
}
