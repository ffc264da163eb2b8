using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// The create call of <see cref="NSwagComparisonBenchmarks"/> made by 32 concurrent callers, 256 calls each, per client:
/// throughput. Issue 21's target: at least 0.95x the NSwag default client's.
/// </summary>
/// <remarks>
/// Ten pairs of processes, each a process of one client then one of the other (which one first alternates), so each
/// pair's Ratio compares the two under the same conditions. On a 2-core machine shared with other work this case moves by
/// a quarter from one minute to the next; run one client's ten processes and then the other's, as BenchmarkDotNet does
/// with launches, and whichever ran during a slow minute lost (docs/benchmarks.md). Thirty warm-up iterations (about
/// 250,000 calls): a process's first 100,000 to 200,000 calls at 32 callers run up to twice as slow while the JIT tiers
/// the code up, and BenchmarkDotNet's own warm-up ended in that phase in some processes.
/// </remarks>
[Config(typeof(PairedProcesses))]
[MemoryDiagnoser]
public class NSwagConcurrencyBenchmarks
{
    private readonly NSwagComparisonBenchmarks _clients = new();

    [GlobalSetup]
    public void Setup() => _clients.Setup();

    [GlobalCleanup]
    public void Cleanup() => _clients.Cleanup();

    [Benchmark(Baseline = true, Description = "NSwag default client, 32 callers (per call)", OperationsPerInvoke = NSwagComparisonBenchmarks.ConcurrentCalls)]
    public Task NSwagDefault() => _clients.NSwagDefaultConcurrent();

    [Benchmark(Description = "PingOneMfaClient, 32 callers (per call)", OperationsPerInvoke = NSwagComparisonBenchmarks.ConcurrentCalls)]
    public Task PingOne() => _clients.PingOneConcurrent();

    private sealed class PairedProcesses : ManualConfig
    {
        private const int Pairs = 10;

        public PairedProcesses()
        {
            for (var pair = 1; pair <= Pairs; pair++)
                AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(30).WithIterationCount(20).WithId($"Pair{pair:00}"));
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByJob);
            Orderer = new PairOrderer();
        }
    }

    // Pair by pair; within a pair, the baseline first in odd pairs and second in even ones.
    private sealed class PairOrderer : DefaultOrderer
    {
        public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
            benchmarksCase.GroupBy(c => c.Job.Id).OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .SelectMany((pair, i) => i % 2 == 0 ? pair.OrderByDescending(c => c.Descriptor.Baseline) : pair.OrderBy(c => c.Descriptor.Baseline));
    }
}
