using System.Diagnostics;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// <c>--wall &lt;rounds&gt; [ours|nswag]</c>: the 32-caller case of <see cref="NSwagComparisonBenchmarks"/>, both clients in
/// turn in one process (or one of them alone), each round four batches of 32 callers: wall-clock and CPU time per call,
/// the thread pool's thread count, the collections of each generation, the GC's pauses, the thread pool's work items
/// and the heap size of the round. On a 2-core machine these move by a quarter from round to round with the thread pool,
/// the GC and the host (docs/benchmarks.md): comparing clients round by round, in one process, keeps both under the
/// same conditions.
/// </summary>
internal static class WallClockComparison
{
    private const int BatchesPerRound = 4;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 12;
        var sides = args.Length > 1 ? new[] { args[1] } : new[] { "nswag", "ours" };
        var benchmarks = new NSwagComparisonBenchmarks();
        benchmarks.Setup();
        const int calls = BatchesPerRound * NSwagComparisonBenchmarks.ConcurrentCalls;
        for (var round = 0; round < rounds; round++)
            foreach (var side in sides)
            {
                var wall = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var collections = GC.CollectionCount(0);
                var collections1 = GC.CollectionCount(1);
                var collections2 = GC.CollectionCount(2);
                var paused = GC.GetTotalPauseDuration();
                var workItems = ThreadPool.CompletedWorkItemCount;
                for (var batch = 0; batch < BatchesPerRound; batch++)
                    await (side == "nswag" ? benchmarks.NSwagDefaultConcurrent() : benchmarks.PingOneConcurrent());
                var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / calls;
                Console.WriteLine($"{round,3} {side,-5} wall {wall.Elapsed.TotalMilliseconds * 1000 / calls:F2} us/call  cpu {cpuPerCall:F2} us/call  threads {ThreadPool.ThreadCount}  gen0 {GC.CollectionCount(0) - collections}  gen1 {GC.CollectionCount(1) - collections1}  gen2 {GC.CollectionCount(2) - collections2}  paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms  items {ThreadPool.CompletedWorkItemCount - workItems}  heap {GC.GetTotalMemory(false) / 1024} KB");
            }
    }
}
