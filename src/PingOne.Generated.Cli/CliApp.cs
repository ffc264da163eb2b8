using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>The <c>pingone-voice</c> command line, runnable in-process with any streams (tests do).</summary>
internal static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        var cli = new CliContext(input, output, error, environment);
        var root = new RootCommand("pingone-voice: enroll PingOne MFA voice devices. With no PingOne settings, runs against an embedded emulator.");
        root.Subcommands.Add(CreateCommand.Build(cli));
        root.Subcommands.Add(NormalizeCommand.Build(cli));
        foreach (var command in DeviceCommands.Build(cli)) root.Subcommands.Add(command);
        root.Subcommands.Add(EnrollCommand.Build(cli));
        root.Subcommands.Add(EmulatorCommand.Build(cli));
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
