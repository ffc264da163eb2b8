using System.Net;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Transport;

public class PingOneAuthenticationHandlerMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.Europe.ApiBaseAddress + Seed.DevicesPath();

    [Test]
    public async Task EveryRequest_CarriesTheProvidersToken()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("token-1")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = CreateClient(mock, out _);

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent[1].Headers.Authorization?.ToString(), Is.EqualTo("Bearer token-1"));
    }

    [Test]
    public async Task Unauthorized_RefreshesTheTokenAndRetriesOnce()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("revoked")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Unauthorized, "application/json", """{"id":"e1","code":"ACCESS_FAILED","message":"The access token is invalid"}""");
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("fresh")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = CreateClient(mock, out _);

        var device = await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(device.Id, Is.EqualTo(Seed.DeviceId));
        Assert.That(mock.Sent[3].Headers.Authorization?.Parameter, Is.EqualTo("fresh"));
        Assert.That(mock.Sent[3].BodyJson.ToString(), Is.EqualTo(mock.Sent[1].BodyJson.ToString()), "the same request is re-sent");
    }

    [Test]
    public void SecondUnauthorized_SurfacesAsPingOneException()
    {
        using var mock = new PingOneMock();
        const string denied = """{"id":"e1","code":"ACCESS_FAILED","message":"The request could not be completed. You do not have access to this resource."}""";
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("t1")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Unauthorized, "application/json", denied);
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("t2")));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Unauthorized, "application/json", denied);
        var client = CreateClient(mock, out _);

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(error!.Status, Is.EqualTo(401));
        Assert.That(error.ErrorCode == PingOneErrorCode.AccessFailed, Is.True);
        Assert.That(mock.Sent, Has.Count.EqualTo(4));
    }

    [TestCase("https://api.pingone.com/v1/environments")]
    [TestCase("https://attacker.example/v1/environments")]
    [TestCase("http://api.pingone.eu/v1/environments")]
    [TestCase("https://api.pingone.eu:8443/v1/environments")]
    // Written to pass for the allowed address by whoever compares text loosely: a longer host, user info, look-alike letters
    // that ignore-case comparisons equate with ASCII ones (dotless i, long s, Kelvin sign), a trailing dot.
    [TestCase("https://api.pingone.eu.attacker.example/v1/environments")]
    [TestCase("https://api.pingone.eu@attacker.example/v1/environments")]
    [TestCase("https://api.pingone.eu:@attacker.example/v1/environments")]
    [TestCase("https://ap\u0131.pingone.eu/v1/environments")]
    [TestCase("https://api.pingone.eu\u017F/v1/environments")]
    [TestCase("https://api.pingone.eu.\u212A/v1/environments")]
    [TestCase("https://api.pingone.eu./v1/environments")]
    [TestCase("https://api.pingone.eu\\@attacker.example/v1/environments")]
    public void RequestToAnotherHostPortOrScheme_FailsClosed(string url)
    {
        using var mock = new PingOneMock();
        var hosts = new HostPolicy(new[] { PingOneRegion.Europe.ApiBaseAddress }, allowHttpOnLoopback: false);
        using var http = new HttpClient(new PingOneAuthenticationHandler(new StaticAccessTokenProvider("static-token", hosts, new KnownSecrets()), hosts, mock.Handler), disposeHandler: false);

        var error = Assert.ThrowsAsync<PingOneConfigurationException>(() => http.GetAsync(System.Text.RegularExpressions.Regex.Unescape(url)));

        Assert.That(error!.Message, Does.StartWith("Refusing to send a PingOne request"));
        Assert.That(error.Message, Does.Not.Contain("static-token"));
        Assert.That(mock.Sent, Is.Empty);
    }

    // Most requests are checked by their text (the base address they start with); one written another way that still names the
    // allowed scheme, host and port is checked by its parts and goes out.
    [TestCase("https://api.pingone.eu/v1/environments")]
    [TestCase("HTTPS://API.PINGONE.EU/v1/environments")]
    [TestCase("https://api.pingone.eu:443/v1/environments")]
    [TestCase("https://Api.PingOne.eu/v1/environments")]
    public async Task RequestToTheAllowedAddress_HoweverWritten_GoesOutWithTheToken(string url)
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Get, "https://api.pingone.eu/v1/environments").Respond(HttpStatusCode.OK);
        var hosts = new HostPolicy(new[] { PingOneRegion.Europe.ApiBaseAddress }, allowHttpOnLoopback: false);
        using var http = new HttpClient(new PingOneAuthenticationHandler(new StaticAccessTokenProvider("static-token", hosts, new KnownSecrets()), hosts, mock.Handler), disposeHandler: false);

        using var response = await http.GetAsync(url);

        Assert.That(mock.Sent.Single().Headers.Authorization?.ToString(), Is.EqualTo("Bearer static-token"));
    }

    [Test]
    public void AProviderThatAllowsEveryHost_CannotWidenWhereTokensGo()
    {
        using var mock = new PingOneMock();
        var hosts = new HostPolicy(new[] { PingOneRegion.Europe.ApiBaseAddress }, allowHttpOnLoopback: false);
        using var http = new HttpClient(new PingOneAuthenticationHandler(new OpenProvider(), hosts, mock.Handler), disposeHandler: false);

        Assert.ThrowsAsync<PingOneConfigurationException>(() => http.GetAsync("https://attacker.example/v1/"));
        Assert.That(mock.Sent, Is.Empty);
    }

    [Test]
    public async Task LoopbackHttp_GoesOutOnlyWhenEnabled()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, "http://127.0.0.1:8080/v1/" + Seed.DevicesPath()).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var loopback = new Uri("http://127.0.0.1:8080/v1/");

        var refused = Assert.Throws<PingOneConfigurationException>(() => mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = loopback }));
        Assert.That(refused!.Message, Does.Contain("PingOne:ApiBaseAddress must use https (or set PingOne:AllowHttpOnLoopback"));

        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = loopback, AllowHttpOnLoopback = true });
        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());
        Assert.That(mock.Sent.Single().Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
    }

    [TestCase("http://10.0.0.5/v1/")]
    [TestCase("http://api.pingone.eu/v1/")]
    public void HttpToAnythingButLoopback_IsRefusedEvenWhenLoopbackIsAllowed(string apiBase)
    {
        var error = Assert.Throws<PingOneConfigurationException>(() => new PingOneMfaClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(apiBase), AllowHttpOnLoopback = true, AccessToken = "t" }));

        Assert.That(error!.Message, Does.Contain("PingOne:ApiBaseAddress must use https"));
    }

    private static PingOneMfaClient CreateClient(PingOneMock mock, out PingOneMfaClientOptions options)
    {
        options = TokenEndpoint.Options(PingOneRegion.Europe);
        return mock.CreateClient(options);
    }

    // Kiota's validator with an empty list allows every host; ours decides for itself.
    private sealed class OpenProvider : Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider
    {
        public Microsoft.Kiota.Abstractions.Authentication.AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("token");
    }
}
