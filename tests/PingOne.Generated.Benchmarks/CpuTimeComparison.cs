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
        var cases = new (string Name, Func<Task> Call, int Calls)[]
        {
            ("NSwag default client", () => single.NSwagDefaultCreate(), 1),
            ("PingOneMfaClient", () => single.PingOneCreate(), 1),
            ("our generated client, our serializer settings", () => layers.Generated(), 1),
            ("our generated client + authentication handler", () => layers.GeneratedWithAuth(), 1),
            ("normalization, then our generated client + authentication handler", () => layers.NormalizedThenGeneratedWithAuth(), 1),
            ("PingOneMfaClient, Retry.MaxAttempts = 1", () => layers.NoRetry(), 1),
            ("PingOneMfaClient, PhoneValidation.Possible", () => layers.Possible(), 1),
            ("NSwag default client, handler writing the request head", () => single.NSwagDefaultCreateWritingHead(), 1),
            ("PingOneMfaClient, handler writing the request head", () => single.PingOneCreateWritingHead(), 1),
            ("phone normalization alone (Strict)", () => { layers.Normalization(); return Task.CompletedTask; }, 1),
            ("NSwag default client, 32 callers", () => single.NSwagDefaultConcurrent(), NSwagComparisonBenchmarks.ConcurrentCalls),
            ("PingOneMfaClient, 32 callers", () => single.PingOneConcurrent(), NSwagComparisonBenchmarks.ConcurrentCalls),
        };
        var perCall = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds + DroppedRounds; round++)
            for (var c = 0; c < cases.Length; c++)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                var invocations = Math.Max(1, CallsPerRound / cases[c].Calls);
                for (var i = 0; i < invocations; i++) await cases[c].Call();
                var microseconds = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds * 1000 / (invocations * cases[c].Calls);
                if (round >= DroppedRounds) perCall[c].Add(microseconds);
            }

        Console.WriteLine($"CPU time per call, {rounds} rounds of {CallsPerRound} calls{(listener is null ? string.Empty : ", traced and metered")}:");
        Console.WriteLine($"| Case | Min (us) | P25 (us) | Ratio (min) | Ratio (p25) | Allocated (B) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var calls = Math.Max(1, 1000 / cases[c].Calls);
            for (var i = 0; i < calls; i++) await cases[c].Call();
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (calls * cases[c].Calls);
            Console.WriteLine($"| {cases[c].Name} | {perCall[c].Min():F3} | {P25(perCall[c]):F3} | {perCall[c].Min() / perCall[0].Min():F3} | {P25(perCall[c]) / P25(perCall[0]):F3} | {allocated} |");
        }
    }

    private static double P25(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 4);
}
