using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// The CLI exports traces and metrics through the OpenTelemetry SDK's OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
/// and loads no OpenTelemetry assembly when it is not.
/// </summary>
public class OtlpExportTests
{
    [Test]
    public async Task WithTheEndpointSet_ACommandsTracesAndMetrics_ArePostedToTheReceiver_OverHttpProtobuf_BeforeItReturns()
    {
        using var receiver = new OtlpReceiver();
        var environment = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };

        var run = await Cli.RunAsync(new[] { "create", "--emulator", "--phone", "+15125551234" }, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var posts = receiver.Posts;
        var traces = posts.Where(p => p.Path == "/v1/traces").ToList();
        var metrics = posts.Where(p => p.Path == "/v1/metrics").ToList();
        Assert.That(traces, Is.Not.Empty, "the spans are flushed when the command returns");
        Assert.That(metrics, Is.Not.Empty, "the last metric readings are flushed when the command returns");
        Assert.That(posts.Select(p => p.ContentType), Has.All.EqualTo("application/x-protobuf"));
        Assert.That(Contains(traces, "pingone-voice"), Is.True, "the resource names the service");
        Assert.That(Contains(traces, "System.Net.Http"), Is.True, "HttpClient's request spans are exported");
        Assert.That(Contains(metrics, "http.client.request.duration"), Is.True, "HttpClient's metrics are exported");
        Assert.That(Contains(traces, "PingOne create-voice-device"), Is.True, "the client's own span is exported");
        Assert.That(Contains(traces, PingOneDiagnostics.ActivitySourceName), Is.True, "under the client's ActivitySource");
        Assert.That(Contains(metrics, PingOneDiagnostics.MeterName), Is.True, "the client's Meter is exported");
        Assert.That(ClientInstruments.Where(name => !Contains(metrics, name)), Is.Empty, "each instrument a create records is exported");
        Assert.That(Contains(traces.Concat(metrics), "5125551234"), Is.False, "no phone number leaves in telemetry");
    }

    // What one successful create records: its duration, the token it asked for, the device it made.
    private static readonly string[] ClientInstruments = { "pingone.client.operation.duration", "pingone.client.token.requests", "pingone.client.devices.created" };

    [Test]
    public async Task WithTheEndpointSet_AnEnrollExportsASpanPerCreate_AndTheClientsMetrics_WithoutAnyPhoneDigits()
    {
        using var receiver = new OtlpReceiver();
        var folder = Directory.CreateTempSubdirectory("otlp-enroll").FullName;
        try
        {
            var csv = Path.Combine(folder, "users.csv");
            File.WriteAllText(csv, $"userId,phone\n{Emulator.EmulatorSeed.UserId},+1 (512) 555-1234\n{Emulator.EmulatorSeed.SecondUserId},+44 20 7946 0958\n");
            var environment = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Address,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            };

            var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--emulator" }, environment: environment);

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
            Assert.That(run.Error, Does.Contain("created 2, exists 0,"));
            var traces = receiver.Posts.Where(p => p.Path == "/v1/traces").ToList();
            var metrics = receiver.Posts.Where(p => p.Path == "/v1/metrics").ToList();
            Assert.That(Occurrences(traces, "PingOne create-voice-device"), Is.EqualTo(2), "one span per row created");
            Assert.That(ClientInstruments.Where(name => !Contains(metrics, name)), Is.Empty);
            foreach (var digits in new[] { "5125551234", "2079460958", "512) 555", "20 7946" })
                Assert.That(Contains(traces.Concat(metrics), digits), Is.False, $"no phone number leaves in telemetry ({digits})");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task AnEndpointThatIsNotAUrl_ExitsOne_WithOneLineNamingTheVariable()
    {
        var run = await Cli.RunAsync(new[] { "create", "--emulator", "--phone", "+15125551234" }, environment: new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "not a url" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim(), Is.EqualTo("pingone-voice: OTEL_EXPORTER_OTLP_ENDPOINT 'not a url' is not an absolute http(s) URL, e.g. http://localhost:4318."));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void TheOpenTelemetryAssemblies_AreLoadedOnlyWhenTheEndpointIsSet(bool endpointSet)
    {
        // A process of its own (this one has loaded OpenTelemetry for the test above): the CLI, with this test assembly as a startup
        // hook that writes the names of the assemblies the process loaded when it exits.
        var list = Path.GetTempFileName();
        try
        {
            var directory = TestContext.CurrentContext.TestDirectory;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "exec", Path.Combine(directory, "pingone-voice.dll"), "normalize" }) start.ArgumentList.Add(argument);
            start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(OtlpExportTests).Assembly.Location;
            start.Environment[StartupHook.ListVariable] = list;
            start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
            if (endpointSet) start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
            using var process = Process.Start(start)!;
            process.StandardInput.WriteLine("+1 512 555 1234");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True);

            Assert.That(process.ExitCode, Is.EqualTo(0), output + error);
            var loaded = File.ReadAllLines(list);
            Assert.That(loaded, Has.Some.EqualTo("pingone-voice"), "the hook listed the CLI's process");
            if (endpointSet) Assert.That(loaded, Has.Some.StartsWith("OpenTelemetry"));
            else Assert.That(loaded, Has.None.StartsWith("OpenTelemetry"));
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static bool Contains(IEnumerable<OtlpReceiver.Post> posts, string text) =>
        posts.Any(p => p.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);

    private static int Occurrences(IEnumerable<OtlpReceiver.Post> posts, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var count = 0;
        foreach (var post in posts)
            for (var rest = post.Body.AsSpan(); rest.IndexOf(needle) is var at and >= 0; rest = rest.Slice(at + needle.Length)) count++;
        return count;
    }

    /// <summary>A tiny OTLP/HTTP receiver on loopback: records every POST and answers 200 with an empty body.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<Post> _posts = new();
        private readonly Task _loop;

        public OtlpReceiver()
        {
            var port = FreePort();
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _loop = Task.Run(LoopAsync);
        }

        public sealed record Post(string Path, string? ContentType, byte[] Body);

        public string Address { get; }

        public IReadOnlyList<Post> Posts
        {
            get { lock (_posts) return _posts.ToList(); }
        }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.HttpMethod == "POST") lock (_posts) _posts.Add(new Post(context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
