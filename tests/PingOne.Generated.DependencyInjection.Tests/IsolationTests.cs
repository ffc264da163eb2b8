using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions.Authentication;

namespace PingOne.Generated.DependencyInjection.Tests;

/// <summary>The PingOne client keeps its token provider, handlers and settings to itself.</summary>
public class IsolationTests
{
    [Test]
    public Task AppsAccessTokenProvider_RegisteredBeforeThePingOneClient_StaysTheAppsAndPingOneUsesItsOwnToken() =>
        AppsProviderAndPingOnesToken(registerAppsProviderFirst: true);

    [Test]
    public Task AppsAccessTokenProvider_RegisteredAfterThePingOneClient_StaysTheAppsAndPingOneUsesItsOwnToken() =>
        AppsProviderAndPingOnesToken(registerAppsProviderFirst: false);

    [Test]
    public void Registration_AddsNothingForTheWholeApplication()
    {
        var baseline = new ServiceCollection();
        baseline.AddHttpClient();
        var collection = new ServiceCollection();

        collection.AddPingOneMfaClient(Settings.Root());

        Assert.That(collection.Where(service => service.ServiceType == typeof(IAccessTokenProvider)), Is.Empty);
        Assert.That(collection.Where(service => service.ServiceType == typeof(TimeProvider)), Is.Empty);
        Assert.That(collection.Where(service => service.ServiceType == typeof(IHttpMessageHandlerBuilderFilter)).Select(Implementation),
            Is.EquivalentTo(baseline.Where(service => service.ServiceType == typeof(IHttpMessageHandlerBuilderFilter)).Select(Implementation)),
            "no handler filter beyond IHttpClientFactory's own");
        var added = collection.Select(service => service.ServiceType).Except(baseline.Select(service => service.ServiceType)).Distinct();
        Assert.That(added.Where(type => !IsPingOnesOwn(type)), Is.Empty, "every other service is the client, its options or their start-up validation");
    }

    [Test]
    public async Task SharedOptions_AreNotWrittenToByTheRegistration()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, Wire.DevicesUrl(PingOneRegion.Europe)).Respond("application/json", Wire.NoDevicesJson);
        using var services = Settings.Build(mock, Settings.Root(("AccessToken", "held-token"), ("ClientId", null), ("ClientSecret", null)),
            services: collection => collection.AddSingleton<TimeProvider>(new FakeTimeProvider()));

        await services.GetRequiredService<PingOneMfaClient>().ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        var shared = services.GetRequiredService<IOptions<PingOneMfaClientOptions>>().Value;
        Assert.That(mock.Sent, Has.Count.EqualTo(1), "the client did send through the container's handler, clock and loggers");
        Assert.That(shared.Transport, Is.Null);
        Assert.That(shared.TimeProvider, Is.Null);
        Assert.That(shared.LoggerFactory, Is.Null);
        Assert.That(services.GetRequiredService<IOptionsMonitor<PingOneMfaClientOptions>>().CurrentValue.Transport, Is.Null);
    }

    [Test]
    public void Client_IsOneInstanceForTheWholeApplication()
    {
        var collection = new ServiceCollection();
        collection.AddPingOneMfaClient(Settings.Root());
        using var services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();

        Assert.That(collection.Single(service => service.ServiceType == typeof(PingOneMfaClient)).Lifetime, Is.EqualTo(ServiceLifetime.Singleton));
        Assert.That(scope.ServiceProvider.GetRequiredService<PingOneMfaClient>(), Is.SameAs(services.GetRequiredService<PingOneMfaClient>()));
    }

    [Test]
    public void OptionsCopy_CarriesEverySetting()
    {
        using var transport = new PingOneMock();
        using var loggers = new LoggerFactory();
        var source = new PingOneMfaClientOptions
        {
            Region = PingOneRegion.Singapore,
            ApiBaseAddress = new Uri("https://api.example.com/v1/"),
            AuthBaseAddress = new Uri("https://auth.example.com/"),
            EnvironmentId = "environment",
            ClientId = "client",
            ClientSecret = "secret",
            AccessToken = "token",
            TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretPost,
            AllowHttpOnLoopback = true,
            PhoneNormalization = new PhoneNormalizationOptions { DefaultRegion = "GB", Validation = PhoneValidation.Possible },
            Retry = new PingOneRetryOptions { MaxAttempts = 7, SafeRetry = true },
            Transport = transport.Handler,
            TimeProvider = new FakeTimeProvider(),
            LoggerFactory = loggers,
        };
        var defaults = new PingOneMfaClientOptions();

        var copy = PingOneMfaClientOptionsCopy.Of(source);

        Assert.That(copy, Is.Not.SameAs(source));
        Assert.Multiple(() =>
        {
            foreach (var property in typeof(PingOneMfaClientOptions).GetProperties().Where(property => property.CanWrite))
            {
                Assert.That(property.GetValue(source), Is.Not.EqualTo(property.GetValue(defaults)), $"set {property.Name} in this test");
                Assert.That(property.GetValue(copy), Is.EqualTo(property.GetValue(source)), $"{property.Name} is not copied");
            }
        });
    }

    private static async Task AppsProviderAndPingOnesToken(bool registerAppsProviderFirst)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, Wire.TokenUrl(PingOneRegion.Europe)).Respond(() => Task.FromResult(Wire.Token("pingone-token")));
        mock.Expect(HttpMethod.Get, Wire.DevicesUrl(PingOneRegion.Europe)).Respond("application/json", Wire.NoDevicesJson);
        var graph = new GraphTokenProvider();
        var collection = new ServiceCollection();
        if (registerAppsProviderFirst) collection.AddSingleton<IAccessTokenProvider>(graph);
        collection.AddPingOneMfaClient(Settings.Root()).ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        if (!registerAppsProviderFirst) collection.AddSingleton<IAccessTokenProvider>(graph);
        using var services = collection.BuildServiceProvider();

        await services.GetRequiredService<PingOneMfaClient>().ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(services.GetRequiredService<IAccessTokenProvider>(), Is.SameAs(graph));
        Assert.That(services.GetServices<IAccessTokenProvider>(), Is.EqualTo(new[] { graph }));
        Assert.That(mock.Sent.Select(request => $"{request.Method} {request.Uri.AbsoluteUri} {request.Authorization}"), Is.EqualTo(new[]
        {
            $"POST https://auth.pingone.eu/{Wire.EnvironmentId}/as/token {Wire.BasicCredentials}",
            $"GET https://api.pingone.eu/v1/environments/{Wire.EnvironmentId}/users/{Wire.UserId}/devices Bearer pingone-token",
        }));
        Assert.That(graph.Calls, Is.Zero, "the application's provider is not asked for PingOne's token");
    }

    private static Type? Implementation(ServiceDescriptor service) => service.ImplementationType ?? service.ImplementationInstance?.GetType();

    private static bool IsPingOnesOwn(Type type) =>
        type == typeof(PingOneMfaClient) ||
        type == typeof(IStartupValidator) ||
        (type.IsGenericType && type.GetGenericArguments().Any(argument => argument == typeof(PingOneMfaClientOptions) || argument == typeof(HttpClientFactoryOptions) || argument.Name == "StartupValidatorOptions"));

    // Another API's token provider, as an application using a Kiota client for Microsoft Graph registers it.
    private sealed class GraphTokenProvider : IAccessTokenProvider
    {
        public int Calls { get; private set; }

        public AllowedHostsValidator AllowedHostsValidator { get; } = new(new[] { "graph.microsoft.com" });

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult("graph-token");
        }
    }
}
