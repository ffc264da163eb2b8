namespace PingOne.Generated.Benchmarks;

/// <summary>
/// <c>--loop &lt;case&gt; &lt;seconds&gt;</c>: one case of <see cref="NSwagComparisonBenchmarks"/> (<c>ours</c>, <c>nswag</c>,
/// <c>ours32</c>, <c>nswag32</c>) or the phone normalization alone (<c>norm</c>), over and over, for a sampling profiler to
/// watch (docs/benchmarks.md, "Where the time goes": <c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>).
/// </summary>
internal static class ProfileLoop
{
    public static async Task RunAsync(string[] args)
    {
        var benchmarks = new NSwagComparisonBenchmarks();
        benchmarks.Setup();
        var callsPerInvocation = args[0].EndsWith("32", StringComparison.Ordinal) ? NSwagComparisonBenchmarks.ConcurrentCalls : 1;
        Func<Task> call = args[0] switch
        {
            "ours" => () => benchmarks.PingOneCreate(),
            "nswag" => () => benchmarks.NSwagDefaultCreate(),
            "ours32" => benchmarks.PingOneConcurrent,
            "nswag32" => benchmarks.NSwagDefaultConcurrent,
            "norm" => () => { PhoneNumberNormalizer.Default.Normalize("+1.5125551111", "313#"); return Task.CompletedTask; },
            _ => throw new ArgumentException($"Unknown case '{args[0]}': ours, nswag, ours32, nswag32 or norm."),
        };
        var end = DateTime.UtcNow.AddSeconds(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        long calls = 0;
        while (DateTime.UtcNow < end)
            for (var i = 0; i < (callsPerInvocation == 1 ? 100 : 1); i++, calls += callsPerInvocation) await call();
        Console.WriteLine($"{calls} calls");
    }
}
