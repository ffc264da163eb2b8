using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// <c>pingone-voice enroll --csv</c> on a 10,000-row spreadsheet naming users by username (every row a generated user of a
/// 10,000-user directory): requests per row, and which way the run resolved the usernames (its stderr says).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class EnrollUsernameCsvBenchmarks
{
    private const int Rows = 10_000;
    private DirectoryBench _bench = null!;
    private string _csv = null!;

    [IterationSetup]
    public void Setup()
    {
        _bench = new DirectoryBench(Rows, null);
        _csv = Path.Combine(_bench.Folder, "usernames.csv");
        var text = new StringBuilder("username,phone\n");
        for (var i = 0; i < Rows; i++) text.Append("user").Append(i.ToString("D6", CultureInfo.InvariantCulture)).Append(",+1 512 555 ").Append((i % 10_000).ToString("D4", CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(_csv, text.ToString());
    }

    [IterationCleanup]
    public void Cleanup() => _bench.Dispose();

    [Benchmark(Description = "pingone-voice enroll --csv (10,000 usernames)")]
    public int Enroll()
    {
        var (code, error, peak) = _bench.Run("enroll", "--csv", _csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "8");
        var summary = error.Split('\n').Last(line => line.Contains(" rows in ", StringComparison.Ordinal)).Trim();
        var resolution = error.Split('\n').First(line => line.Contains("resolved ", StringComparison.Ordinal)).Trim();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[10000-row username CSV] exit {code}; peak resident memory {peak / 1048576.0:F1} MiB"));
        Console.WriteLine("  " + resolution);
        Console.WriteLine("  " + summary);
        return code;
    }
}
