using System.CommandLine;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice create</c>: creates a voice device and prints it as JSON.</summary>
internal static class CreateCommand
{
    private static readonly Option<string> Phone = new("--phone") { Description = "The phone number, in any accepted spelling, e.g. \"+1 (512) 555-1234\".", Required = true };
    private static readonly Option<string?> Extension = new("--extension") { Description = "The extension dialed after the call connects, e.g. 313#." };
    private static readonly Option<string?> Policy = new("--policy") { Description = "The device authentication policy id (with --emulator, defaults to the emulator's seed policy)." };
    private static readonly Option<string?> Nickname = new("--nickname") { Description = "A name the user sees for the device (at most 100 characters)." };
    private static readonly Option<string?> Status = new Option<string?>("--status") { Description = "ACTIVE (default for administrators) or ACTIVATION_REQUIRED." }.OneOf("ACTIVE", "ACTIVATION_REQUIRED");
    private static readonly Option<bool> TestMode = new("--test-mode") { Description = "Create the device in test mode." };

    public static Command Build(CliContext cli)
    {
        var command = new Command("create", "Create a voice MFA device for a user and print it as JSON.");
        foreach (var option in new Option[] { UserOptions.User, Phone, Extension, Policy, Nickname, Status, TestMode }.Concat(PhoneOptions.All).Concat(PingOneSettings.All))
            command.Options.Add(option);
        command.SetAction(cli.Action((result, cancellationToken) => RunAsync(result, cli, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliContext cli, CancellationToken cancellationToken)
    {
        // Every rule the client would apply, checked before the connection opens (and before an embedded emulator starts).
        var phone = PhoneOptions.From(result);
        if (!new PhoneNumberNormalizer(phone).TryNormalize(result.GetValue(Phone)!, result.GetValue(Extension), out _, out var invalid)) throw invalid!;
        if (DeviceRules.NicknameProblem(result.GetValue(Nickname), Nickname.Name) is { } nicknameProblem) throw new UsageException(nicknameProblem);
        if (result.GetValue(Policy) is { Length: > 0 } given) Ids.Require(given, Policy.Name);
        var settings = PingOneSettings.From(result, cli.Environment);
        await using var connection = await PingOneConnection.OpenAsync(settings, phone, cli, cancellationToken).ConfigureAwait(false);
        var userId = UserOptions.UserId(result, connection);
        var policyId = result.GetValue(Policy) is { Length: > 0 } policy ? policy.Trim()
            : connection.IsEmulated ? EmulatorSeed.PolicyId
            : throw new UsageException("--policy is required (it defaults to the emulator's seed policy only with --emulator).");
        var request = new CreateVoiceDeviceRequest
        {
            Phone = result.GetValue(Phone)!,
            Extension = result.GetValue(Extension),
            Policy = new DevicePolicyReference { Id = policyId },
            Nickname = result.GetValue(Nickname),
            TestMode = result.GetValue(TestMode) ? true : null,
            Status = result.GetValue(Status) switch
            {
                "ACTIVE" => DeviceCreationStatus.Active,
                "ACTIVATION_REQUIRED" => DeviceCreationStatus.ActivationRequired,
                _ => null,
            },
        };
        var device = await connection.Client.CreateVoiceDeviceAsync(connection.EnvironmentId, userId, request, cancellationToken).ConfigureAwait(false);
        await cli.WriteDataAsync(device).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
