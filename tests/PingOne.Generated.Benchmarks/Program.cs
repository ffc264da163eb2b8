using BenchmarkDotNet.Running;

// --cpu-time: CPU time per call instead of BenchmarkDotNet's wall clock (CpuTimeComparison, for a machine shared with other work).
if (args.FirstOrDefault() == "--cpu-time")
{
    await PingOne.Generated.Benchmarks.CpuTimeComparison.RunAsync(args.Skip(1).ToArray());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PingOne.Generated.Benchmarks.CreateCallBenchmarks).Assembly).Run(args);
