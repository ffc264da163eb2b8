using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated.LeakChecks;

/// <summary>
/// Safety promise: the PingOne clients' Authorization headers (the Basic client credentials on the token
/// request, the bearer tokens on API requests) are redacted at every log level, in the messages and in the
/// structured state a sink stores. Run on the lowest supported packages (this project, Microsoft.Extensions.Http 8.x,
/// whose factory writes header values at Trace unless told not to) and, linked, on 9.x (PingOne.Generated.DependencyInjection.Tests).
/// </summary>
public class LoggedHeadersTests
{
    private const string HttpClientCategory = "System.Net.Http.HttpClient." + PingOneServiceCollectionExtensions.HttpClientName;

    private static readonly string TokenUrl = Wire.TokenUrl(PingOneRegion.Europe);
    private static readonly string DevicesUrl = Wire.DevicesUrl(PingOneRegion.Europe);

    [TestCase(TokenEndpointAuthMethod.ClientSecretBasic)]
    [TestCase(TokenEndpointAuthMethod.ClientSecretPost)]
    public async Task AFullRunLoggedAtTrace_HasNoTokenNoSecretNoBasicCredentials(TokenEndpointAuthMethod authMethod)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(Wire.Token(Wire.FirstToken)));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Wire.DeviceJson);
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond("application/json", Wire.NoDevicesJson);
        // The token is refused: the client drops it, gets a fresh one and sends the request once more.
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.Unauthorized, "application/json", Wire.AccessFailedJson);
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(Wire.Token(Wire.FreshToken)));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond("application/json", Wire.NoDevicesJson);
        var logs = new CapturedLogs();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PingOne:Region"] = "EU",
            ["PingOne:EnvironmentId"] = Wire.EnvironmentId,
            ["PingOne:ClientId"] = Wire.ClientId,
            ["PingOne:ClientSecret"] = Wire.ClientSecret,
            ["PingOne:TokenEndpointAuthMethod"] = authMethod.ToString(),
            ["PingOne:Retry:MaxAttempts"] = "1",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddPingOneMfaClient(configuration).ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        using var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var client = services.GetRequiredService<PingOneMfaClient>();

        var device = await client.CreateVoiceDeviceAsync(Wire.EnvironmentId, Wire.UserId, Wire.Request());
        await client.ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);
        await client.ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        // The run happened as planned: both token requests, the refused token and its replacement.
        mock.Handler.VerifyNoOutstandingExpectation();
        var basic = authMethod == TokenEndpointAuthMethod.ClientSecretBasic ? " Basic " + Wire.BasicCredentials : " ";
        Assert.That(mock.Sent, Is.EqualTo(new[]
        {
            $"POST {TokenUrl}{basic}",
            $"POST {DevicesUrl} Bearer {Wire.FirstToken}",
            $"GET {DevicesUrl} Bearer {Wire.FirstToken}",
            $"GET {DevicesUrl} Bearer {Wire.FirstToken}",
            $"POST {TokenUrl}{basic}",
            $"GET {DevicesUrl} Bearer {Wire.FreshToken}",
        }));
        Assert.That(device.Id, Is.EqualTo("35798a33-0ed0-442b-902d-b273218dff7b"));

        var entries = logs.Entries;
        var authorizedRequests = authMethod == TokenEndpointAuthMethod.ClientSecretBasic ? 6 : 4;
        Assert.Multiple(() =>
        {
            // Nothing anywhere (messages, structured values, scopes, exceptions) shows a credential...
            var leaks = entries.Where(entry => Wire.Secrets.Any(entry.Text.Contains)).Select(entry => entry.Text);
            Assert.That(leaks, Is.Empty, "log entries showing a token, the client secret or the Basic credentials");

            // ...though logging was on at Trace: the factory's request lines and header lists were written, for the
            // token endpoint and the API, in their request scopes; the Authorization header was listed, its value hidden.
            Assert.That(entries.Where(entry => entry.Kind == "log" && entry.Level == LogLevel.Trace && entry.Category.StartsWith(HttpClientCategory, StringComparison.Ordinal)
                    && entry.Message.StartsWith("Request Headers:", StringComparison.Ordinal)).Select(entry => entry.Message),
                Has.Exactly(authorizedRequests * 2).Contains("Authorization: *"), "each request with credentials, listed by the logical and the client handler");
            Assert.That(entries.Where(entry => entry.Kind == "scope").Select(entry => entry.Message), Has.Some.EqualTo($"HTTP POST {TokenUrl}"));
            Assert.That(entries.Where(entry => entry.Message == $"Sending HTTP request POST {TokenUrl}").Select(entry => entry.Scopes),
                Has.Exactly(2).EqualTo(new[] { $"HTTP POST {TokenUrl}" }), "each token request logged inside its own request scope");
            Assert.That(entries.Where(entry => entry.Message == $"Sending HTTP request GET {DevicesUrl}").Select(entry => entry.Scopes),
                Has.Exactly(3).EqualTo(new[] { $"HTTP GET {DevicesUrl}" }), "the list, the refused list and its repeat");
            Assert.That(entries.Select(entry => entry.Message), Has.Some.StartsWith("Received HTTP response headers after").And.EndsWith("- 401"));
            Assert.That(entries.Where(entry => entry.Category == typeof(PingOneMfaClient).FullName).Select(entry => entry.Scopes), Is.Not.Empty.And.All.Empty,
                "the client's own lines come after the requests' scopes closed");
        });
    }

    [Test]
    public async Task AnAccessTokenSetInCode_IsNotLoggedAtTraceEither()
    {
        const string heldToken = "held-LEAKCHECK-token";
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond("application/json", Wire.NoDevicesJson);
        var logs = new CapturedLogs();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddPingOneMfaClient(options =>
        {
            options.Region = PingOneRegion.Europe;
            options.AccessToken = heldToken;
        }).ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        using var services = collection.BuildServiceProvider();

        await services.GetRequiredService<PingOneMfaClient>().ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        Assert.That(mock.Sent, Is.EqualTo(new[] { $"GET {DevicesUrl} Bearer {heldToken}" }));
        Assert.Multiple(() =>
        {
            Assert.That(logs.Entries.Where(entry => entry.Text.Contains(heldToken, StringComparison.Ordinal)).Select(entry => entry.Text), Is.Empty);
            Assert.That(logs.Entries.Where(entry => entry.Level == LogLevel.Trace).Select(entry => entry.Message), Has.Some.Contains("Authorization: *"), "the factory listed the request headers");
        });
    }
}
