using System.CommandLine;
using System.Globalization;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice emulator</c>: runs the local PingOne emulator until Ctrl+C, with the faults a test bench needs.</summary>
internal static class EmulatorCommand
{
    private static readonly Option<int> Port = NumberOptions.Int("--port", 0, 65535, "The loopback port to listen on (0: any free port).", 8080, "a TCP port from 0 to 65535 (0: any free port)");
    private static readonly Option<bool> NoExtensions = new("--disable-phone-extensions") { Description = "Refuse devices with an extension, as PingOne does by default." };
    private static readonly Option<int?> RateLimit = NumberOptions.OptionalInt("--rate-limit", 1, int.MaxValue, "API requests per second before 429 answers with Retry-After: 1.");
    private static readonly Option<int> GeneratedUsers = NumberOptions.Int("--generated-users", 0, int.MaxValue,
        "Users to add beside the seeded ones, for bulk runs: 00000000-0000-4000-8000-000000000000 and up (the last 12 digits count from 0). " +
        "Each has a profile, the same on every run: username user000042, email user000042@example.com (every 50th shares the email of the user before), " +
        "population Employees (every 4th Contractors), every 25th disabled, and by index % 20 a phone: 0-7 international mobilePhone (+1 in three spellings, +44), " +
        "8-10 national with address.countryCode (US, GB), 11-12 national without a country, 13-14 only primaryPhone, 15-16 none, 17-18 invalid, 19 both phones.", 0);
    private static readonly Option<double> ServerErrors = NumberOptions.Fraction("--server-errors", "Fraction (0 to 1) of API requests answered 500 before anything is done.");
    private static readonly Option<double> ServerErrorsAfterCreate = NumberOptions.Fraction("--server-errors-after-create", "Fraction (0 to 1) of device creations answered 500 after the device was created.");
    private static readonly Option<double> DroppedConnections = NumberOptions.Fraction("--dropped-connections", "Fraction (0 to 1) of API requests whose connection is dropped before anything is done.");
    private static readonly Option<double> LostAnswers = NumberOptions.Fraction("--lost-answers", "Fraction (0 to 1) of device creations whose answer is lost (connection dropped) after the device was created.");
    private static readonly Option<int> Latency = NumberOptions.Int("--latency", 0, int.MaxValue, "Milliseconds added before every API answer.", 0);
    private static readonly Option<int?> Seed = NumberOptions.OptionalInt("--seed", int.MinValue, int.MaxValue, "Seed of the fault dice, for repeatable runs.", "a whole number");

    public static Command Build(CliContext cli)
    {
        var command = new Command("emulator", "Run a local PingOne MFA emulator on 127.0.0.1 until Ctrl+C and print its settings for pingone-voice (PINGONE_*) and for the DI package (PingOne__*, appsettings.json); its state lives as long as the process. Fault options make it a test bench for retries and enrollment.");
        foreach (var option in new Option[] { Port, NoExtensions, SettingsCommand.MaxDevices, RateLimit, GeneratedUsers, ServerErrors, ServerErrorsAfterCreate, DroppedConnections, LostAnswers, Latency, Seed })
            command.Options.Add(option);
        command.SetAction(cli.Action(async (result, cancellationToken) =>
        {
            var options = Options(result);
            await using var emulator = await PingOneEmulator.StartAsync(options, result.GetValue(Port), cancellationToken).ConfigureAwait(false);
            foreach (var line in EmulatorBanner.Lines(emulator, options, Faults(options)))
                await cli.Output.WriteLineAsync(line).ConfigureAwait(false);
            // Ends on Ctrl+C or SIGTERM (the emulator's host handles both) or when the command is cancelled.
            await emulator.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static EmulatorOptions Options(ParseResult result)
    {
        // Every range is checked while parsing (NumberOptions), before the emulator starts.
        var maxDevices = result.GetValue(SettingsCommand.MaxDevices);
        return new EmulatorOptions
        {
            PhoneExtensionsEnabled = !result.GetValue(NoExtensions),
            MaxDevicesPerUser = maxDevices ?? MfaSettingsPairing.DefaultMaxAllowedDevices,
            RateLimitPerSecond = result.GetValue(RateLimit),
            GeneratedUsers = result.GetValue(GeneratedUsers),
            ServerErrorRate = result.GetValue(ServerErrors),
            ServerErrorAfterCreateRate = result.GetValue(ServerErrorsAfterCreate),
            DropConnectionRate = result.GetValue(DroppedConnections),
            LostAnswerAfterCreateRate = result.GetValue(LostAnswers),
            Latency = TimeSpan.FromMilliseconds(result.GetValue(Latency)),
            RandomSeed = result.GetValue(Seed),
        };
    }

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.##}%");

    private static string Faults(EmulatorOptions options) => string.Join(", ", new[]
    {
        options.RateLimitPerSecond is { } limit ? string.Create(CultureInfo.InvariantCulture, $"{limit} requests/s then 429") : null,
        options.ServerErrorRate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Percent(options.ServerErrorRate)} 500 before the write") : null,
        options.ServerErrorAfterCreateRate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Percent(options.ServerErrorAfterCreateRate)} of creates 500 after the write") : null,
        options.DropConnectionRate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Percent(options.DropConnectionRate)} connections dropped") : null,
        options.LostAnswerAfterCreateRate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Percent(options.LostAnswerAfterCreateRate)} of creates' answers lost after the write") : null,
        options.Latency > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $"{options.Latency.TotalMilliseconds:F0} ms latency") : null,
        options.RandomSeed is { } seed ? string.Create(CultureInfo.InvariantCulture, $"seed {seed}") : null,
    }.Where(part => part is not null));
}
