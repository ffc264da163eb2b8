using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

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
    private PingOneEmulator _emulator = null!;
    private string _folder = null!;
    private string _csv = null!;

    [Params("10000 rows, concurrency 8", "10000 rows, concurrency 32", "1000 rows, concurrency 8, emulator limit 100/s")]
    public string Scenario { get; set; } = string.Empty;

    private int Rows => Scenario.StartsWith("10000", StringComparison.Ordinal) ? 10_000 : 1_000;

    private int Concurrency => Scenario.Contains("concurrency 32", StringComparison.Ordinal) ? 32 : 8;

    private int? Limit => Scenario.Contains("limit 100", StringComparison.Ordinal) ? 100 : null;

    [IterationSetup]
    public void Setup()
    {
        _emulator = PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = Rows, RateLimitPerSecond = Limit }).GetAwaiter().GetResult();
        _folder = Directory.CreateTempSubdirectory("pingone-enroll-bench-").FullName;
        _csv = Path.Combine(_folder, "rows.csv");
        var text = new StringBuilder("userId,phone\n");
        for (var i = 0; i < Rows; i++) text.Append(EmulatorSeed.GeneratedUserId(i)).Append(",+1 512 555 ").Append((i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(_csv, text.ToString());
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "pingone-voice enroll")]
    public async Task<int> Enroll()
    {
        var output = new StringWriter();
        var environment = _emulator.EnvironmentVariables();
        var code = await CliApp.RunAsync(new[] { "enroll", "--csv", _csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TextReader.Null, output, TextWriter.Null, name => environment.TryGetValue(name, out var value) ? value : null);
        Console.WriteLine($"[{Scenario}] exit {code}: " + output.ToString().Split('\n').First(line => line.StartsWith("enroll: ", StringComparison.Ordinal) && line.Contains(" rows in ", StringComparison.Ordinal)));
        return code;
    }
}
