using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using NSwag;
using PingOne.Generated.Tests;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// The library's real requests, sent through Prism serving <c>openapi/</c> as a validating mock: a tool
/// no one here wrote decides whether what the client sends matches the spec.
/// </summary>
[Category("Contract")]
[NonParallelizable]
public class PrismContractTests
{
    private static readonly string RepoRoot = RepositoryRoot.Path;
    private Process? _prism;
    private Uri _apiBase = null!;

    [OneTimeSetUp]
    public async Task StartPrismAsync()
    {
        var tools = Path.Combine(RepoRoot, "build", "contract");
        var prism = Path.Combine(tools, "node_modules", ".bin", "prism");
        if (!File.Exists(prism)) Run("npm", "ci --no-audit --no-fund", tools); // first run on a fresh machine
        var port = FreePort();
        _apiBase = new Uri($"http://127.0.0.1:{port}/");
        _prism = Process.Start(new ProcessStartInfo(prism, $"mock \"{Path.Combine(RepoRoot, "openapi", "pingone-mfa-devices.yaml")}\" -h 127.0.0.1 -p {port} --errors")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _prism.OutputDataReceived += (_, _) => { };
        _prism.ErrorDataReceived += (_, _) => { };
        _prism.BeginOutputReadLine();
        _prism.BeginErrorReadLine();
        for (var i = 0; i < 300 && !await IsListeningAsync(port); i++) await Task.Delay(100);
        Assert.That(await IsListeningAsync(port), Is.True, "Prism did not start");
    }

    [OneTimeTearDown]
    public void StopPrism()
    {
        if (_prism is { HasExited: false }) _prism.Kill(entireProcessTree: true);
        _prism?.Dispose();
    }

    [TestCaseSource(typeof(SeedSpellings), nameof(SeedSpellings.All))]
    public async Task CreateWithoutExtension_SeedSpelling_MatchesTheSpec(string phone)
    {
        var recorder = await CreateThroughPrismAsync(CreateVoiceDeviceRequest.Create(phone, Seed.PolicyId));

        Assert.That(recorder.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(recorder.Violations, Is.Null, "Prism flagged the request");
    }

    [TestCase("+1 (512) 555-1234", "313#")]
    [TestCase("+1.5125551111 ext. 313#", null)]
    [TestCase("+44 (0)20 7946 0958", "1,2*#")]
    public async Task CreateWithExtension_MatchesTheSpec(string phone, string? extension)
    {
        var request = CreateVoiceDeviceRequest.Create(phone, Seed.PolicyId, extension);
        request.Nickname = "Desk phone";
        request.Status = DeviceCreationStatus.ActivationRequired;
        request.TestMode = true;

        var recorder = await CreateThroughPrismAsync(request);

        Assert.That(recorder.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(recorder.Violations, Is.Null, "Prism flagged the request");
    }

    [Test]
    public async Task ARequestOffTheSpec_IsFlagged_SoTheCheckCanFail()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_apiBase, "environments/e/users/u/devices"))
        {
            Content = new StringContent("""{"type":"VOICE","phone":"+15125551234","extension":"ext 313","policy":{"id":"p"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(string.Join(" ", response.Headers.GetValues("sl-violations")), Does.Contain("extension"));
    }

    [Test]
    public void SeedDocumentsExamples_ValidateAgainstTheSpecsSchemas()
    {
        var spec = OpenApiYamlDocument.FromFileAsync(Path.Combine(RepoRoot, "openapi", "pingone-mfa-devices.yaml")).GetAwaiter().GetResult();
        var create = spec.Operations.Single(o => o.Operation.OperationId == "createVoiceDevice").Operation;
        var wire = Path.Combine(RepoRoot, "tests", "PingOne.Generated.Tests", "Wire");

        Assert.That(create.RequestBody!.Content["application/json"].Schema!.ActualSchema.Validate(File.ReadAllText(Path.Combine(wire, "seed-request.json"))), Is.Empty);
        Assert.That(create.Responses["201"].Content["application/json"].Schema!.ActualSchema.Validate(File.ReadAllText(Path.Combine(wire, "seed-response.json"))), Is.Empty);
    }

    private async Task<ViolationRecorder> CreateThroughPrismAsync(CreateVoiceDeviceRequest request)
    {
        // The client's own pipeline (retries, authentication, host checks) over a transport that records Prism's verdict.
        using var recorder = new ViolationRecorder { InnerHandler = new SocketsHttpHandler() };
        using var client = new PingOneMfaClient(new PingOneMfaClientOptions
        {
            AccessToken = "contract-token",
            ApiBaseAddress = _apiBase,
            AllowHttpOnLoopback = true,
            Transport = recorder,
        });
        try
        {
            await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request);
        }
        catch (PingOneException)
        {
            // The recorder holds Prism's verdict; the assertions say what went wrong.
        }
        return recorder;
    }

    private static void Run(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{file} {arguments} failed in {directory}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static class Seed
    {
        public const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
        public const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
        public const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";
    }

    private sealed class ViolationRecorder : DelegatingHandler
    {
        public HttpStatusCode? Status { get; private set; }

        public string? Violations { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Status = response.StatusCode;
            Violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
            return response;
        }
    }
}
