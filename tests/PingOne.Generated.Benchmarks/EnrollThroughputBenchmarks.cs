using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// <c>pingone-voice enroll</c> end to end against the in-process emulator over loopback: 10,000 rows with no
/// limit at concurrency 8 and 32, and 1,000 rows under the 100 requests/s per-IP cap PingOne documents.
/// Each row costs two requests (the duplicate check and the create). The run's summary line, with its
/// count of 429 answers, is printed to the benchmark log.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class EnrollThroughputBenchmarks
{
    private EnrollBench _bench = null!;

    [Params("10000 rows, concurrency 8", "10000 rows, concurrency 32", "1000 rows, concurrency 8, emulator limit 100/s")]
    public string Scenario { get; set; } = string.Empty;

    private int Rows => Scenario.StartsWith("10000", StringComparison.Ordinal) ? 10_000 : 1_000;

    private int Concurrency => Scenario.Contains("concurrency 32", StringComparison.Ordinal) ? 32 : 8;

    private int? Limit => Scenario.Contains("limit 100", StringComparison.Ordinal) ? 100 : null;

    [IterationSetup]
    public void Setup() => _bench = new EnrollBench(Rows, Limit);

    [IterationCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark(Description = "pingone-voice enroll")]
    public async Task<int> Enroll()
    {
        var (code, summary) = await _bench.EnrollAsync("--concurrency", Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine($"[{Scenario}] exit {code}: " + summary);
        return code;
    }
}
