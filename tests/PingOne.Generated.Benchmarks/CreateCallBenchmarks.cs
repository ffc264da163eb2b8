using BenchmarkDotNet.Attributes;
using PingOne.Generated;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// One create call over an in-memory handler answering the seed's 201 body: the public client (which also
/// normalizes the phone) beside the same call written by hand with HttpClient and a JSON library.
/// </summary>
[MemoryDiagnoser]
public class CreateCallBenchmarks
{
    private const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
    private const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
    private const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";
    private static readonly string Url = $"https://api.pingone.com/v1/environments/{EnvironmentId}/users/{UserId}/devices";
    private readonly HttpClient _http = new(new InMemoryPingOne());
    private PingOneMfaClient _client = null!;
    private PingOneMfaClient _possibleClient = null!;
    private PingOneMfaClient _noRetryClient = null!;
    private PingOneMfaClient _listenedClient = null!;
    private ListenedTo? _listener;

    [GlobalSetup]
    public void Setup()
    {
        // The one way to build a client: the authentication handler (a static token here) is always in the chain.
        _client = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "benchmark-token", Transport = new InMemoryPingOne() });
        _noRetryClient = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "benchmark-token", Transport = new InMemoryPingOne(), Retry = { MaxAttempts = 1 } });
        _possibleClient = new PingOneMfaClient(new PingOneMfaClientOptions
        {
            AccessToken = "benchmark-token",
            Transport = new InMemoryPingOne(),
            PhoneNormalization = new PhoneNormalizationOptions { Validation = PhoneValidation.Possible },
        });
    }

    [Benchmark(Description = "PingOneMfaClient.CreateVoiceDeviceAsync (with the auth handler)")]
    public Task<VoiceDevice> PublicClient() => _client.CreateVoiceDeviceAsync(EnvironmentId, UserId, new CreateVoiceDeviceRequest
    {
        Phone = "+1.5125551111",
        Extension = "313#",
        Policy = new DevicePolicyReference { Id = PolicyId },
    });

    // Each benchmark runs in its own process: the listener is attached only in this one's.
    [GlobalSetup(Target = nameof(ListenedClient))]
    public void SetupListened()
    {
        _listener = new ListenedTo();
        _listenedClient = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "benchmark-token", Transport = new InMemoryPingOne() });
    }

    [GlobalCleanup(Target = nameof(ListenedClient))]
    public void CleanupListened() => _listener?.Dispose();

    [Benchmark(Description = "PingOneMfaClient.CreateVoiceDeviceAsync, traced and metered (ActivityListener + MeterListener)")]
    public Task<VoiceDevice> ListenedClient() => _listenedClient.CreateVoiceDeviceAsync(EnvironmentId, UserId, new CreateVoiceDeviceRequest
    {
        Phone = "+1.5125551111",
        Extension = "313#",
        Policy = new DevicePolicyReference { Id = PolicyId },
    });

    [Benchmark(Description = "PingOneMfaClient.CreateVoiceDeviceAsync, Retry.MaxAttempts = 1 (an empty pipeline)")]
    public Task<VoiceDevice> NoRetryClient() => _noRetryClient.CreateVoiceDeviceAsync(EnvironmentId, UserId, new CreateVoiceDeviceRequest
    {
        Phone = "+1.5125551111",
        Extension = "313#",
        Policy = new DevicePolicyReference { Id = PolicyId },
    });

    [Benchmark(Description = "PingOneMfaClient.CreateVoiceDeviceAsync, PhoneValidation.Possible")]
    public Task<VoiceDevice> PublicClientPossible() => _possibleClient.CreateVoiceDeviceAsync(EnvironmentId, UserId, new CreateVoiceDeviceRequest
    {
        Phone = "+1.5125551111",
        Extension = "313#",
        Policy = new DevicePolicyReference { Id = PolicyId },
    });

    [Benchmark(Baseline = true, Description = "hand-written HttpClient + Newtonsoft.Json")]
    public Task<VoiceResponse> HandWrittenNewtonsoft() => HandWrittenCalls.NewtonsoftAsync(_http, Url, new VoiceRequest("VOICE", "+1.5125551111", "313#", new PolicyRef(PolicyId)));

    [Benchmark(Description = "hand-written HttpClient + System.Text.Json (source-generated)")]
    public Task<VoiceResponse> HandWrittenSystemTextJson() => HandWrittenCalls.SystemTextJsonAsync(_http, Url, new VoiceRequest("VOICE", "+1.5125551111", "313#", new PolicyRef(PolicyId)));
}
