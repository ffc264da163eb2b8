using System.Diagnostics;
using System.Text;

namespace PingOne.Generated.IntegrationTests;

/// <summary>Runs a program (dotnet, git, python3) to completion in a folder and returns its exit code and merged output.</summary>
internal static class Command
{
    public static (int ExitCode, string Output) Run(string directory, string file, params string[] arguments) =>
        Run(directory, TimeSpan.FromMinutes(5), new Dictionary<string, string?>(), file, arguments);

    /// <summary>Runs a program with <paramref name="environment"/> set on top of this process's (a <see langword="null"/> value removes a variable), killed after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Run(string directory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host's MSBuild settings would point a nested build at the wrong SDK pieces.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout)) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
