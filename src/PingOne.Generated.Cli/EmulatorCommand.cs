using System.CommandLine;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice emulator</c>: runs the local PingOne emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    private static readonly Option<int> Port = new("--port") { Description = "The loopback port to listen on.", DefaultValueFactory = _ => 8080 };
    private static readonly Option<bool> NoExtensions = new("--disable-phone-extensions") { Description = "Refuse devices with an extension, as PingOne does by default." };
    private static readonly Option<int?> RateLimit = new("--rate-limit") { Description = "API requests per second before 429 answers." };
    private static readonly Option<int> GeneratedUsers = new("--generated-users") { Description = "Users to add beside the seeded ones (00000000-0000-4000-8000-000000000000, ...), for bulk runs." };

    public static Command Build(CliContext cli)
    {
        var command = new Command("emulator", "Run a local PingOne MFA emulator on 127.0.0.1 until Ctrl+C.");
        command.Options.Add(Port);
        command.Options.Add(NoExtensions);
        command.Options.Add(RateLimit);
        command.Options.Add(GeneratedUsers);
        command.Options.Add(SettingsCommand.MaxDevices);
        command.SetAction((result, cancellationToken) => cli.GuardAsync(async () =>
        {
            var maxDevices = result.GetValue(SettingsCommand.MaxDevices);
            SettingsCommand.CheckMaxDevices(maxDevices);
            var options = new EmulatorOptions { PhoneExtensionsEnabled = !result.GetValue(NoExtensions), RateLimitPerSecond = result.GetValue(RateLimit), GeneratedUsers = result.GetValue(GeneratedUsers) };
            if (maxDevices is { } max) options.MaxDevicesPerUser = max;
            await using var emulator = await PingOneEmulator.StartAsync(options, result.GetValue(Port), cancellationToken).ConfigureAwait(false);
            await cli.Output.WriteLineAsync($"PingOne emulator listening on {emulator.BaseAddress}").ConfigureAwait(false);
            await cli.Output.WriteLineAsync("  " + string.Join(" ", emulator.EnvironmentVariables().Select(v => $"{v.Key}={v.Value}"))).ConfigureAwait(false);
            await cli.Output.WriteLineAsync($"  users {string.Join(", ", EmulatorSeed.UserIds)}; policy {EmulatorSeed.PolicyId}. Ctrl+C stops it.").ConfigureAwait(false);
            // Ends on Ctrl+C or SIGTERM (the emulator's host handles both) or when the command is cancelled.
            await emulator.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
