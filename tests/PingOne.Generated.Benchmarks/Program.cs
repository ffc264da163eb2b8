using BenchmarkDotNet.Running;

// --cpu-time: CPU time per call instead of BenchmarkDotNet's wall clock (CpuTimeComparison, for a machine shared with other work).
if (args.FirstOrDefault() == "--cpu-time")
{
    await PingOne.Generated.Benchmarks.CpuTimeComparison.RunAsync(args.Skip(1).ToArray());
    return;
}
// --loop: one case over and over, for a profiler; --wall: both clients' 32-caller batches in turn, wall-clock and CPU time.
if (args.FirstOrDefault() == "--loop")
{
    await PingOne.Generated.Benchmarks.ProfileLoop.RunAsync(args.Skip(1).ToArray());
    return;
}
if (args.FirstOrDefault() == "--wall")
{
    await PingOne.Generated.Benchmarks.WallClockComparison.RunAsync(args.Skip(1).ToArray());
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(PingOne.Generated.Benchmarks.CreateCallBenchmarks).Assembly).Run(args);
