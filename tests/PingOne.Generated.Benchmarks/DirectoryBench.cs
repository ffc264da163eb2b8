using System.Diagnostics;
using System.Globalization;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Benchmarks;

/// <summary>
/// One run of <c>pingone-voice enroll</c> against an in-process emulator holding a generated directory: the command runs as
/// a process of its own (<c>dotnet pingone-voice.dll</c>), so its peak memory (the kernel's high-water mark of resident
/// memory, <c>VmHWM</c>) is the command's alone and not the emulator's, whose state grows with the directory.
/// </summary>
internal sealed class DirectoryBench : IDisposable
{
    private readonly string _folder;

    public DirectoryBench(int users, int? rateLimit)
    {
        Emulator = PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = users, RateLimitPerSecond = rateLimit }).GetAwaiter().GetResult();
        _folder = Directory.CreateTempSubdirectory("pingone-directory-bench-").FullName;
    }

    public PingOneEmulator Emulator { get; }

    public string Folder => _folder;

    /// <summary>Runs the command; returns its exit code, stderr, and peak resident memory in bytes.</summary>
    public (int Code, string Error, long PeakBytes) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        start.ArgumentList.Add(typeof(CliApp).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in Emulator.EnvironmentVariables()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        long peak = 0;
        while (!process.WaitForExit(50)) peak = Math.Max(peak, HighWaterMark(process.Id));
        process.WaitForExit();
        return (process.ExitCode, error.ToString(), peak);
    }

    /// <summary>The summary line of a run's stderr.</summary>
    public static string Summary(string error) =>
        error.Split('\n').Last(line => line.StartsWith("pingone-voice: enroll: ", StringComparison.Ordinal) && line.Contains(" s: created ", StringComparison.Ordinal)).Trim();

    /// <summary>A count from the summary, e.g. <c>Number(summary, "requests for ")</c> reads the number before those words.</summary>
    public static double NumberBefore(string summary, string words)
    {
        var end = summary.IndexOf(words, StringComparison.Ordinal);
        var start = summary.LastIndexOf(' ', end - 2) + 1;
        return double.Parse(summary[start..(end - 1)], CultureInfo.InvariantCulture);
    }

    /// <summary>The number right after <paramref name="words"/>.</summary>
    public static double NumberAfter(string summary, string words)
    {
        var start = summary.IndexOf(words, StringComparison.Ordinal) + words.Length;
        var end = start;
        while (end < summary.Length && (char.IsDigit(summary[end]) || summary[end] == '.')) end++;
        return double.Parse(summary[start..end].TrimEnd('.'), CultureInfo.InvariantCulture);
    }

    // VmHWM: the most resident memory the process has had (kB), kept by the kernel; 0 once the process is gone.
    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        Emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }
}
