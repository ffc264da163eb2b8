using System.Globalization;
using System.Text;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Benchmarks;

/// <summary>One enrollment benchmark run: an emulator with a generated user per row, the CSV, and the command run in-process.</summary>
internal sealed class EnrollBench : IDisposable
{
    private readonly string _folder;

    public EnrollBench(int rows, int? rateLimit)
    {
        Emulator = PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = rows, RateLimitPerSecond = rateLimit }).GetAwaiter().GetResult();
        _folder = Directory.CreateTempSubdirectory("pingone-enroll-bench-").FullName;
        Csv = Path.Combine(_folder, "rows.csv");
        var text = new StringBuilder("userId,phone\n");
        for (var i = 0; i < rows; i++) text.Append(EmulatorSeed.GeneratedUserId(i)).Append(",+1 512 555 ").Append((i % 10_000).ToString("D4", CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(Csv, text.ToString());
    }

    public PingOneEmulator Emulator { get; }

    public string Csv { get; }

    /// <summary>Runs <c>pingone-voice enroll</c> on the CSV; returns the exit code and the summary line.</summary>
    public async Task<(int Code, string Summary)> EnrollAsync(params string[] options)
    {
        var output = new StringWriter();
        var environment = Emulator.EnvironmentVariables();
        var code = await CliApp.RunAsync(new[] { "enroll", "--csv", Csv, "--policy", EmulatorSeed.PolicyId }.Concat(options).ToArray(),
            TextReader.Null, output, TextWriter.Null, name => environment.TryGetValue(name, out var value) ? value : null);
        return (code, output.ToString().Split('\n').First(line => line.StartsWith("enroll: ", StringComparison.Ordinal) && line.Contains(" rows in ", StringComparison.Ordinal)));
    }

    public void Dispose()
    {
        Emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }
}
