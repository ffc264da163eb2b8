using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// How much of a server's request limit <c>pingone-voice enroll</c> uses: 1,500 rows against the emulator limited to
/// 100 API requests per second (fixed one-second windows, <c>429</c> with <c>Retry-After: 1</c> beyond it), with and
/// without <c>--rate</c>. Printed per scenario: accepted requests per second over the limit (the use), requests per
/// row, 429 answers, duplicates (devices per key above one), and the creates per second in each whole second of the
/// run, from the devices' <c>createdAt</c>, which shows whether the pace holds or oscillates.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class EnrollRateLimitUseBenchmarks
{
    private const int Limit = 100;
    private const int Rows = 1_500;
    private EnrollBench _bench = null!;

    [Params("no --rate", "--rate 100")]
    public string Scenario { get; set; } = string.Empty;

    [IterationSetup]
    public void Setup() => _bench = new EnrollBench(Rows, Limit);

    [IterationCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark(Description = "pingone-voice enroll under a 100 requests/s limit")]
    public async Task<int> Enroll()
    {
        var options = Scenario.StartsWith("--rate", StringComparison.Ordinal) ? new[] { "--concurrency", "8", "--rate", "100" } : new[] { "--concurrency", "8" };
        var (code, summary) = await _bench.EnrollAsync(options);
        Report(code, summary);
        return code;
    }

    private void Report(int code, string summary)
    {
        // "enroll: 1500 rows in 30.4 s: ...; 3019 requests (2.01 per row sent), 429 answers 12. Results: ..."
        var seconds = double.Parse(summary.Split(" rows in ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        var requests = int.Parse(summary.Split("; ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        var throttles = int.Parse(summary.Split("429 answers ")[1].Split('.')[0], CultureInfo.InvariantCulture);
        var devices = Enumerable.Range(0, Rows).Select(i => _bench.Emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i))).ToList();
        var duplicates = devices.Sum(ofUser => Math.Max(0, ofUser.Count - 1));
        var perSecond = devices.SelectMany(ofUser => ofUser).GroupBy(device => device.CreatedAt!.Value.ToUnixTimeSeconds()).OrderBy(g => g.Key).Select(g => g.Count()).ToList();
        var steady = perSecond.Skip(1).SkipLast(1).ToList(); // whole seconds only
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{Scenario}] exit {code}; use {(requests - throttles) / seconds / Limit:P1} of {Limit}/s; {requests} requests, {requests / (double)Rows:F2} per row; 429 answers {throttles}; duplicates {duplicates}; " +
            $"creates/s in whole seconds: min {steady.Min()}, max {steady.Max()}, mean {steady.Average():F1}; every second: {string.Join(" ", perSecond)}"));
        Console.WriteLine("  " + summary);
    }
}
