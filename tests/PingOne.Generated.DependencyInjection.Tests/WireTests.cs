using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace PingOne.Generated.DependencyInjection.Tests;

/// <summary>What a client registered with dependency injection puts on the wire.</summary>
public class WireTests
{
    private static readonly string EuTokenUrl = Wire.TokenUrl(PingOneRegion.Europe);
    private static readonly string EuDevicesUrl = Wire.DevicesUrl(PingOneRegion.Europe);

    [Test]
    public async Task FromConfiguration_TheClientGetsItsTokenThenCallsTheConfiguredRegion()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, EuTokenUrl).Respond(() => Task.FromResult(Wire.Token("di-token")));
        mock.Expect(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.Created, "application/json", Wire.DeviceJson);
        using var services = Settings.Build(mock, Settings.Root().GetSection("PingOne"));

        var device = await services.GetRequiredService<PingOneMfaClient>().CreateVoiceDeviceAsync(Wire.EnvironmentId, Wire.UserId, Wire.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent.Select(request => $"{request.Method} {request.Uri.AbsoluteUri} {request.Authorization}"), Is.EqualTo(new[]
        {
            $"POST https://auth.pingone.eu/{Wire.EnvironmentId}/as/token {Wire.BasicCredentials}",
            $"POST https://api.pingone.eu/v1/environments/{Wire.EnvironmentId}/users/{Wire.UserId}/devices Bearer di-token",
        }));
        Assert.That(mock.Sent[0].Body, Is.EqualTo("grant_type=client_credentials"));
        Assert.That(mock.Sent[1].Body, Does.Contain("\"phone\":\"+15125551111\""));
        Assert.That(device.Id, Is.EqualTo("35798a33-0ed0-442b-902d-b273218dff7b"));
    }

    [Test]
    public async Task FromCode_WithAnAccessToken_SendsItAndNeverCallsTheTokenEndpoint()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, Wire.DevicesUrl(PingOneRegion.NorthAmerica)).Respond("application/json", Wire.NoDevicesJson);
        var collection = new ServiceCollection();
        collection.AddPingOneMfaClient(options => options.AccessToken = "held-token").ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        using var services = collection.BuildServiceProvider();

        var devices = await services.GetRequiredService<PingOneMfaClient>().ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        Assert.That(devices, Is.Empty);
        Assert.That(mock.Sent.Select(request => $"{request.Method} {request.Uri.AbsoluteUri} {request.Authorization}"), Is.EqualTo(new[]
        {
            $"GET https://api.pingone.com/v1/environments/{Wire.EnvironmentId}/users/{Wire.UserId}/devices Bearer held-token",
        }));
    }

    [Test]
    public async Task HandlersAddedOnTheBuilder_SitBetweenTheClientsAuthenticationAndTheNetwork()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, EuTokenUrl).Respond(() => Task.FromResult(Wire.Token("t1")));
        mock.Expect(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.Created, "application/json", Wire.DeviceJson);
        var appHandler = new StampingHandler();
        using var services = Settings.Build(mock, Settings.Root(), builder => builder.AddHttpMessageHandler(() => appHandler));

        await services.GetRequiredService<PingOneMfaClient>().CreateVoiceDeviceAsync(Wire.EnvironmentId, Wire.UserId, Wire.Request());

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(appHandler.SawAuthorization, Is.EqualTo(new[] { Wire.BasicCredentials, "Bearer t1" }), "the application's handler runs after the client set its credentials");
        Assert.That(mock.Sent.Select(request => request.Headers.TryGetValues("X-App-Handler", out var values) ? values.Single() : null), Is.EqualTo(new[] { "stamped", "stamped" }), "and before the network");
    }

    [Test]
    public void StandardResilienceHandler_WithUnsafeMethodsDisabled_SendsACreateAnswered500ExactlyOnce()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, EuTokenUrl).Respond(() => Task.FromResult(Wire.Token("t1")));
        mock.When(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.InternalServerError, "application/json", """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}""");
        // The client's own retries stay at their defaults: without SafeRetry it does not re-send a create after a 500 either.
#pragma warning disable EXTEXP0001 // DisableForUnsafeHttpMethods is marked experimental in Microsoft.Extensions.Http.Resilience 9.x
        using var services = Settings.Build(mock, Settings.Root(("Retry:MaxAttempts", null)), builder => builder.AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods()));
#pragma warning restore EXTEXP0001

        var error = Assert.CatchAsync<PingOneException>(() => services.GetRequiredService<PingOneMfaClient>().CreateVoiceDeviceAsync(Wire.EnvironmentId, Wire.UserId, Wire.Request()));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.Unavailable));
        Assert.That(error.Status, Is.EqualTo(500));
        Assert.That(error.DeviceMayHaveBeenCreated, Is.True);
        Assert.That(mock.Sent.Count(request => request.Method == HttpMethod.Post && request.Uri.AbsoluteUri == EuDevicesUrl), Is.EqualTo(1));
    }

    [Test]
    public void StandardResilienceHandler_WithItsRetryOff_AddsNoSecondRetryLayer()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, EuTokenUrl).Respond(() => Task.FromResult(Wire.Token("t1")));
        mock.When(HttpMethod.Get, EuDevicesUrl).Respond(HttpStatusCode.InternalServerError, "application/json", """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}""");
        // The README's recipe: the standard handler's timeouts and circuit breaker, the client's retries only (no waits here: BaseDelay 0).
        using var services = Settings.Build(mock, Settings.Root(("Retry:MaxAttempts", null), ("Retry:BaseDelay", "00:00:00")),
            builder => builder.AddStandardResilienceHandler(o => o.Retry.ShouldHandle = _ => ValueTask.FromResult(false)));

        var error = Assert.CatchAsync<PingOneException>(() => services.GetRequiredService<PingOneMfaClient>().ListDevicesAsync(Wire.EnvironmentId, Wire.UserId));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.Unavailable));
        Assert.That(mock.Sent.Count(request => request.Method == HttpMethod.Get), Is.EqualTo(new PingOneRetryOptions().MaxAttempts), "the client's 4 attempts, not 4 x 4");
    }

    [Test]
    public async Task TimeProviderInTheContainer_IsTheClientsClock()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, EuTokenUrl).Respond(() => Task.FromResult(Wire.Token("t1", expiresIn: 3600)));
        mock.Expect(HttpMethod.Get, EuDevicesUrl).Respond("application/json", Wire.NoDevicesJson);
        mock.Expect(HttpMethod.Post, EuTokenUrl).Respond(() => Task.FromResult(Wire.Token("t2", expiresIn: 3600)));
        mock.Expect(HttpMethod.Get, EuDevicesUrl).Respond("application/json", Wire.NoDevicesJson);
        var clock = new FakeTimeProvider();
        using var services = Settings.Build(mock, Settings.Root(), services: collection => collection.AddSingleton<TimeProvider>(clock));
        var client = services.GetRequiredService<PingOneMfaClient>();

        await client.ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);
        clock.Advance(TimeSpan.FromHours(1));
        await client.ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(mock.Sent.Select(request => request.Authorization), Is.EqualTo(new[] { Wire.BasicCredentials, "Bearer t1", Wire.BasicCredentials, "Bearer t2" }),
            "the token expired on the container's clock, not the system's");
    }

    [Test]
    public async Task LoggerFactoryInTheContainer_GetsTheClientsLinesAndNoSecret()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, EuTokenUrl).Respond(() => Task.FromResult(Wire.Token("di-token")));
        mock.Expect(HttpMethod.Post, EuDevicesUrl).Respond(HttpStatusCode.Created, "application/json", Wire.DeviceJson);
        var logs = new CapturedLogs();
        using var services = Settings.Build(mock, Settings.Root(), services: collection => collection.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        await services.GetRequiredService<PingOneMfaClient>().CreateVoiceDeviceAsync(Wire.EnvironmentId, Wire.UserId, Wire.Request());

        Assert.That(logs.Lines, Has.Some.StartsWith(typeof(PingOneMfaClient).FullName + ": "), "the client logs through the container's loggers");
        var secrets = new[] { Wire.ClientSecret, Wire.BasicCredentials.Substring("Basic ".Length), "di-token", "5125551111" };
        Assert.That(logs.Lines.Where(line => secrets.Any(line.Contains)), Is.Empty);
    }

    [Test]
    public async Task TransportSetInCode_IsUsedAsGiven()
    {
        using var network = new PingOneMock();
        using var factoryPrimary = new PingOneMock();
        network.Expect(HttpMethod.Get, Wire.DevicesUrl(PingOneRegion.NorthAmerica)).Respond("application/json", Wire.NoDevicesJson);
        var collection = new ServiceCollection();
        collection.AddPingOneMfaClient(options =>
        {
            options.AccessToken = "held-token";
            options.Transport = network.Handler;
        }).ConfigurePrimaryHttpMessageHandler(() => factoryPrimary.Handler);
        using var services = collection.BuildServiceProvider();

        await services.GetRequiredService<PingOneMfaClient>().ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        Assert.That(network.Sent, Has.Count.EqualTo(1));
        Assert.That(factoryPrimary.Sent, Is.Empty);
    }

    // An application's handler: records the credentials each request carries and stamps it, so the test
    // sees both that the client authenticated first and that the request then reached the network through it.
    private sealed class StampingHandler : DelegatingHandler
    {
        public List<string?> SawAuthorization { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SawAuthorization.Add(request.Headers.Authorization?.ToString());
            request.Headers.Add("X-App-Handler", "stamped");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public List<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (logs.Lines) logs.Lines.Add($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
