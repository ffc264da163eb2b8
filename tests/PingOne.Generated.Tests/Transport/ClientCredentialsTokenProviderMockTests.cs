using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Transport;

public class ClientCredentialsTokenProviderMockTests
{
    private static readonly Uri ApiUri = new(PingOneRegion.Europe.ApiBaseAddress, "environments/e/users/u/devices");

    [Test]
    public async Task ClientSecretBasic_PostsTheGrantWithBasicCredentials()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("token-1")));
        var provider = TokenEndpoint.Provider(mock, TokenEndpoint.Options(PingOneRegion.Europe));

        var token = await provider.GetAuthorizationTokenAsync(ApiUri);

        var sent = mock.Sent.Single();
        var expectedBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenEndpoint.ClientId + ":" + TokenEndpoint.ClientSecret));
        Assert.Multiple(() =>
        {
            Assert.That(token, Is.EqualTo("token-1"));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo($"https://auth.pingone.eu/{TokenEndpoint.EnvironmentId}/as/token"));
            Assert.That(sent.Headers.Authorization?.Scheme, Is.EqualTo("Basic"));
            Assert.That(sent.Headers.Authorization?.Parameter, Is.EqualTo(expectedBasic));
            Assert.That(sent.ContentType?.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(sent.Body, Is.EqualTo("grant_type=client_credentials"));
        });
    }

    [Test]
    public async Task ClientSecretPost_SendsTheCredentialsAsFormFields()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.NorthAmerica)).Respond(() => Task.FromResult(TokenEndpoint.Token("token-1")));
        var options = TokenEndpoint.Options();
        options.TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretPost;
        var provider = TokenEndpoint.Provider(mock, options);

        await provider.GetAuthorizationTokenAsync(new Uri(PingOneRegion.NorthAmerica.ApiBaseAddress, "x"));

        var sent = mock.Sent.Single();
        Assert.That(sent.Headers.Authorization, Is.Null);
        Assert.That(sent.Body, Is.EqualTo($"grant_type=client_credentials&client_id={TokenEndpoint.ClientId}&client_secret={TokenEndpoint.ClientSecret}"));
    }

    [Test]
    public async Task Token_IsCachedUntilShortlyBeforeItExpires()
    {
        using var mock = new PingOneMock();
        var time = new FakeTimeProvider();
        var issued = 0;
        mock.When(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("token-" + ++issued, expiresIn: 3600)));
        var provider = TokenEndpoint.Provider(mock, TokenEndpoint.Options(PingOneRegion.Europe), time);

        var first = await provider.GetAuthorizationTokenAsync(ApiUri);
        time.Advance(TimeSpan.FromSeconds(3539));
        var beforeMargin = await provider.GetAuthorizationTokenAsync(ApiUri);
        time.Advance(TimeSpan.FromSeconds(2));
        var afterMargin = await provider.GetAuthorizationTokenAsync(ApiUri);

        Assert.That(new[] { first, beforeMargin, afterMargin }, Is.EqualTo(new[] { "token-1", "token-1", "token-2" }));
        Assert.That(issued, Is.EqualTo(2));
    }

    // Nearly every request finds the token cached: it is handed the cached token's own completed task, with nothing new
    // made per request. A cancelled caller still gets the cached token (only a refresh has anything to cancel).
    [Test]
    public async Task CachedToken_IsHandedOutAsTheSameCompletedTask_UntilItIsRefreshed()
    {
        using var mock = new PingOneMock();
        var time = new FakeTimeProvider();
        var issued = 0;
        mock.When(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("token-" + ++issued, expiresIn: 3600)));
        var provider = TokenEndpoint.Provider(mock, TokenEndpoint.Options(PingOneRegion.Europe), time);
        await provider.GetAuthorizationTokenAsync(ApiUri);

        var second = provider.GetAuthorizationTokenAsync(ApiUri);
        var third = provider.GetAuthorizationTokenAsync(ApiUri, cancellationToken: new CancellationToken(canceled: true));
        time.Advance(TimeSpan.FromSeconds(3541));
        var refreshed = await provider.GetAuthorizationTokenAsync(ApiUri);
        var afterRefresh = provider.GetAuthorizationTokenAsync(ApiUri);

        Assert.That(second.Status, Is.EqualTo(TaskStatus.RanToCompletion));
        Assert.That(second.Result, Is.EqualTo("token-1"));
        Assert.That(third, Is.SameAs(second));
        Assert.That(refreshed, Is.EqualTo("token-2"));
        Assert.That(afterRefresh.Result, Is.EqualTo("token-2"));
        Assert.That(afterRefresh, Is.Not.SameAs(second));
        Assert.That(provider.GetAuthorizationTokenAsync(ApiUri), Is.SameAs(afterRefresh));
    }

    [Test]
    public async Task HundredConcurrentCallers_MakeExactlyOneTokenRequest()
    {
        using var mock = new PingOneMock();
        var issued = 0;
        var entered = 0;
        var allCalling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The token answer is held until all 100 callers have asked: no clock involved, the overlap is certain.
        mock.When(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(async () =>
        {
            Interlocked.Increment(ref issued);
            await allCalling.Task;
            return TokenEndpoint.Token("shared-token");
        });
        var provider = TokenEndpoint.Provider(mock, TokenEndpoint.Options(PingOneRegion.Europe));

        var calls = Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
        {
            var call = provider.GetAuthorizationTokenAsync(ApiUri);
            if (Interlocked.Increment(ref entered) == 100) allCalling.SetResult();
            return call;
        })).ToList();
        var tokens = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(issued, Is.EqualTo(1));
        Assert.That(tokens.Distinct(), Is.EqualTo(new[] { "shared-token" }));
    }

    [Test]
    public void RefusedCredentials_GiveAClearExceptionWithoutTheSecret()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(HttpStatusCode.Unauthorized, "application/json",
            """{"error":"invalid_client","error_description":"Request denied: Invalid client credentials (Correlation ID: abc)"}""");
        var provider = TokenEndpoint.Provider(mock, TokenEndpoint.Options(PingOneRegion.Europe));

        var error = Assert.CatchAsync<PingOneException>(() => provider.GetAuthorizationTokenAsync(ApiUri));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(401));
            Assert.That(error.ErrorCode, Is.EqualTo((PingOneErrorCode?)"invalid_client"));
            Assert.That(error.Message, Does.StartWith("PingOne's token endpoint answered HTTP 401 invalid_client: Request denied: Invalid client credentials"));
            Assert.That(error.ToString(), Does.Not.Contain(TokenEndpoint.ClientSecret));
            Assert.That(error.ToString(), Does.Not.Contain(Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenEndpoint.ClientId + ":" + TokenEndpoint.ClientSecret))));
        });
    }

    [Test]
    public void TokenResponseWithoutAToken_IsAPingOneException()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(HttpStatusCode.OK, "application/json", """{"token_type":"Bearer"}""");
        var provider = TokenEndpoint.Provider(mock, TokenEndpoint.Options(PingOneRegion.Europe));

        var error = Assert.CatchAsync<PingOneException>(() => provider.GetAuthorizationTokenAsync(ApiUri));

        Assert.That(error!.Message, Does.Contain("no access_token"));
    }

    [TestCase("https://evil.example.com/v1/environments")]
    [TestCase("https://api.pingone.com/v1/environments")]
    [TestCase("http://api.pingone.eu/v1/environments")]
    public void OtherHostOrPlainHttp_FailsClosedWithoutATokenRequest(string uri)
    {
        using var mock = new PingOneMock();
        var options = TokenEndpoint.Options(PingOneRegion.Europe);
        var provider = TokenEndpoint.Provider(mock, options);
        var hosts = new HostPolicy(new[] { options.EffectiveApiBaseAddress }, allowHttpOnLoopback: false);
        // The address check happens once, in the handler, before it asks the provider for a token.
        using var http = new HttpClient(new PingOneAuthenticationHandler(provider, hosts, mock.Handler), disposeHandler: false);

        Assert.ThrowsAsync<PingOneConfigurationException>(() => http.GetAsync(uri));
        Assert.That(mock.Sent, Is.Empty, "no token request, no API request");
    }

    [Test]
    public void AllowedHosts_DefaultToTheRegionsApiHost()
    {
        using var mock = new PingOneMock();
        var provider = TokenEndpoint.Provider(mock, TokenEndpoint.Options(PingOneRegion.Australia));

        Assert.That(provider.AllowedHostsValidator.AllowedHosts, Is.EqualTo(new[] { "api.pingone.com.au" }));
        Assert.That(provider.TokenEndpoint.AbsoluteUri, Is.EqualTo($"https://auth.pingone.com.au/{TokenEndpoint.EnvironmentId}/as/token"));
    }

    [Test]
    public async Task LoopbackHttp_IsAllowedOnlyWhenEnabled()
    {
        var options = TokenEndpoint.Options();
        options.ApiBaseAddress = new Uri("http://127.0.0.1:5000/v1");
        options.AuthBaseAddress = new Uri("http://127.0.0.1:5000");
        using (var refused = new PingOneMock())
            Assert.Throws<PingOneConfigurationException>(() => TokenEndpoint.Provider(refused, options));

        options.AllowHttpOnLoopback = true;
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, $"http://127.0.0.1:5000/{TokenEndpoint.EnvironmentId}/as/token").Respond(() => Task.FromResult(TokenEndpoint.Token("local")));
        var provider = TokenEndpoint.Provider(mock, options);

        Assert.That(await provider.GetAuthorizationTokenAsync(new Uri("http://127.0.0.1:5000/v1/environments")), Is.EqualTo("local"));
    }

    [TestCase(null, "x", "y", "EnvironmentId")]
    [TestCase("e", null, "y", "ClientId")]
    [TestCase("e", "x", "", "ClientSecret")]
    public void MissingSetting_IsNamed(string? environmentId, string? clientId, string? clientSecret, string setting)
    {
        var options = new PingOneMfaClientOptions { EnvironmentId = environmentId, ClientId = clientId, ClientSecret = clientSecret };

        var error = Assert.Throws<PingOneConfigurationException>(() => new PingOneMfaClient(options));

        Assert.That(error!.Message, Does.Contain("PingOne:" + setting));
    }
}
