using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice settings</c>: prints the environment's MFA settings, or changes some and prints the result.</summary>
internal static class SettingsCommand
{
    // A string, not a bool?: System.CommandLine leaves a word that is not a bool as a stray argument ("Unrecognized command or argument 'maybe'").
    private static readonly Option<string?> PhoneExtensions = new Option<string?>("--phone-extensions") { Description = "true or false: whether devices may have an extension (phoneExtensions.enabled)." }.OneOf("true", "false");
    /// <summary>The most devices a user may have; <c>emulator</c> takes the same option for the emulator's starting value.</summary>
    public static readonly Option<int?> MaxDevices = NumberOptions.OptionalInt("--max-devices", MfaSettingsPairing.MinAllowedDevices, MfaSettingsPairing.MaxAllowedDevicesLimit,
        "The most devices a user may have, 1 to 15 (pairing.maxAllowedDevices).");
    private static readonly Option<bool> Reset = new("--reset") { Description = "Reset the settings to PingOne's defaults (DELETE) and print the settings PingOne answers. Takes no change option." };

    public static Command Build(CliContext cli)
    {
        var command = new Command("settings", "Print the environment's MFA settings as JSON. With --phone-extensions or --max-devices: read them, change those, write them back (PUT) and print what PingOne stored. With --reset: reset them to PingOne's defaults (DELETE) and print the result.");
        command.Options.Add(PhoneExtensions);
        command.Options.Add(MaxDevices);
        command.Options.Add(Reset);
        foreach (var option in PingOneSettings.All) command.Options.Add(option);
        command.SetAction(cli.Action(async (result, cancellationToken) =>
        {
            var phoneExtensions = result.GetValue(PhoneExtensions) is { } text ? text == "true" : (bool?)null;
            var maxDevices = result.GetValue(MaxDevices);
            var reset = result.GetValue(Reset);
            if (reset && (phoneExtensions is not null || maxDevices is not null))
                throw new UsageException("--reset takes neither --phone-extensions nor --max-devices: it restores PingOne's defaults.");
            await using var connection = await PingOneConnection.OpenAsync(PingOneSettings.From(result, cli.Environment), new PhoneNormalizationOptions(), cli, cancellationToken).ConfigureAwait(false);
            var settings = reset
                ? await connection.Client.ResetMfaSettingsAsync(connection.EnvironmentId, cancellationToken).ConfigureAwait(false)
                : await connection.Client.GetMfaSettingsAsync(connection.EnvironmentId, cancellationToken).ConfigureAwait(false);
            if (phoneExtensions is not null || maxDevices is not null)
            {
                if (phoneExtensions is { } enabled) (settings.PhoneExtensions ??= new MfaSettingsPhoneExtensions()).Enabled = enabled;
                if (maxDevices is { } max) (settings.Pairing ??= new MfaSettingsPairing()).MaxAllowedDevices = max;
                settings = await connection.Client.UpdateMfaSettingsAsync(connection.EnvironmentId, settings, cancellationToken).ConfigureAwait(false);
            }
            await cli.WriteDataAsync(settings).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
