using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PingOne.Generated;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Benchmarks;

/// <summary>10,000 creates through the public client against the in-process emulator over loopback, 32 callers at a time.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class EmulatorThroughputBenchmarks
{
    public const int Creates = 10_000;
    private const int Callers = 32;
    private static readonly string[] Phones = { "+15125551234", "+442079460958", "+390669821234", "+81312345678", "+61293744000" };
    private PingOneEmulator _emulator = null!;
    private PingOneMfaClient _client = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = int.MaxValue });
        _client = new PingOneMfaClient(_emulator.ClientOptions());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Description = "10,000 creates, 32 concurrent callers, emulator over loopback", OperationsPerInvoke = Creates)]
    public async Task TenThousandCreates()
    {
        var next = -1;
        var callers = Enumerable.Range(0, Callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Creates)
            {
                var user = EmulatorSeed.UserIds[i % EmulatorSeed.UserIds.Count];
                await _client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, user, new CreateVoiceDeviceRequest
                {
                    Phone = Phones[i % Phones.Length],
                    Policy = new DevicePolicyReference { Id = EmulatorSeed.PolicyId },
                });
            }
        });
        await Task.WhenAll(callers);
    }
}
