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

    [TestCase("https://api.pingone.com/v1/")]
    [TestCase("https://attacker.example/v1/")]
    [TestCase("http://api.pingone.eu/v1/")]
    public void RequestToAnotherHostOrOverHttp_FailsClosed(string apiBase)
    {
        using var mock = new PingOneMock();
        var provider = new StaticAccessTokenProvider("static-token", PingOneRegion.Europe.ApiBaseAddress);
        using var http = new HttpClient(new PingOneAuthenticationHandler(provider) { InnerHandler = mock.Handler });
        var client = new PingOneMfaClient(http, new PingOneMfaClientOptions { ApiBaseAddress = new Uri(apiBase) });

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(error!.Message, Does.StartWith("Refusing to send a PingOne token"));
        Assert.That(error.Message, Does.Not.Contain("static-token"));
        Assert.That(mock.Sent, Is.Empty);
    }

    [Test]
    public async Task LoopbackHttp_GoesOutOnlyWhenEnabled()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, "http://127.0.0.1:8080/v1/" + Seed.DevicesPath()).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var loopback = new Uri("http://127.0.0.1:8080/v1/");
        var options = new PingOneMfaClientOptions { ApiBaseAddress = loopback };

        using var closed = new HttpClient(new PingOneAuthenticationHandler(new StaticAccessTokenProvider("t", loopback)) { InnerHandler = mock.Handler });
        Assert.ThrowsAsync<InvalidOperationException>(() => new PingOneMfaClient(closed, options).CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        using var open = new HttpClient(new PingOneAuthenticationHandler(new StaticAccessTokenProvider("t", loopback, allowHttpOnLoopback: true), allowHttpOnLoopback: true) { InnerHandler = mock.Handler });
        await new PingOneMfaClient(open, options).CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());
        Assert.That(mock.Sent.Single().Headers.Authorization?.ToString(), Is.EqualTo("Bearer t"));
    }

    [Test]
    public void ProviderWithNoAllowedHosts_IsRefused()
    {
        using var mock = new PingOneMock();
        using var http = new HttpClient(new PingOneAuthenticationHandler(new OpenProvider()) { InnerHandler = mock.Handler });
        var client = new PingOneMfaClient(http, new PingOneMfaClientOptions());

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(error!.Message, Does.Contain("lists no host"));
        Assert.That(mock.Sent, Is.Empty);
    }

    private static PingOneMfaClient CreateClient(PingOneMock mock, out ClientCredentialsTokenProvider provider)
    {
        var options = TokenEndpoint.Options(PingOneRegion.Europe);
        provider = new ClientCredentialsTokenProvider(mock.CreateHttpClient(), options);
        var http = new HttpClient(new PingOneAuthenticationHandler(provider) { InnerHandler = mock.Handler });
        return new PingOneMfaClient(http, options);
    }

    // Kiota's validator with an empty list allows every host; ours must not.
    private sealed class OpenProvider : Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider
    {
        public Microsoft.Kiota.Abstractions.Authentication.AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("token");
    }
}
