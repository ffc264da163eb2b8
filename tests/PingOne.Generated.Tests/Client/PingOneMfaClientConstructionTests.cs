using System.Net;
using Microsoft.Extensions.Time.Testing;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Client;

/// <summary>One options object builds the whole chain: token provider, authentication, retries, network, clock and logger.</summary>
public class PingOneMfaClientConstructionTests
{
    private static readonly string DevicesUrl = PingOneRegion.Europe.ApiBaseAddress + Seed.DevicesPath();

    [Test]
    public async Task ClientCredentials_TheFirstCallGetsATokenAndSendsIt()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("issued-1")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        using var client = new PingOneMfaClient(Options(mock));

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent.Select(r => $"{r.Method} {r.Uri}"), Is.EqualTo(new[] { "POST " + TokenEndpoint.Url(PingOneRegion.Europe), "POST " + DevicesUrl }));
        Assert.That(mock.Sent[1].Headers.Authorization?.ToString(), Is.EqualTo("Bearer issued-1"));
    }

    [Test]
    public async Task TheOptionsClock_DecidesWhenTheTokenIsRenewed()
    {
        using var mock = new PingOneMock();
        var time = new FakeTimeProvider();
        var issued = 0;
        mock.When(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("t" + ++issued, expiresIn: 600)));
        mock.When(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList());
        var options = Options(mock);
        options.TimeProvider = time;
        using var client = new PingOneMfaClient(options);

        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);
        time.Advance(TimeSpan.FromSeconds(539));
        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);
        time.Advance(TimeSpan.FromSeconds(2));
        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(issued, Is.EqualTo(2));
        Assert.That(mock.Sent.Where(r => r.Method == HttpMethod.Get).Select(r => r.Headers.Authorization?.Parameter), Is.EqualTo(new[] { "t1", "t1", "t2" }));
    }

    [Test]
    public async Task AllowHttpOnLoopback_IsSetOnce_ForTheTokenEndpointAndTheApi()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, $"http://127.0.0.1:5000/{TokenEndpoint.EnvironmentId}/as/token").Respond(() => Task.FromResult(TokenEndpoint.Token("local")));
        mock.Expect(HttpMethod.Get, "http://127.0.0.1:5000/v1/" + Seed.DevicesPath()).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList());
        var options = Options(mock);
        options.ApiBaseAddress = new Uri("http://127.0.0.1:5000/v1");
        options.AuthBaseAddress = new Uri("http://127.0.0.1:5000");
        options.AllowHttpOnLoopback = true;
        using var client = new PingOneMfaClient(options);

        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        mock.Handler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void SettingsThatCannotBeUsed_AreAllNamedBeforeAnythingIsSent()
    {
        var options = new PingOneMfaClientOptions { ClientId = "id", ApiBaseAddress = new Uri("http://api.example.com/v1/") };
        options.Retry.MaxAttempts = 0;

        var error = Assert.Throws<PingOneConfigurationException>(() => new PingOneMfaClient(options));

        Assert.That(error!.Problems, Is.EquivalentTo(new[]
        {
            "PingOne:ApiBaseAddress must use https.",
            "PingOne:EnvironmentId is required for the client-credentials grant (or set PingOne:AccessToken).",
            "PingOne:ClientSecret is required for the client-credentials grant (or set PingOne:AccessToken).",
            "PingOne:Retry:MaxAttempts must be at least 1 (it is 0).",
        }));
        Assert.That(error.Message, Does.Contain("PingOne:EnvironmentId").And.Contain("PingOne:Retry:MaxAttempts"));
    }

    [TestCase("https://api.pingone.eu@evil.example/v1/")]
    [TestCase("https://user:pass@api.pingone.eu/v1/")]
    [TestCase("https://api.pingone.eu/v1/?x=1")]
    [TestCase("https://api.pingone.eu/v1/#frag")]
    public void BaseAddressWithUserInfoQueryOrFragment_IsRefused(string address)
    {
        var error = Assert.Throws<PingOneConfigurationException>(() => new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "t", ApiBaseAddress = new Uri(address) }));

        Assert.That(error!.Message, Does.StartWith("PingOne:ApiBaseAddress must not carry user info, a query or a fragment"));
    }

    [Test]
    public async Task TheCallersTransport_IsUsedButNeverDisposed()
    {
        var transport = new DisposalTrackingHandler();
        var client = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "t", Transport = transport });

        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);
        client.Dispose();

        Assert.That(transport.Requests, Is.EqualTo(1));
        Assert.That(transport.Disposed, Is.False);
        Assert.That(async () => await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public void ChangingTheOptionsAfterConstruction_ChangesNothing()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath()).Respond(() => RetryMockTests.Answer(500, """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}"""));
        var options = new PingOneMfaClientOptions();
        var client = mock.CreateClient(options);
        options.Retry.SafeRetry = true;
        options.Retry.MaxAttempts = 10;
        options.ApiBaseAddress = new Uri("https://elsewhere.example/v1/");

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()))!;

        Assert.That(error.DeviceMayHaveBeenCreated, Is.True, "without SafeRetry, as constructed");
        Assert.That(mock.Sent.Select(r => $"{r.Method} {r.Uri.Host}"), Is.EqualTo(new[] { "POST api.pingone.com" }), "one POST, to the address it was built with");
    }

    [Test]
    public void TheDefaultTransport_RecyclesConnectionsAndFollowsNoRedirects()
    {
        using var transport = PingOneMfaClientOptions.CreateDefaultTransport();

        var sockets = (SocketsHttpHandler)transport;
        Assert.That(sockets.PooledConnectionLifetime, Is.EqualTo(TimeSpan.FromMinutes(5)), "a long-lived client still sees DNS changes");
        Assert.That(sockets.AllowAutoRedirect, Is.False, "a token never follows a redirect");
    }

    [Test]
    public async Task TheLoggerFactory_GetsTheClientsLines()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", RetryMockTests.DeviceList());
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { Region = PingOneRegion.Europe, LoggerFactory = logs });

        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(logs.Lines[0], Does.Match(@"^Debug: PingOne list-devices answered 200 in [0-9.]+ ms \(1 attempt\(s\)\)$"));
    }

    private static PingOneMfaClientOptions Options(PingOneMock mock)
    {
        var options = TokenEndpoint.Options(PingOneRegion.Europe);
        options.Transport = mock.Handler;
        return options;
    }

    private sealed class DisposalTrackingHandler : HttpMessageHandler
    {
        public int Requests;

        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(RetryMockTests.DeviceList(), System.Text.Encoding.UTF8, "application/json") });
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
