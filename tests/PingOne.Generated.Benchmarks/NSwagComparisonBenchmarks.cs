using BenchmarkDotNet.Attributes;
using PingOne.Generated;
using NSwagDefault = PingOne.Generated.Benchmarks.NSwagDefault;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// Our create call beside the one an NSwag client generated from the same spec with NSwag's defaults makes (no
/// normalization, no checks, no retries, no authentication), both over the same in-memory handler, one call at a time.
/// Issue 21's target: at most 1.10x the time. The 32-caller case (throughput) is <see cref="NSwagConcurrencyBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 3, iterationCount: 20)]
public class NSwagComparisonBenchmarks
{
    private const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
    private const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
    private const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";
    internal const int Callers = 32;
    // 8,192 calls per invocation: an iteration of at least ~40 ms, which BenchmarkDotNet asks of a measurement.
    private const int CallsPerCaller = 256;
    internal const int ConcurrentCalls = Callers * CallsPerCaller;

    private NSwagDefault.NSwagDefaultClient _nswag = null!;
    private PingOneMfaClient _client = null!;
    private NSwagDefault.NSwagDefaultClient _nswagWritingHead = null!;
    private PingOneMfaClient _clientWritingHead = null!;

    [GlobalSetup]
    public void Setup()
    {
        _nswag = new NSwagDefault.NSwagDefaultClient(new HttpClient(new InMemoryPingOne())) { BaseUrl = "https://api.pingone.com/v1" };
        _client = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "benchmark-token", Transport = new InMemoryPingOne() });
        _nswagWritingHead = new NSwagDefault.NSwagDefaultClient(new HttpClient(new InMemoryPingOne(writesRequestHead: true))) { BaseUrl = "https://api.pingone.com/v1" };
        _clientWritingHead = new PingOneMfaClient(new PingOneMfaClientOptions { AccessToken = "benchmark-token", Transport = new InMemoryPingOne(writesRequestHead: true) });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _clientWritingHead.Dispose();
    }

    // Not benchmarks of their own (CpuTimeComparison measures them): both clients over a handler that reads the request
    // head as a socket transport does, so work our client does earlier (Uri parsing) is not counted against it alone.
    internal Task<NSwagDefault.VoiceDevice> NSwagDefaultCreateWritingHead() => _nswagWritingHead.CreateVoiceDeviceAsync(NSwagRequest(), EnvironmentId, UserId);

    internal Task<VoiceDevice> PingOneCreateWritingHead() => _clientWritingHead.CreateVoiceDeviceAsync(EnvironmentId, UserId, Request());

    [Benchmark(Baseline = true, Description = "NSwag default client, one call")]
    public Task<NSwagDefault.VoiceDevice> NSwagDefaultCreate() => _nswag.CreateVoiceDeviceAsync(NSwagRequest(), EnvironmentId, UserId);

    [Benchmark(Description = "PingOneMfaClient, one call")]
    public Task<VoiceDevice> PingOneCreate() => _client.CreateVoiceDeviceAsync(EnvironmentId, UserId, Request());

    public Task NSwagDefaultConcurrent() => Concurrently(() => _nswag.CreateVoiceDeviceAsync(NSwagRequest(), EnvironmentId, UserId));

    public Task PingOneConcurrent() => Concurrently(() => _client.CreateVoiceDeviceAsync(EnvironmentId, UserId, Request()));

    private static Task Concurrently<T>(Func<Task<T>> call) => Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
    {
        // Every caller starts on the thread pool, as concurrent requests of a service would.
        await Task.Yield();
        for (var i = 0; i < CallsPerCaller; i++) await call().ConfigureAwait(false);
    }));

    // The same device both ways; the NSwag default client sends the phone as given (it has no normalization).
    private static NSwagDefault.CreateVoiceDeviceRequest NSwagRequest() => new()
    {
        Type = NSwagDefault.VoiceDeviceType.Voice,
        Phone = "+15125551111",
        Extension = "313#",
        Policy = new NSwagDefault.DevicePolicyReference { Id = PolicyId },
    };

    private static CreateVoiceDeviceRequest Request() => new()
    {
        Phone = "+1.5125551111",
        Extension = "313#",
        Policy = new DevicePolicyReference { Id = PolicyId },
    };
}
