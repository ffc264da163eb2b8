using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// <c>pingone-voice enroll --from-directory --phone-attribute mobilePhone --all-users</c> against the emulator's generated
/// directory (its documented mix: about 58 % of users enabled with a usable mobilePhone), the command in a process of its
/// own. Printed per scenario: the summary, requests per created user, the share of the emulator's limit used, and the
/// command's peak resident memory. Without a limit the scenarios compare peak memory at 10,000 and 100,000 users.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class EnrollDirectoryBenchmarks
{
    private DirectoryBench _bench = null!;

    [Params("10000 users, no limit", "100000 users, no limit")]
    public string Scenario { get; set; } = string.Empty;

    private int Users => int.Parse(Scenario.Split(' ')[0], CultureInfo.InvariantCulture);

    [IterationSetup]
    public void Setup() => _bench = new DirectoryBench(Users, null);

    [IterationCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark(Description = "pingone-voice enroll --from-directory")]
    public int Enroll() => DirectoryReport.Run(_bench, Scenario, limit: null, "--concurrency", "8");
}

/// <summary>
/// The same command under the emulator's 100 requests/s limit with <c>--rate 100</c>: the share of the limit used over a
/// long run, and requests per created user with the user pages amortized (200 users a page).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class EnrollDirectoryRateLimitBenchmarks
{
    private const int Limit = 100;
    private DirectoryBench _bench = null!;

    [Params(100_000)]
    public int Users { get; set; }

    [IterationSetup]
    public void Setup() => _bench = new DirectoryBench(Users, Limit);

    [IterationCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark(Description = "pingone-voice enroll --from-directory under a 100 requests/s limit")]
    public int Enroll() => DirectoryReport.Run(_bench, $"{Users} users, limit {Limit}/s, --rate {Limit}", Limit, "--concurrency", "8", "--rate", "100");
}

internal static class DirectoryReport
{
    public static int Run(DirectoryBench bench, string scenario, int? limit, params string[] options)
    {
        var args = new[] { "enroll", "--from-directory", "--phone-attribute", "mobilePhone", "--all-users", "--policy", EmulatorSeed.PolicyId }.Concat(options).ToArray();
        var (code, error, peak) = bench.Run(args);
        var summary = DirectoryBench.Summary(error);
        var seconds = DirectoryBench.NumberBefore(summary, "s: created");
        var created = DirectoryBench.NumberAfter(summary, "s: created ");
        var requests = DirectoryBench.NumberBefore(summary, "requests for");
        var throttled = DirectoryBench.NumberAfter(summary, "429 answers: ");
        var use = limit is { } l ? string.Create(CultureInfo.InvariantCulture, $"; use {(requests - throttled) / seconds / l:P1} of {l}/s") : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{scenario}] exit {code}; {requests} requests, {requests / created:F4} per created user; 429 answers {throttled}{use}; peak resident memory of the command {peak / 1048576.0:F1} MiB"));
        Console.WriteLine("  " + summary);
        return code;
    }
}
