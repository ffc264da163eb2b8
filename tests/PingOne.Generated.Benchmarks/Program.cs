using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PingOne.Generated.Benchmarks.CreateCallBenchmarks).Assembly).Run(args);
