using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Transport;

public class DependencyInjectionTests
{
    private static readonly string EuDevicesUrl = PingOneRegion.Europe.ApiBaseAddress + Seed.DevicesPath();

    [Test]
    public async Task FromConfiguration_TheClientAuthenticatesAndCallsTheConfiguredRegion()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("di-token")));
        mock.Expect(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        using var services = Build(mock, Settings(("Region", "EU"), ("PhoneNormalization:DefaultRegion", "US"), ("PhoneNormalization:Validation", "Possible"), ("Retry:MaxAttempts", "2"), ("Retry:SafeRetry", "true")));

        var client = services.GetRequiredService<PingOneMfaClient>();
        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, CreateVoiceDeviceRequest.Create("+15125551111", Seed.PolicyId));

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent[1].Headers.Authorization?.ToString(), Is.EqualTo("Bearer di-token"));
        var options = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(options.Region, Is.SameAs(PingOneRegion.Europe));
            Assert.That(options.PhoneNormalization.DefaultRegion, Is.EqualTo("US"));
            Assert.That(options.PhoneNormalization.Validation, Is.EqualTo(PhoneValidation.Possible));
            Assert.That(options.Retry.MaxAttempts, Is.EqualTo(2));
            Assert.That(options.Retry.SafeRetry, Is.True);
        });
    }

    [Test]
    public async Task FromCode_WithAnAccessToken_UsesTheStaticProvider()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath()).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var services = new ServiceCollection();
        services.AddPingOneMfaClient(options => options.AccessToken = "held-token").ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<PingOneMfaClient>().CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        Assert.That(provider.GetRequiredService<IAccessTokenProvider>(), Is.TypeOf<StaticAccessTokenProvider>());
        Assert.That(mock.Sent.Single().Headers.Authorization?.ToString(), Is.EqualTo("Bearer held-token"));
    }

    [Test]
    public async Task AuthenticationHandler_SitsInsideHandlersTheApplicationAdds()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("t1")));
        mock.Expect(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.ServiceUnavailable);
        mock.Expect(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var retrying = new RetryOnceHandler();
        using var services = Build(mock, Settings(("Region", "Europe")), builder => builder.AddHttpMessageHandler(() => retrying));

        await services.GetRequiredService<PingOneMfaClient>().CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(retrying.SawAuthorization, Is.False, "the application's handler runs before the token is set");
        Assert.That(mock.Sent.Skip(1).Select(r => r.Headers.Authorization?.ToString()), Is.EqualTo(new[] { "Bearer t1", "Bearer t1" }), "the retry went through the authentication handler again");
    }

    [Test]
    public void StandardResilienceHandler_WithUnsafeMethodsDisabled_NeverResendsACreate()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenEndpoint.Url(PingOneRegion.Europe)).Respond(() => Task.FromResult(TokenEndpoint.Token("t1")));
        mock.When(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.InternalServerError, "application/json", """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}""");
#pragma warning disable EXTEXP0001 // DisableForUnsafeHttpMethods is marked experimental in Microsoft.Extensions.Http.Resilience 9.x
        using var services = Build(mock, Settings(("Region", "EU")), builder => builder.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods()));
#pragma warning restore EXTEXP0001

        var error = Assert.CatchAsync<PingOneException>(() => services.GetRequiredService<PingOneMfaClient>().CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()));

        Assert.That(error!.DeviceMayHaveBeenCreated, Is.True);
        Assert.That(mock.Sent.Count(r => r.Uri.AbsoluteUri == EuDevicesUrl), Is.EqualTo(1));
    }

    [Test]
    public void MissingSettings_FailValidationNamingEachSetting()
    {
        using var services = Build(new PingOneMock(), new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PingOne:Region"] = "EU" }).Build().GetSection("PingOne"));

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value);

        Assert.That(error!.Failures, Has.Some.Contains("PingOne:EnvironmentId"));
        Assert.That(error.Failures, Has.Some.Contains("PingOne:ClientId"));
        Assert.That(error.Failures, Has.Some.Contains("PingOne:ClientSecret"));
    }

    [TestCase("ApiBaseAddress", "http://api.example.com/v1", "PingOne:ApiBaseAddress must use https")]
    [TestCase("AuthBaseAddress", "http://127.0.0.1:9000", "PingOne:AllowHttpOnLoopback")]
    [TestCase("Retry:MaxAttempts", "0", "PingOne:Retry:MaxAttempts must be at least 1")]
    [TestCase("AccessToken", "both", "PingOne:AccessToken and PingOne:ClientId/ClientSecret are both set")]
    public void InvalidSetting_FailsValidationNamingIt(string key, string value, string expected)
    {
        using var services = Build(new PingOneMock(), Settings((key, value)));

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value);

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void UnknownRegion_IsRejectedNamingTheValue()
    {
        using var services = Build(new PingOneMock(), Settings(("Region", "Atlantis")));

        var error = Assert.Catch(() => _ = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value);

        Assert.That(error!.ToString(), Does.Contain("Atlantis").And.Contain("Region"));
    }

    [Test]
    public void Client_HasExactlyOnePublicConstructor()
    {
        Assert.That(typeof(PingOneMfaClient).GetConstructors(), Has.Length.EqualTo(1));
    }

    private static IConfigurationSection Settings(params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["PingOne:EnvironmentId"] = TokenEndpoint.EnvironmentId,
            ["PingOne:ClientId"] = TokenEndpoint.ClientId,
            ["PingOne:ClientSecret"] = TokenEndpoint.ClientSecret,
        };
        foreach (var (key, value) in overrides) values["PingOne:" + key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("PingOne");
    }

    private static ServiceProvider Build(PingOneMock mock, IConfigurationSection section, Action<IHttpClientBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddPingOneMfaClient(section).ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        configure?.Invoke(builder);
        services.AddHttpClient(PingOneServiceCollectionExtensions.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        return services.BuildServiceProvider();
    }

    // Stands in for a resilience handler: re-sends once after a 5xx. It strips the token before the retry,
    // so the retry only carries one if the authentication handler sits inside it.
    private sealed class RetryOnceHandler : DelegatingHandler
    {
        public bool SawAuthorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SawAuthorization = request.Headers.Authorization is not null;
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500) return response;
            response.Dispose();
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
