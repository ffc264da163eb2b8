using System.Diagnostics;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// <c>--cpu-time [rounds] [listen]</c>: the create call of <see cref="NSwagComparisonBenchmarks"/> and the layers of
/// <see cref="CreateCallBreakdownBenchmarks"/>, measured in this process's CPU time per call rather than wall-clock time.
/// On a shared machine whose other processes take the cores (docs/benchmarks.md), wall-clock figures measure the queue;
/// CPU time measures the code. Rounds of 5,000 calls of each case in turn, the first 3 rounds dropped; the minimum and the
/// 25th percentile are reported, and ratios to the NSwag default client of the same rounds. <c>listen</c> attaches an
/// ActivityListener and a MeterListener first (every activity recorded, every instrument enabled).
/// </summary>
internal static class CpuTimeComparison
{
    private const int CallsPerRound = 5_000;
    private const int DroppedRounds = 3;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 25;
        using var listener = args.Contains("listen") ? new ListenedTo() : null;
        var single = new NSwagComparisonBenchmarks();
        single.Setup();
        var layers = new CreateCallBreakdownBenchmarks();
        layers.Setup();
        var cases = new (string Name, Func<Task> Call)[]
        {
            ("NSwag default client", () => single.NSwagDefaultCreate()),
            ("PingOneMfaClient", () => single.PingOneCreate()),
            ("our generated client, our serializer settings", () => layers.Generated()),
            ("our generated client + authentication handler", () => layers.GeneratedWithAuth()),
            ("PingOneMfaClient, Retry.MaxAttempts = 1", () => layers.NoRetry()),
            ("PingOneMfaClient, PhoneValidation.Possible", () => layers.Possible()),
            ("phone normalization alone (Strict)", () => { layers.Normalization(); return Task.CompletedTask; }),
        };
        var perCall = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds + DroppedRounds; round++)
            for (var c = 0; c < cases.Length; c++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < CallsPerRound; i++) await cases[c].Call();
                var microseconds = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds * 1000 / CallsPerRound;
                if (round >= DroppedRounds) perCall[c].Add(microseconds);
            }

        Console.WriteLine($"CPU time per call, {rounds} rounds of {CallsPerRound} calls{(listener is null ? string.Empty : ", traced and metered")}:");
        Console.WriteLine($"| Case | Min (us) | P25 (us) | Ratio (min) | Ratio (p25) | Allocated (B) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < 1000; i++) await cases[c].Call();
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1000;
            Console.WriteLine($"| {cases[c].Name} | {perCall[c].Min():F3} | {P25(perCall[c]):F3} | {perCall[c].Min() / perCall[0].Min():F3} | {P25(perCall[c]) / P25(perCall[0]):F3} | {allocated} |");
        }
    }

    private static double P25(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 4);
}
