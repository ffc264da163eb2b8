using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Safety;

/// <summary>
/// Random ids, base addresses, credentials and answer headers through the public API: nothing reaches a
/// scheme, host, port or path other than the configured ones, only the documented exceptions come out,
/// and no token, secret or Basic credentials reach a log line or an exception.
/// </summary>
public class OutsiderFuzzTests
{
    private const int Clients = 300;
    private const int CallsPerClient = 20;
    private static readonly string[] Hosts = { "api.pingone.eu", "auth.pingone.eu", "mfa.example.com", "127.0.0.1", "localhost", "xn--bcher-kva.example" };
    private static readonly string HostileChars = "./\\%?#@:;=&+ \t\r\n{}[]<>\"'`~|^$*!,()\u0000\u202e\u2215\uff0e\uff0f..";

    [Test]
    public void RandomIdsAddressesAndAnswers_StayOnTheConfiguredAddresses_AndLeakNothing()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var sent = 0;
        var refusedSettings = 0;
        var refusedIds = 0;
        var failures = 0;

        for (var c = 0; c < Clients; c++)
        {
            var secret = "sec-" + Guid.NewGuid().ToString("N");
            var clientId = "cid-" + random.Next();
            var (api, auth) = (RandomBase(random), RandomBase(random));
            var network = new FuzzNetwork(random, secret);
            var logs = new ListLogger();
            var options = new PingOneMfaClientOptions
            {
                ApiBaseAddress = api,
                AuthBaseAddress = auth,
                AllowHttpOnLoopback = random.Next(2) == 0,
                Transport = network,
                TimeProvider = new AutoAdvancingClock(),
                LoggerFactory = logs,
                EnvironmentId = random.Next(4) == 0 ? RandomId(random) : Guid.NewGuid().ToString(),
            };
            options.Retry.MaxAttempts = 2;
            options.Retry.BaseDelay = TimeSpan.Zero;
            options.Retry.MaxDelay = TimeSpan.Zero;
            options.Retry.SafeRetry = random.Next(2) == 0;
            if (random.Next(3) == 0) options.AccessToken = network.IssueToken();
            else { options.ClientId = clientId; options.ClientSecret = secret; }
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret)));
            var messages = new List<string>();

            PingOneMfaClient client;
            try
            {
                client = new PingOneMfaClient(options);
            }
            catch (PingOneConfigurationException refused)
            {
                refusedSettings++;
                messages.Add(refused.ToString());
                Assert.That(network.Requests, Is.Empty, $"seed {seed}");
                AssertNoSecret(messages, logs, network, secret, basic, seed);
                continue;
            }
            using (client)
            {
                for (var i = 0; i < CallsPerClient; i++)
                {
                    var operation = new[] { "create", "list", "get", "delete", "rename", "activate" }[random.Next(6)];
                    var ids = Enumerable.Range(0, 3).Select(_ => random.Next(3) == 0 ? RandomId(random) : Guid.NewGuid().ToString()).ToArray();
                    try
                    {
                        HostileIdMockTests.Call(client, operation, ids[0], ids[1], ids[2]).GetAwaiter().GetResult();
                    }
                    catch (ArgumentException refused)
                    {
                        refusedIds++;
                        messages.Add(refused.ToString());
                    }
                    catch (PingOneException failed)
                    {
                        failures++;
                        messages.Add(failed.ToString());
                        messages.Add(failed.Error?.Message ?? string.Empty);
                    }
                    catch (PingOneConfigurationException refused)
                    {
                        messages.Add(refused.ToString());
                    }
                    // Anything else escapes the test and fails it: only the documented exceptions may come out.
                }
            }

            sent += network.Requests.Count;
            foreach (var request in network.Requests)
            {
                var onApi = SameOrigin(request, api);
                var onAuth = SameOrigin(request, auth);
                Assert.That(onApi || onAuth, Is.True, $"{request} left for an address that is not configured (api {api}, auth {auth}; seed {seed})");
                var path = request.AbsolutePath;
                var allowed = onAuth && Regex.IsMatch(path, "^" + Regex.Escape(WithSlash(auth).AbsolutePath) + Uuid + "/as/token$")
                    || onApi && Regex.IsMatch(path, "^" + Regex.Escape(WithSlash(api).AbsolutePath) + "environments/" + Uuid + "/users/" + Uuid + "/devices(/" + Uuid + "(/nickname)?)?$");
                Assert.That(allowed, Is.True, $"{request}: a path the client must never build (seed {seed})");
                // The one query the client builds itself: safe retry's look-up asks for voice devices only, on the collection.
                if (request.Query.Length > 0 && path.EndsWith("/devices", StringComparison.Ordinal))
                    Assert.That(request.Query, Is.EqualTo("?filter=type%20eq%20%22VOICE%22"), $"{request} (seed {seed})");
                else
                    Assert.That(request.Query, Is.Empty, $"{request} (seed {seed})");
            }
            AssertNoSecret(messages, logs, network, secret, basic, seed);
        }

        TestContext.Out.WriteLine($"seed {seed}: {sent} requests sent, {refusedSettings} settings refused, {refusedIds} ids refused, {failures} failed calls");
        Assert.That(sent, Is.GreaterThan(500), "the fuzz reached the network (about 1,000 requests are expected)");
        Assert.That(refusedSettings, Is.GreaterThan(10), "and tried settings that must be refused");
        Assert.That(refusedIds, Is.GreaterThan(100), "and ids that must be refused");
        Assert.That(failures, Is.GreaterThan(100), "and answers that fail");
    }

    private const string Uuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private static void AssertNoSecret(List<string> messages, ListLogger logs, FuzzNetwork network, string secret, string basic, int seed)
    {
        var everything = string.Join("\n", messages.Concat(logs.Lines));
        foreach (var value in network.IssuedTokens.Append(secret).Append(basic).Append(Uri.EscapeDataString(secret)))
            Assert.That(everything.Contains(value, StringComparison.Ordinal), Is.False, $"'{value}' reached a log or a message (seed {seed})");
    }

    private static bool SameOrigin(Uri request, Uri configured) =>
        string.Equals(request.Scheme, configured.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(request.IdnHost, configured.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        request.Port == configured.Port;

    private static Uri WithSlash(Uri address) => address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    // Mostly usable addresses, some with what must be refused: http off loopback, user info, a query, a fragment, odd ports and paths.
    private static Uri RandomBase(Random random)
    {
        var scheme = random.Next(5) == 0 ? "http" : "https";
        var userInfo = random.Next(12) == 0 ? "api.pingone.eu@" : string.Empty;
        var host = Hosts[random.Next(Hosts.Length)];
        var port = random.Next(4) == 0 ? ":" + random.Next(1, 65536) : string.Empty;
        var path = new[] { "/", "/v1", "/v1/", "/a/b/", "/v1/..", "/%2e%2e/", "/v1/./x/" }[random.Next(7)];
        var tail = random.Next(12) switch { 0 => "?x=1", 1 => "#frag", _ => string.Empty };
        return new Uri($"{scheme}://{userInfo}{host}{port}{path}{tail}");
    }

    private static string RandomId(Random random)
    {
        var length = random.Next(0, 40);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
            text.Append(random.Next(3) == 0 ? HostileChars[random.Next(HostileChars.Length)] : (char)random.Next(0x20, 0x7f));
        return random.Next(6) == 0 ? Guid.NewGuid() + text.ToString() : text.ToString();
    }

    /// <summary>Answers like a PingOne that misbehaves at random, issuing a new token each time and sometimes echoing the secret.</summary>
    private sealed class FuzzNetwork(Random random, string secret) : HttpMessageHandler
    {
        private readonly object _gate = new();

        public List<Uri> Requests { get; } = new();

        public List<string> IssuedTokens { get; } = new();

        public string IssueToken()
        {
            lock (_gate)
            {
                var token = "tok-" + Guid.NewGuid().ToString("N");
                IssuedTokens.Add(token);
                return token;
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null) await request.Content.ReadAsStringAsync(cancellationToken);
            int roll;
            lock (_gate)
            {
                Requests.Add(request.RequestUri!);
                roll = random.Next(10);
            }
            if (request.RequestUri!.AbsolutePath.EndsWith("/as/token", StringComparison.Ordinal))
            {
                return roll switch
                {
                    0 => Json(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_client\",\"error_description\":\"secret " + secret + " rejected\"}"),
                    1 => Json(HttpStatusCode.ServiceUnavailable, "{}"),
                    2 => Json(HttpStatusCode.OK, "{\"access_token\":5}"),
                    _ => Json(HttpStatusCode.OK, "{\"access_token\":\"" + IssueToken() + "\",\"expires_in\":" + (roll * 100) + "}"),
                };
            }
            var status = new[] { 200, 201, 204, 400, 401, 404, 408, 429, 500, 503 }[roll];
            var body = status switch
            {
                200 => request.Method == HttpMethod.Get && request.RequestUri.AbsolutePath.EndsWith("/devices", StringComparison.Ordinal) ? RetryMockTests.DeviceList() : "{\"id\":\"" + Guid.NewGuid() + "\",\"type\":\"VOICE\",\"status\":\"ACTIVE\"}",
                201 => "{\"id\":\"" + Guid.NewGuid() + "\",\"type\":\"VOICE\",\"status\":\"ACTIVE\",\"phone\":\"+15125551111\"}",
                204 => string.Empty,
                _ => "{\"id\":\"" + Guid.NewGuid() + "\",\"code\":\"X\",\"message\":\"No " + RandomHeader() + "\"}",
            };
            var response = Json((HttpStatusCode)status, body);
            response.Headers.TryAddWithoutValidation("Retry-After", RandomHeader());
            response.Headers.TryAddWithoutValidation("correlation-id", RandomHeader());
            return response;
        }

        private string RandomHeader()
        {
            lock (_gate)
            {
                return random.Next(5) switch
                {
                    0 => random.Next(-5, int.MaxValue).ToString(),
                    1 => DateTimeOffset.UtcNow.AddSeconds(random.Next(-100, 100000)).ToString("r"),
                    2 => Guid.NewGuid().ToString(),
                    3 => new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => (char)random.Next(0x20, 0x7f)).ToArray()),
                    _ => "1e9999",
                };
            }
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
