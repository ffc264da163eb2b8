using System.CommandLine;
using PingOne.Generated.Cli.Doctor;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary>
/// <c>pingone-voice doctor</c>: checks a tenant step by step (settings and region, token, MFA settings, device policy, a user's
/// devices, and with <c>--write-test</c> a test device's life) and prints one line per check; docs/doctor.md.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>Some check found a problem (its line says what to do).</summary>
    public const int FoundProblems = 4;

    /// <summary>The phone number of the <c>--write-test</c> device: in the 555-0100..0199 range reserved for fiction; test mode places no call.</summary>
    public const string DefaultTestPhone = "+15125550100";

    /// <summary>The exit codes <c>doctor --help</c> lists.</summary>
    public static readonly string ExitCodeHelp = string.Join(System.Environment.NewLine,
        "Exit codes:",
        "  0  every check is ok",
        "  1  bad input or settings (usage, missing or unusable PingOne settings): nothing was sent",
        $"  {FoundProblems}  a check found a problem: its 'problem:' line says what to do",
        ExitCodes.Signals,
        string.Empty);

    private static readonly Option<string?> Policy = new("--policy") { Description = "The device authentication policy voice devices are created under: checked to exist and allow voice (with --emulator, defaults to the emulator's seed policy)." };
    private static readonly Option<bool> WriteTest = new("--write-test") { Description = "Also create a test-mode device for --user (no call is placed), read, rename, block, unblock and delete it; it is deleted even if a step fails." };
    private static readonly Option<string> TestPhone = new("--test-phone") { Description = $"The phone number of the --write-test device (default {DefaultTestPhone}, a fictional number).", DefaultValueFactory = _ => DefaultTestPhone };

    public static Command Build(CliContext cli)
    {
        var command = new Command("doctor", "Check a PingOne tenant step by step (settings, token, MFA settings, device policy, a user's devices; --write-test: a test device's life) and hold every answer against the spec; one line per check.");
        foreach (var option in new Option[] { UserOptions.User, Policy, WriteTest, TestPhone }.Concat(PhoneOptions.All).Concat(PingOneSettings.All)) command.Options.Add(option);
        // --output text|json is the root's, as for every command: text prints one line per check, json one document.
        command.SetAction(cli.Action((result, cancellationToken) => RunAsync(result, cli, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliContext cli, CancellationToken cancellationToken)
    {
        var settings = PingOneSettings.From(result, cli.Environment);
        var json = cli.JsonOutput;
        // The local rules, before anything is sent (or an emulator started).
        var givenUser = result.GetValue(UserOptions.User) is { Length: > 0 } user ? Ids.Require(user, "--user") : null;
        var givenPolicy = result.GetValue(Policy) is { Length: > 0 } policy ? Ids.Require(policy, "--policy") : null;
        var writeTest = result.GetValue(WriteTest);
        if (writeTest && !settings.UseEmulator && (givenUser is null || givenPolicy is null))
            throw new UsageException("--write-test needs --user <id> and --policy <id>: the test device is created for that user, under that policy");
        var testPhone = result.GetValue(TestPhone)!;
        var phone = PhoneOptions.From(result);
        if (writeTest && !new PhoneNumberNormalizer(phone).TryNormalize(testPhone, null, out _, out var invalid)) throw new UsageException(PhoneProblems.Describe(invalid!.Reason, "--test-phone", "--extension"));
        var report = new DoctorReport(json ? null : cli.Output);

        if (!settings.UseEmulator && !await SettingsAsync(settings, report).ConfigureAwait(false))
            return await FinishAsync(report, cli, json, ExitCodes.BadInput).ConfigureAwait(false);

        DoctorRecorder? recorder = null;
        await using var connection = await PingOneConnection.OpenAsync(settings, phone, cli, cancellationToken,
            observer: apiAddress => recorder = new DoctorRecorder(apiAddress)).ConfigureAwait(false);
        if (settings.UseEmulator) await report.OkAsync("settings", $"the embedded emulator, environment {connection.EnvironmentId} (API {connection.ApiAddress})").ConfigureAwait(false);

        var checks = new DoctorChecks(connection, recorder!, report, await SpecContract.LoadAsync().ConfigureAwait(false), TimeProvider.System);
        await checks.TokenAndMfaSettingsAsync(cancellationToken).ConfigureAwait(false);
        if (report.Findings.Any(f => f.Check == "token" && f.Status == "problem"))
            return await FinishAsync(report, cli, json, FoundProblems).ConfigureAwait(false); // nothing else can work without a token

        var policyId = givenPolicy ?? (connection.IsEmulated ? EmulatorSeed.PolicyId : null);
        if (policyId is null) await report.SkippedAsync("device policy", "give --policy <id> to check the policy voice devices are created under.").ConfigureAwait(false);
        else await checks.PolicyAsync(policyId, cancellationToken).ConfigureAwait(false);

        var userId = givenUser ?? (connection.IsEmulated ? EmulatorSeed.UserId : null);
        if (userId is null) await report.SkippedAsync("user devices", "give --user <id> to check that a user's devices can be listed (and --write-test to try a test device).").ConfigureAwait(false);
        else await checks.UserDevicesAsync(userId, cancellationToken).ConfigureAwait(false);

        if (writeTest) await checks.WriteTestAsync(userId!, policyId!, testPhone, cancellationToken).ConfigureAwait(false);
        return await FinishAsync(report, cli, json, report.HasProblems ? FoundProblems : ExitCodes.Ok).ConfigureAwait(false);
    }

    // Settings and region, before anything is sent: the same rules every command applies, said as a check.
    private static async Task<bool> SettingsAsync(PingOneSettings settings, DoctorReport report)
    {
        PingOneMfaClientOptions options;
        try
        {
            options = settings.ToClientOptions();
        }
        catch (PingOneConfigurationException error)
        {
            // Worded as every command words it (CliErrors, the one translation point), in options and variables.
            await report.ProblemAsync("settings", CliErrors.From(error, "doctor")!.Message).ConfigureAwait(false);
            return false;
        }
        var api = options.EffectiveApiBaseAddress;
        var auth = options.EffectiveAuthBaseAddress;
        // A custom API address in one PingOne region and an auth address in another: tokens of one region are refused by the other.
        if (PingOneDomain(api) is { } apiDomain && PingOneDomain(auth) is { } authDomain && apiDomain != authDomain)
        {
            await report.ProblemAsync("settings", $"the API ({api.Host}) and the authorization server ({auth.Host}) are in different PingOne regions: use the same region for both (--pingone-region / PINGONE_REGION, or matching --api-url and --auth-url).").ConfigureAwait(false);
            return false;
        }
        var credentials = options.AccessToken is not null ? "an access token you gave" : $"client credentials of worker app {options.ClientId}";
        await report.OkAsync("settings", $"environment {options.EnvironmentId}, region {options.Region.Code} (API {api}, auth {auth}), {credentials}").ConfigureAwait(false);
        return true;
    }

    // "pingone.eu" of api.pingone.eu / auth.pingone.eu; null for a custom domain or a local server.
    private static string? PingOneDomain(Uri address)
    {
        var host = address.Host.ToLowerInvariant();
        var at = host.IndexOf("pingone.", StringComparison.Ordinal);
        return at >= 0 && (host.StartsWith("api.", StringComparison.Ordinal) || host.StartsWith("auth.", StringComparison.Ordinal)) ? host.Substring(at) : null;
    }

    private static async Task<int> FinishAsync(DoctorReport report, CliContext cli, bool json, int exitCode)
    {
        if (json) await cli.WriteDataAsync(report.ToData()).ConfigureAwait(false);
        return exitCode;
    }
}
