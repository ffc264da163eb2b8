using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PingOne.Generated;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// The first normalization in a fresh process, which loads libphonenumber's metadata: each launch is a
/// new process measured once, with no warm-up.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
[MemoryDiagnoser]
public class PhoneMetadataColdStartBenchmarks
{
    [Benchmark(Description = "first Normalize in a process (+1 number)")]
    public string FirstNormalize() => PhoneNumberNormalizer.Default.Normalize("+1 (512) 555-1234").Phone;
}
