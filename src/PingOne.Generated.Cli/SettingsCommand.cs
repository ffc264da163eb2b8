using System.CommandLine;
using Newtonsoft.Json;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice settings</c>: prints the environment's MFA settings, or changes some and prints the result.</summary>
internal static class SettingsCommand
{
    private static readonly Option<bool?> PhoneExtensions = new("--phone-extensions") { HelpName = "true|false", Description = "true or false: whether devices may have an extension (phoneExtensions.enabled)." };
    /// <summary>The most devices a user may have; <c>emulator</c> takes the same option for the emulator's starting value.</summary>
    public static readonly Option<int?> MaxDevices = new("--max-devices") { HelpName = "1-15", Description = "The most devices a user may have, 1 to 15 (pairing.maxAllowedDevices)." };
    private static readonly Option<bool> Reset = new("--reset") { Description = "Reset the settings to PingOne's defaults (DELETE) and print the settings PingOne answers. Takes no change option." };

    public static Command Build(CliContext cli)
    {
        var command = new Command("settings", "Print the environment's MFA settings as JSON. With --phone-extensions or --max-devices: read them, change those, write them back (PUT) and print what PingOne stored. With --reset: reset them to PingOne's defaults (DELETE) and print the result.");
        command.Options.Add(PhoneExtensions);
        command.Options.Add(MaxDevices);
        command.Options.Add(Reset);
        foreach (var option in PingOneSettings.All) command.Options.Add(option);
        command.SetAction((result, cancellationToken) => cli.GuardAsync(async () =>
        {
            var phoneExtensions = result.GetValue(PhoneExtensions);
            var maxDevices = result.GetValue(MaxDevices);
            var reset = result.GetValue(Reset);
            // Checked before anything is started or sent, with the client's own rule.
            CheckMaxDevices(maxDevices);
            if (reset && (phoneExtensions is not null || maxDevices is not null))
                throw new ArgumentException("--reset takes neither --phone-extensions nor --max-devices: it restores PingOne's defaults.");
            await using var connection = await PingOneConnection.OpenAsync(PingOneSettings.From(result, cli.Environment), new PhoneNormalizationOptions(), cli.Error, cancellationToken).ConfigureAwait(false);
            var settings = reset
                ? await connection.Client.ResetMfaSettingsAsync(connection.EnvironmentId, cancellationToken).ConfigureAwait(false)
                : await connection.Client.GetMfaSettingsAsync(connection.EnvironmentId, cancellationToken).ConfigureAwait(false);
            if (phoneExtensions is not null || maxDevices is not null)
            {
                if (phoneExtensions is { } enabled) (settings.PhoneExtensions ??= new MfaSettingsPhoneExtensions()).Enabled = enabled;
                if (maxDevices is { } max) (settings.Pairing ??= new MfaSettingsPairing()).MaxAllowedDevices = max;
                settings = await connection.Client.UpdateMfaSettingsAsync(connection.EnvironmentId, settings, cancellationToken).ConfigureAwait(false);
            }
            await cli.Output.WriteLineAsync(JsonConvert.SerializeObject(settings, CliContext.Json)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Refuses a <c>--max-devices</c> outside 1 to 15 (the client's own rule) with a usage error, exit 1.</summary>
    public static void CheckMaxDevices(int? maxDevices)
    {
        if (maxDevices is < MfaSettingsPairing.MinAllowedDevices or > MfaSettingsPairing.MaxAllowedDevicesLimit)
            throw new ArgumentException($"--max-devices must be between {MfaSettingsPairing.MinAllowedDevices} and {MfaSettingsPairing.MaxAllowedDevicesLimit}; it is {maxDevices}.");
    }
}
