using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PingOne.Generated.Cli;

/// <summary>The <c>pingone-voice</c> command line, runnable in-process with any streams (tests do).</summary>
internal static class CliApp
{
    /// <param name="args">The arguments.</param>
    /// <param name="input">stdin.</param>
    /// <param name="output">stdout: data only.</param>
    /// <param name="error">stderr: notes, progress, failures.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="cancellationToken">The caller's cancellation, taken as Ctrl+C.</param>
    /// <param name="listenToSignals">Handle the process's SIGINT and SIGTERM (the installed tool does; in-process runs do not).</param>
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, Func<string, string?> environment,
        CancellationToken cancellationToken = default, bool listenToSignals = false)
    {
        using var interruption = new Interruption(cancellationToken, listenToSignals);
        var cli = new CliContext(input, output, error, environment, interruption);
        var parsed = Build(cli).Parse(args);
        // System.CommandLine would print every parse error and the whole help on stdout: one line on stderr instead.
        if (parsed.Errors.Count > 0 && parsed.Action is not { ClearsParseErrors: true })
            return await ParseErrors.ReportAsync(parsed, cli).ConfigureAwait(false);
        // Ctrl+C and SIGTERM are the Interruption's (enroll finishes what is in flight), not System.CommandLine's.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The command tree; the commands that talk to PingOne are the ones carrying <c>--emulator</c>.</summary>
    public static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand("pingone-voice: create and enroll PingOne MFA voice devices. Give PingOne settings (PINGONE_* variables or options), or --emulator to run against an embedded emulator.");
        root.Options.Add(OutputOptions.Format);
        root.Subcommands.Add(CreateCommand.Build(cli));
        root.Subcommands.Add(NormalizeCommand.Build(cli));
        foreach (var command in DeviceCommands.Build(cli)) root.Subcommands.Add(command);
        root.Subcommands.Add(EnrollCommand.Build(cli));
        root.Subcommands.Add(SettingsCommand.Build(cli));
        root.Subcommands.Add(EmulatorCommand.Build(cli));

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithExitCodesAndExamples((SynchronousCommandLineAction)help.Action!, command => command == root || TalksToPingOne(command));
        return root;
    }

    public static bool TalksToPingOne(Command command) => command.Options.Contains(PingOneSettings.Emulator);

    /// <summary>The usual help, then the exit codes for the commands they apply to, then examples.</summary>
    private sealed class WithExitCodesAndExamples : SynchronousCommandLineAction
    {
        private readonly SynchronousCommandLineAction _help;
        private readonly Func<Command, bool> _listsExitCodes;

        public WithExitCodesAndExamples(SynchronousCommandLineAction help, Func<Command, bool> listsExitCodes)
        {
            _help = help;
            _listsExitCodes = listsExitCodes;
        }

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = _help.Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            var output = parseResult.InvocationConfiguration.Output ?? Console.Out;
            if (_listsExitCodes(command))
                output.WriteLine(command.Name == "enroll" ? EnrollCommand.ExitCodeHelp : ExitCodes.Help);
            if (HelpExamples.For(command) is { } examples) output.WriteLine(examples);
            return code;
        }
    }
}
