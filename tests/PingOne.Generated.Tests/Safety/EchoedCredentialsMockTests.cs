using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Safety;

/// <summary>
/// A server that echoes the client's credentials (the client secret, the Basic credentials, every access token the
/// client held) in every field of PingOne's error shape and in headers, as they are, URL-encoded, JSON-escaped and
/// in Base64: none of them may surface in the exception (message, ToString, error, details, headers) or in any log
/// line at any level, structured values included. Written from the README's promise, not from the code.
/// </summary>
public class EchoedCredentialsMockTests
{
    // Every character that needs escaping somewhere: a quote and a backslash (JSON), a solidus (JSON's optional
    // escape), a plus and a space (form encoding), non-ASCII (JSON \u escapes, UTF-8 percent escapes).
    private const string ClientSecret = "Sk\"9\\q/Z+w é-ß_Ω~7";
    private const string ClientId = "worker-app-client-id";
    private const string FirstToken = "eyJhbGciOi.Zm9yLXRlc3Q+Zmlyc3Q/dG9rZW4.c2lnbmF0dXJl-1==";
    private const string RefreshedToken = "eyJhbGciOi.Zm9yLXRlc3Q+c2Vjb25k/dG9rZW4.c2lnbmF0dXJl-2";
    private const string StaticToken = "eyJraWQiOi.c3RhdGljLXRva2Vu+aGVsZA/Ynk.Y2FsbGVy-3=";

    private static readonly string TokenUrl = TokenEndpoint.Url(PingOneRegion.NorthAmerica);
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private static readonly string Basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(ClientSecret)));
    private static readonly string BasicUnencoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));

    private static readonly int[] Statuses = { 400, 401, 403, 429, 500, 503 };

    public static IEnumerable<TestCaseData> TokenEndpointEchoes() =>
        Statuses.Select(status => new TestCaseData(status).SetName($"TheTokenEndpointEchoingTheCredentials_{status}_ShowsNoneOfThem"));

    public static IEnumerable<TestCaseData> ApiEchoes() =>
        Statuses.SelectMany(status => new[] { false, true }.Select(staticToken =>
            new TestCaseData(status, staticToken).SetName($"TheApiEchoingTheCredentials_{status}_{(staticToken ? "StaticToken" : "ClientCredentials")}_ShowsNoneOfThem")));

    [TestCaseSource(nameof(TokenEndpointEchoes))]
    public async Task FromTheTokenEndpoint(int status)
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, TokenUrl).Respond(() => Echo(status, ClientSecret, Basic, BasicUnencoded));
        mock.When(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var logs = new ListLogger();
        var client = mock.CreateClient(ClientCredentials(logs));

        var error = await CreateFailsAsync(client);

        Assert.That(error.Status, Is.EqualTo(status));
        Assert.That(mock.Sent.Where(r => r.Uri.AbsoluteUri == DevicesUrl), Is.Empty, "no token, no API request");
        AssertShowsNone(error, logs, ClientSecret, Basic, BasicUnencoded);
    }

    [TestCaseSource(nameof(ApiEchoes))]
    public async Task FromTheApi(int status, bool staticToken)
    {
        using var mock = new PingOneMock();
        var token = staticToken ? StaticToken : FirstToken;
        mock.When(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(TokenEndpoint.Token(FirstToken)));
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => Echo(status, token, "Bearer " + token));
        var logs = new ListLogger();
        var options = staticToken ? new PingOneMfaClientOptions { AccessToken = StaticToken, LoggerFactory = logs } : ClientCredentials(logs);
        Fast(options);
        var client = mock.CreateClient(options);

        var error = await CreateFailsAsync(client);

        Assert.That(error.Status, Is.EqualTo(status));
        Assert.That(mock.Sent.Where(r => r.Uri.AbsoluteUri == DevicesUrl).Select(r => r.Headers.Authorization?.Parameter), Has.All.EqualTo(token), "the echo was of the token really sent");
        AssertShowsNone(error, logs, staticToken ? new[] { StaticToken } : new[] { FirstToken, ClientSecret, Basic, BasicUnencoded });
    }

    [Test]
    public async Task ATokenRefreshedLater_IsKnownToo_AndSoIsTheOneBefore()
    {
        using var mock = new PingOneMock();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var issued = new Queue<string>(new[] { FirstToken, RefreshedToken });
        mock.When(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(TokenEndpoint.Token(issued.Dequeue(), expiresIn: 3600)));
        var creates = 0;
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => ++creates == 1
            ? RetryMockTests.Answer(201, Seed.ResponseJson)
            : Echo(400, FirstToken, RefreshedToken, "Bearer " + RefreshedToken));
        var logs = new ListLogger();
        var options = ClientCredentials(logs);
        options.TimeProvider = time;
        var client = mock.CreateClient(options);

        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());
        time.Advance(TimeSpan.FromHours(2));
        var error = await CreateFailsAsync(client);

        Assert.That(mock.Sent.Where(r => r.Uri.AbsoluteUri == DevicesUrl).Select(r => r.Headers.Authorization?.Parameter), Is.EqualTo(new[] { FirstToken, RefreshedToken }), "the second call went with the refreshed token");
        AssertShowsNone(error, logs, FirstToken, RefreshedToken, ClientSecret);
    }

    [Test]
    public async Task ATokenWithARunOfDigits_IsMaskedWhole_NotTakenForAPhoneNumberFirst()
    {
        // A phone number's mask (all but the last two digits) applied first would leave the rest of the token readable.
        const string token = "eyJraWQiOi.20261207123456.c2lnbmF0dXJl";
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => Echo(400, token));
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { AccessToken = token, LoggerFactory = logs });

        var error = await CreateFailsAsync(client);

        Assert.That(error.Message, Does.Not.Contain("eyJraWQiOi").And.Not.Contain("c2lnbmF0dXJl"));
        AssertShowsNone(error, logs, token);
    }

    [Test]
    public void ASuccessEchoingTheTokenWhereADateBelongs_ShowsItNowhere_NotEvenInTheInnerExceptionOfToString()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Get, DevicesUrl).Respond(() => RetryMockTests.Answer(200,
            "{\"_embedded\":{\"devices\":[{\"id\":\"" + StaticToken + "\",\"type\":\"VOICE\",\"createdAt\":\"" + StaticToken + "\"}]}}"));
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { AccessToken = StaticToken, LoggerFactory = logs });

        var error = Assert.CatchAsync<PingOneException>(() => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId))!;

        Assert.That(error.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(error.InnerException?.Message, Does.Contain(StaticToken), "Json.NET quotes the value it could not read");
        Assert.That(error.ToString(), Does.Contain("***").And.Contain(error.InnerException!.GetType().FullName!));
        AssertShowsNone(error, logs, StaticToken);
    }

    [Test]
    public async Task AnErrorEchoingNothing_IsShownWhole()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, TokenUrl).Respond(() => Task.FromResult(TokenEndpoint.Token(FirstToken)));
        mock.When(HttpMethod.Post, DevicesUrl).Respond(() => RetryMockTests.Answer(400,
            """{"id":"b39fe3f5-6f8a-4d17-9c4e-2b6a3c1d0e9f","code":"INVALID_DATA","message":"The request could not be completed.","details":[{"code":"INVALID_VALUE","target":"policy.id","message":"Unknown policy","innerError":{"allowedPattern":"^[a-z]+$"}}]}""",
            ("correlation-id", "5f0c1b2a-3d4e-4f60-8a7b-9c0d1e2f3a4b")));
        var client = mock.CreateClient(ClientCredentials(new ListLogger()));

        var error = await CreateFailsAsync(client);

        Assert.That(error.Message, Is.EqualTo("PingOne answered HTTP 400 INVALID_DATA: The request could not be completed. [policy.id] INVALID_VALUE: Unknown policy. (error id b39fe3f5-6f8a-4d17-9c4e-2b6a3c1d0e9f)"));
        Assert.That(error.Details.Single().InnerError?.AllowedPattern, Is.EqualTo("^[a-z]+$"));
        Assert.That(error.CorrelationId, Is.EqualTo("5f0c1b2a-3d4e-4f60-8a7b-9c0d1e2f3a4b"));
    }

    // PingOne's error shape with every field, every header and the name of an unknown property carrying every echo.
    private static Task<HttpResponseMessage> Echo(int status, params string[] credentials)
    {
        var forms = credentials.SelectMany(FormsOf).Distinct().ToList();
        var echo = "rejected " + string.Join(" | ", forms);
        var detail = new JObject
        {
            ["code"] = echo,
            ["target"] = echo,
            ["message"] = echo,
            ["innerError"] = new JObject
            {
                ["allowedPattern"] = echo,
                ["allowedValues"] = new JArray(forms),
                ["referencedValues"] = new JArray(echo),
                ["existingId"] = echo,
                [forms[0]] = "a credential as a property name",
            },
        };
        var body = new JObject
        {
            ["id"] = echo,
            ["code"] = echo,
            ["message"] = echo,
            ["target"] = echo,
            ["error_description"] = echo,
            ["details"] = new JArray(detail, new JObject { ["message"] = "Bearer " + forms[0] }),
        };
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json") };
        foreach (var name in new[] { "correlation-id", "X-Echo", "Retry-After", "WWW-Authenticate" })
        {
            var headerForms = forms.Where(form => form.All(c => c is >= ' ' and <= '~')).ToList();
            Assert.That(response.Headers.TryAddWithoutValidation(name, headerForms), Is.True, name);
        }
        return Task.FromResult(response);
    }

    // As it is, URL-encoded (RFC 3986, form, lower-case hex), JSON-escaped (Json.NET's default, all non-ASCII
    // escaped, HTML characters escaped, the solidus escaped, every character escaped as System.Text.Json may).
    private static IEnumerable<string> FormsOf(string value)
    {
        yield return value;
        yield return Uri.EscapeDataString(value);
        yield return WebUtility.UrlEncode(value);
        yield return Regex.Replace(Uri.EscapeDataString(value), "%[0-9A-F]{2}", match => match.Value.ToLowerInvariant());
        yield return Inner(JsonConvert.ToString(value));
        yield return Inner(JsonConvert.ToString(value, '"', StringEscapeHandling.EscapeNonAscii));
        yield return Inner(JsonConvert.ToString(value, '"', StringEscapeHandling.EscapeHtml));
        yield return Inner(JsonConvert.ToString(value)).Replace("/", "\\/");
        yield return string.Concat(value.Select(c => char.IsLetterOrDigit(c) && c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));

        static string Inner(string quoted) => quoted.Substring(1, quoted.Length - 2);
    }

    private static PingOneMfaClientOptions ClientCredentials(ListLogger logs)
    {
        var options = new PingOneMfaClientOptions
        {
            Region = PingOneRegion.NorthAmerica,
            EnvironmentId = TokenEndpoint.EnvironmentId,
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretBasic,
            LoggerFactory = logs,
        };
        return Fast(options);
    }

    // Two attempts, no wait: a retried failure writes its Warning line (with the error id) too.
    private static PingOneMfaClientOptions Fast(PingOneMfaClientOptions options)
    {
        options.Retry.MaxAttempts = 2;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.Retry.MaxDelay = TimeSpan.Zero;
        return options;
    }

    private static async Task<PingOneException> CreateFailsAsync(PingOneMfaClient client)
    {
        try
        {
            await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request()).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (PingOneException error)
        {
            return error;
        }
        Assert.Fail("The call succeeded.");
        return null!;
    }

    // Everything the client produced: the exception as exposed and every log line with its structured values.
    private static void AssertShowsNone(PingOneException error, ListLogger logs, params string[] credentials)
    {
        var shown = new Dictionary<string, string>
        {
            ["Message"] = error.Message,
            ["ToString()"] = error.ToString(),
            ["Error"] = JsonConvert.SerializeObject(error.Error),
            ["Details"] = JsonConvert.SerializeObject(error.Details),
            ["ErrorId"] = error.ErrorId ?? string.Empty,
            ["ErrorCode"] = error.ErrorCode?.ToString() ?? string.Empty,
            ["Headers"] = string.Join("\n", error.Headers.Select(h => h.Key + ": " + string.Join(", ", h.Value))),
            ["CorrelationId"] = error.CorrelationId ?? string.Empty,
            ["Logs"] = string.Join("\n", logs.Lines),
        };
        Assert.That(logs.Lines, Is.Not.Empty, "a session with a Debug logger logs the failure");
        Assert.That(error.ToString(), Does.Contain("***"), "the echo was there, masked");
        Assert.Multiple(() =>
        {
            foreach (var credential in credentials)
                foreach (var form in FormsOf(credential).Distinct())
                    foreach (var where in shown)
                        Assert.That(where.Value.IndexOf(form, StringComparison.Ordinal), Is.EqualTo(-1), $"{where.Key} shows a credential ({form.Length} characters) as: {Regex.Escape(form.Substring(0, 3))}...");
        });
    }
}
