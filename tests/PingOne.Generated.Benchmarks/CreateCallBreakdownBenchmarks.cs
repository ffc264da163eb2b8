using BenchmarkDotNet.Attributes;
using PingOne.Generated;
using NSwagDefault = PingOne.Generated.Benchmarks.NSwagDefault;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// Where the create call's time goes, layer by layer, beside the NSwag default client (the baseline): the generated
/// client alone as the client uses it (our serializer settings, answers read with reused buffers), then with the
/// authentication handler, then the public client without retries, with lenient validation, and whole; and the phone
/// normalization by itself. Read the differences.
/// </summary>
[MemoryDiagnoser]
public class CreateCallBreakdownBenchmarks
{
    private const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
    private const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
    private const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";

    private NSwagDefault.NSwagDefaultClient _nswag = null!;
    private PingOneMfaRestClient _generated = null!;
    private PingOneMfaRestClient _generatedWithAuth = null!;
    private PingOneMfaClient _noRetry = null!;
    private PingOneMfaClient _possible = null!;
    private PingOneMfaClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        const string Api = "https://api.pingone.com/v1";
        _nswag = new NSwagDefault.NSwagDefaultClient(new HttpClient(new InMemoryPingOne())) { BaseUrl = Api };
        _generated = new BufferReusingRestClient(new HttpClient(new InMemoryPingOne()), new SchemaDrift(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)) { BaseUrl = Api };
        var hosts = new HostPolicy(new[] { new Uri(Api + "/") }, allowHttpOnLoopback: false);
        _generatedWithAuth = new BufferReusingRestClient(new HttpClient(new PingOneAuthenticationHandler(new StaticAccessTokenProvider("benchmark-token", hosts, new KnownSecrets()), hosts, new InMemoryPingOne())),
            new SchemaDrift(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)) { BaseUrl = Api };
        _noRetry = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "benchmark-token", Transport = new InMemoryPingOne(), Retry = { MaxAttempts = 1 } });
        _possible = new PingOneMfaClient(new PingOneMfaClientOptions
        {
            AccessToken = "benchmark-token",
            Transport = new InMemoryPingOne(),
            PhoneNormalization = new PhoneNormalizationOptions { Validation = PhoneValidation.Possible },
        });
        _client = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "benchmark-token", Transport = new InMemoryPingOne() });
    }

    [Benchmark(Baseline = true, Description = "NSwag default client")]
    public Task<NSwagDefault.VoiceDevice> NSwagDefaultCreate() => _nswag.CreateVoiceDeviceAsync(new NSwagDefault.CreateVoiceDeviceRequest
    {
        Type = NSwagDefault.VoiceDeviceType.Voice,
        Phone = "+15125551111",
        Extension = "313#",
        Policy = new NSwagDefault.DevicePolicyReference { Id = PolicyId },
    }, EnvironmentId, UserId);

    [Benchmark(Description = "our generated client, our serializer settings")]
    public Task<VoiceDevice> Generated() => _generated.CreateVoiceDeviceAsync(WireRequest(), EnvironmentId, UserId);

    [Benchmark(Description = "our generated client + authentication handler")]
    public Task<VoiceDevice> GeneratedWithAuth() => _generatedWithAuth.CreateVoiceDeviceAsync(WireRequest(), EnvironmentId, UserId);

    // The create's own normalization (the client's input, Strict) before the generated call with authentication: what the
    // client adds on top of this is its own layer (checks, copy, telemetry, retries), normalization measured where it runs.
    [Benchmark(Description = "normalization, then our generated client + authentication handler")]
    public Task<VoiceDevice> NormalizedThenGeneratedWithAuth()
    {
        var phone = PhoneNumberNormalizer.Default.Normalize(Request().Phone, "313#");
        return _generatedWithAuth.CreateVoiceDeviceAsync(WireRequest(phone.Phone, phone.Extension), EnvironmentId, UserId);
    }

    [Benchmark(Description = "PingOneMfaClient, Retry.MaxAttempts = 1")]
    public Task<VoiceDevice> NoRetry() => _noRetry.CreateVoiceDeviceAsync(EnvironmentId, UserId, Request());

    [Benchmark(Description = "PingOneMfaClient, PhoneValidation.Possible")]
    public Task<VoiceDevice> Possible() => _possible.CreateVoiceDeviceAsync(EnvironmentId, UserId, Request());

    [Benchmark(Description = "PingOneMfaClient")]
    public Task<VoiceDevice> Whole() => _client.CreateVoiceDeviceAsync(EnvironmentId, UserId, Request());

    [Benchmark(Description = "phone normalization alone (Strict)")]
    public NormalizedPhone Normalization() => PhoneNumberNormalizer.Default.Normalize("+1.5125551111", "313#");

    private static CreateVoiceDeviceRequest WireRequest(string phone = "+15125551111", string? extension = "313#") => new()
    {
        Type = VoiceDeviceType.Voice,
        Phone = phone,
        Extension = extension,
        Policy = new DevicePolicyReference { Id = PolicyId },
    };

    private static CreateVoiceDeviceRequest Request() => new()
    {
        Phone = "+1.5125551111",
        Extension = "313#",
        Policy = new DevicePolicyReference { Id = PolicyId },
    };
}
