using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.LeakChecks;

/// <summary>
/// Safety promise: a server that echoes the credentials it was sent (the token endpoint the secret and the Basic
/// credentials, the API each bearer token) in every field of its errors and in headers gets none of them into any
/// log entry of a Trace-level session through the DI package (messages, structured values, scopes, exceptions), nor
/// into the exception the caller catches.
/// </summary>
public class EchoedCredentialsTraceTests
{
    private static readonly string TokenUrl = Wire.TokenUrl(PingOneRegion.Europe);
    private static readonly string DevicesUrl = Wire.DevicesUrl(PingOneRegion.Europe);

    [Test]
    public async Task ASessionAgainstAServerEchoingEveryCredential_LogsNoneOfThemAtTrace()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(() => Echo(503, Wire.ClientSecret, Wire.BasicCredentials, Wire.NaiveBasicCredentials));
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(Wire.Token(Wire.FirstToken)));
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(() => Echo(400, "Bearer " + Wire.FirstToken));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(() => Echo(401, "Bearer " + Wire.FirstToken));
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(Wire.Token(Wire.FreshToken)));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(() => Echo(503, Wire.FirstToken, "Bearer " + Wire.FreshToken));
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond("application/json", Wire.NoDevicesJson);
        var logs = new CapturedLogs();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PingOne:Region"] = "EU",
            ["PingOne:EnvironmentId"] = Wire.EnvironmentId,
            ["PingOne:ClientId"] = Wire.ClientId,
            ["PingOne:ClientSecret"] = Wire.ClientSecret,
            ["PingOne:Retry:MaxAttempts"] = "2",
            ["PingOne:Retry:BaseDelay"] = "00:00:00",
            ["PingOne:Retry:MaxDelay"] = "00:00:00",
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddPingOneMfaClient(configuration).ConfigurePrimaryHttpMessageHandler(() => mock.Handler);
        using var services = collection.BuildServiceProvider();
        var client = services.GetRequiredService<PingOneMfaClient>();

        var refused = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Wire.EnvironmentId, Wire.UserId, Wire.Request()))!;
        await client.ListDevicesAsync(Wire.EnvironmentId, Wire.UserId);

        mock.Handler.VerifyNoOutstandingExpectation();
        Assert.That(refused.Status, Is.EqualTo(400));
        var forbidden = Wire.Secrets.SelectMany(FormsOf).Distinct().ToList();
        Assert.Multiple(() =>
        {
            foreach (var entry in logs.Entries)
                Assert.That(forbidden.Where(entry.Text.Contains), Is.Empty, $"a log entry shows a credential: {entry.Category} {entry.Level}");
            var shown = refused + "\n" + JsonConvert.SerializeObject(refused.Error) + "\n" + string.Join("\n", refused.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value)));
            Assert.That(forbidden.Where(shown.Contains), Is.Empty, "the exception shows a credential");
            Assert.That(logs.Entries.Select(entry => entry.Message), Has.Some.StartsWith("PingOne create-voice-device will be retried after HTTP 503"), "the token failure was retried and logged");
            Assert.That(logs.Entries.Select(entry => entry.Message), Has.Some.StartsWith("PingOne list-devices will be retried after HTTP 503"), "the API failure was retried and logged");
        });
    }

    private static IEnumerable<string> FormsOf(string value)
    {
        yield return value;
        yield return Uri.EscapeDataString(value);
        var json = JsonConvert.ToString(value);
        yield return json.Substring(1, json.Length - 2).Replace("/", "\\/");
    }

    // PingOne's error shape with every field, and headers, carrying each echo in each form.
    private static Task<HttpResponseMessage> Echo(int status, params string[] credentials)
    {
        var echo = "rejected " + string.Join(" | ", credentials.SelectMany(FormsOf));
        var body = new JObject
        {
            ["id"] = echo,
            ["code"] = echo,
            ["message"] = echo,
            ["details"] = new JArray(new JObject
            {
                ["code"] = echo,
                ["target"] = echo,
                ["message"] = echo,
                ["innerError"] = new JObject { ["allowedPattern"] = echo, ["referencedValues"] = new JArray(echo) },
            }),
        };
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("correlation-id", echo);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", echo);
        return Task.FromResult(response);
    }
}
