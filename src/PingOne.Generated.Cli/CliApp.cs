using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PingOne.Generated.Cli;

/// <summary>The <c>pingone-voice</c> command line, runnable in-process with any streams (tests do).</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        IDisposable? telemetry;
        try
        {
            telemetry = Telemetry.TelemetrySwitch.StartIfAsked(environment);
        }
        catch (ArgumentException problem)
        {
            await error.WriteLineAsync("pingone-voice: " + problem.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        using (telemetry)
        {
            var root = Build(new CliContext(input, output, error, environment));
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The command tree; the commands that talk to PingOne are the ones carrying <c>--emulator</c>.</summary>
    public static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand("pingone-voice: create and enroll PingOne MFA voice devices. Give PingOne settings (PINGONE_* variables or options), or --emulator to run against an embedded emulator.");
        root.Subcommands.Add(CreateCommand.Build(cli));
        root.Subcommands.Add(NormalizeCommand.Build(cli));
        foreach (var command in DeviceCommands.Build(cli)) root.Subcommands.Add(command);
        root.Subcommands.Add(EnrollCommand.Build(cli));
        root.Subcommands.Add(SettingsCommand.Build(cli));
        root.Subcommands.Add(EmulatorCommand.Build(cli));
        root.Subcommands.Add(DoctorCommand.Build(cli));

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WithExitCodes((SynchronousCommandLineAction)help.Action!, command => command == root || TalksToPingOne(command));
        return root;
    }

    public static bool TalksToPingOne(Command command) => command.Options.Contains(PingOneSettings.Emulator);

    /// <summary>The usual help, then the exit codes for the commands they apply to.</summary>
    private sealed class WithExitCodes : SynchronousCommandLineAction
    {
        private readonly SynchronousCommandLineAction _help;
        private readonly Func<Command, bool> _listsExitCodes;

        public WithExitCodes(SynchronousCommandLineAction help, Func<Command, bool> listsExitCodes)
        {
            _help = help;
            _listsExitCodes = listsExitCodes;
        }

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = _help.Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            if (_listsExitCodes(command))
                (parseResult.InvocationConfiguration.Output ?? Console.Out).WriteLine(command.Name switch { "enroll" => EnrollCommand.ExitCodeHelp, "doctor" => DoctorCommand.ExitCodeHelp, _ => ExitCodes.Help });
            return code;
        }
    }
}
