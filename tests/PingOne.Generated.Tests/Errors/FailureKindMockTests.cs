using System.Net;
using System.Net.Sockets;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Errors;

/// <summary>Whatever goes wrong between the client and PingOne reaches the caller as one PingOneException with a documented kind.</summary>
public class FailureKindMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private const string Body = """{"id":"e1","code":"SOME_CODE","message":"No"}""";

    [TestCase(400, PingOneFailureKind.Refused)]
    [TestCase(403, PingOneFailureKind.Refused)]
    [TestCase(404, PingOneFailureKind.Refused)]
    [TestCase(409, PingOneFailureKind.Refused)]
    [TestCase(408, PingOneFailureKind.TimedOut)]
    [TestCase(429, PingOneFailureKind.RateLimited)]
    [TestCase(500, PingOneFailureKind.Unavailable)]
    [TestCase(503, PingOneFailureKind.Unavailable)]
    public void AnErrorStatus_HasItsKind_ForACreateAndARead(int status, PingOneFailureKind kind)
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(status, Body));
        mock.When(HttpMethod.Get, DevicesUrl).Respond(() => RetryMockTests.Answer(status, Body));
        var client = OneAttempt(mock);

        var create = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;
        var list = Assert.CatchAsync<PingOneException>(() => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId))!;

        Assert.Multiple(() =>
        {
            Assert.That(create, Is.InstanceOf<PingOneException>());
            Assert.That((create.Kind, create.Status), Is.EqualTo((kind, status)));
            Assert.That((list.Kind, list.Status), Is.EqualTo((kind, status)));
            Assert.That(create.DeviceMayHaveBeenCreated, Is.EqualTo(kind is PingOneFailureKind.Unavailable or PingOneFailureKind.TimedOut));
            Assert.That(list.DeviceMayHaveBeenCreated, Is.False);
        });
    }

    [Test]
    public void ConnectionRefused_IsUnreachable_AndNothingWasCreated()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, DevicesUrl).Throw(new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        var client = OneAttempt(mock);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;

        Assert.That((error.Kind, error.Status, error.DeviceMayHaveBeenCreated), Is.EqualTo((PingOneFailureKind.Unreachable, 0, false)));
        Assert.That(error.InnerException, Is.TypeOf<HttpRequestException>());
        Assert.That(error.Message, Does.StartWith("PingOne could not be reached"));
    }

    [Test]
    public void ConnectionRefused_MessageSaysWhichHostAndPort_InTheNetworksWords_WithoutATypeName()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, DevicesUrl).Throw(new HttpRequestException("Connection refused (10.20.30.40:50123)", new SocketException((int)SocketError.ConnectionRefused)));
        var client = OneAttempt(mock);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;

        Assert.That(error.Message, Is.EqualTo("PingOne could not be reached: Connection refused (10.20.30.40:50123)."));
    }

    [Test]
    public void ConnectionLostAfterSending_IsOutcomeUnknown()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, DevicesUrl).Throw(new HttpRequestException("The response ended prematurely.", new IOException("reset")));
        var client = OneAttempt(mock);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;

        Assert.That((error.Kind, error.DeviceMayHaveBeenCreated), Is.EqualTo((PingOneFailureKind.OutcomeUnknown, true)));
    }

    [Test]
    public void HttpClientTimeout_IsTimedOut_NotATaskCanceledException()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Get, DevicesUrl).Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()));
        var client = OneAttempt(mock);

        var error = Assert.CatchAsync<PingOneException>(() => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId))!;

        Assert.That((error.Kind, error.Status), Is.EqualTo((PingOneFailureKind.TimedOut, 0)));
        Assert.That(error.InnerException, Is.TypeOf<TaskCanceledException>());
    }

    [Test]
    public void AnUnreadableSuccess_IsInvalidResponse()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Get, DevicesUrl + "/" + Seed.DeviceId).Respond(HttpStatusCode.OK, "application/json", "{not json");
        var client = OneAttempt(mock);

        var error = Assert.CatchAsync<PingOneException>(() => client.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId))!;

        Assert.That((error.Kind, error.Status), Is.EqualTo((PingOneFailureKind.InvalidResponse, 200)));
    }

    [Test]
    public void RefusedCredentials_AreRefused_AndNeverSayADeviceMayExist()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.NorthAmerica)).Respond(HttpStatusCode.Unauthorized, "application/json", """{"error":"invalid_client","error_description":"Bad credentials"}""");
        var options = TokenEndpoint.Options();
        options.Retry.SafeRetry = true;
        var client = mock.CreateClient(options);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;

        Assert.That((error.Kind, error.Status, error.DeviceMayHaveBeenCreated), Is.EqualTo((PingOneFailureKind.Refused, 401, false)));
        Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[] { TokenEndpoint.Url(PingOneRegion.NorthAmerica) }), "one token request, no device request");
    }

    [Test]
    public void ATokenEndpointThatDropsTheConnection_NeverSaysADeviceMayExist()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.NorthAmerica)).Throw(new HttpRequestException("The response ended prematurely.", new IOException("reset")));
        var options = TokenEndpoint.Options();
        options.Retry.MaxAttempts = 2;
        options.Retry.BaseDelay = TimeSpan.Zero;
        var client = mock.CreateClient(options);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;

        Assert.That((error.Kind, error.DeviceMayHaveBeenCreated), Is.EqualTo((PingOneFailureKind.OutcomeUnknown, false)));
        Assert.That(error.Message, Does.StartWith("PingOne's token endpoint did not answer"));
        Assert.That(mock.Sent.All(r => r.Uri.AbsoluteUri == TokenEndpoint.Url(PingOneRegion.NorthAmerica)), Is.True, "no device request was ever sent");
        Assert.That(mock.Sent, Has.Count.EqualTo(2), "nothing reached the API, so the create may be tried again");
    }

    [Test]
    public void ARefusedHost_IsTheConfigurationException_NotAPingOneException()
    {
        var error = Assert.Catch(() => new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "t", ApiBaseAddress = new Uri("http://api.example.com/v1/") }));

        Assert.That(error, Is.TypeOf<PingOneConfigurationException>().And.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public async Task ListServerErrorsEveryTime_StopAtMaxAttempts_OneRetryLayerOnly()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Get, DevicesUrl).Respond(() => RetryMockTests.Answer(500, Body));
        var time = new AutoAdvancingClock();
        var client = mock.CreateClient(new PingOneMfaClientOptions { TimeProvider = time });

        var error = await FakeClock.RunAsync(time, async () => (Exception?)Assert.CatchAsync<PingOneException>(() => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId)));

        Assert.That(((PingOneException)error!).Kind, Is.EqualTo(PingOneFailureKind.Unavailable));
        Assert.That(mock.Sent, Has.Count.EqualTo(new PingOneRetryOptions().MaxAttempts), "4 attempts in all, not 4 x 4");
    }

    private static PingOneMfaClient OneAttempt(PingOneMock mock) => mock.CreateClient(new PingOneMfaClientOptions { Retry = { MaxAttempts = 1 } });
}
