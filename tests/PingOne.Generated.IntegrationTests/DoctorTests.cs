using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary><c>pingone-voice doctor</c> run in-process against emulators that are healthy, deny operations, or drift from the spec.</summary>
public class DoctorTests
{
    private static readonly string[] Targets = { "--policy", EmulatorSeed.PolicyId, "--user", EmulatorSeed.UserId };

    private static Task<CliRun> DoctorAsync(PingOneEmulator emulator, params string[] args) =>
        Cli.RunAsync(new[] { "doctor" }.Concat(args).ToArray(), environment: emulator.EnvironmentVariables());

    private static string[] Lines(CliRun run) => run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Test]
    public async Task AgainstTheEmbeddedEmulator_WithWriteTest_EveryCheckIsOk_ExitZero_AndTheTestDeviceIsGone()
    {
        var run = await Cli.RunAsync(new[] { "doctor", "--emulator", "--write-test" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        var lines = Lines(run);
        Assert.That(lines, Has.All.StartWith("ok: "), run.Output);
        Assert.That(lines.Select(l => l.Split(':')[1].Trim()), Is.EqualTo(new[]
        {
            "settings", "token", "mfa settings", "device policy", "user devices",
            "write test", "write test", "write test", "write test", "write test", "write test",
        }));
        Assert.That(run.Output, Does.Contain("ok: token: a JWT for environment " + EmulatorSeed.EnvironmentId + ", valid until "));
        Assert.That(run.Output, Does.Contain("lifetime 60 min"));
        foreach (var step in new[] { "create", "read", "rename", "block", "unblock", "delete" }) Assert.That(run.Output, Does.Contain($"ok: write test: {step}: "));
        Assert.That(run.Output, Does.Not.Contain("5550100"), "the test device's phone number is never printed");
    }

    [Test]
    public async Task AgainstAnEmulatorByItsVariables_AllOk_AndTheWriteTestLeavesNoDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var run = await DoctorAsync(emulator, Targets.Append("--write-test").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(Lines(run), Has.All.StartWith("ok: "), run.Output);
        Assert.That(run.Output, Does.Contain("ok: settings: environment " + EmulatorSeed.EnvironmentId + ", region NA"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
        Assert.That(run.Error, Is.Empty, "a person's messages go to stderr, and there are none");
    }

    [Test]
    public async Task DeniedMfaSettingsRead_IsAProblemNamingTheOperationAndThePermission_ExitFour()
    {
        var options = new EmulatorOptions();
        options.DeniedOperations.Add("getMfaSettings");
        await using var emulator = await PingOneEmulator.StartAsync(options);

        var run = await DoctorAsync(emulator, Targets);

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        var problems = Lines(run).Where(l => l.StartsWith("problem:", StringComparison.Ordinal)).ToList();
        Assert.That(problems, Has.Count.EqualTo(1), run.Output);
        Assert.That(problems[0], Does.StartWith("problem: mfa settings: PingOne refused getMfaSettings (403 ACCESS_FAILED): the worker app lacks the permission. Give it a role that may read the environment's MFA settings"));
        Assert.That(run.Output, Does.Contain("ok: device policy: "), "the other checks still run");
        Assert.That(run.Output, Does.Contain("ok: user devices: "));
    }

    [TestCase("listDevices", "user devices")]
    [TestCase("blockDevice", "write test: block")]
    public async Task DeniedDeviceOperation_NamesTheIdentityDataAdminRole(string operation, string check)
    {
        var options = new EmulatorOptions();
        options.DeniedOperations.Add(operation);
        await using var emulator = await PingOneEmulator.StartAsync(options);

        var run = await DoctorAsync(emulator, Targets.Append("--write-test").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        Assert.That(run.Output, Does.Contain($"problem: {check}: PingOne refused {operation} (403 ACCESS_FAILED): the worker app lacks the permission. Give it the Identity Data Admin role"));
    }

    [Test]
    public async Task WriteTest_WhoseBlockIsDenied_StillDeletesTheTestDevice_AndSaysSo()
    {
        var options = new EmulatorOptions();
        options.DeniedOperations.Add("blockDevice");
        await using var emulator = await PingOneEmulator.StartAsync(options);

        var run = await DoctorAsync(emulator, Targets.Append("--write-test").ToArray());

        Assert.That(run.Output, Does.Contain("problem: write test: block: "));
        Assert.That(run.Output, Does.Not.Contain("write test: unblock"), "the steps after a failed one are not tried");
        Assert.That(run.Output, Does.Contain("ok: write test: cleanup: deleted test device "));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
    }

    [Test]
    public async Task WriteTest_WhoseCreateAnswerIsLost_FindsTheTestDeviceByItsNickname_AndDeletesIt()
    {
        // The device is created, then the connection drops: the client never learns its id.
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { LostAnswerAfterCreateRate = 1 });

        var run = await DoctorAsync(emulator, Targets.Append("--write-test").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        Assert.That(run.Output, Does.Contain("problem: write test: create: "));
        Assert.That(run.Output, Does.Contain("ok: write test: cleanup: deleted test device "));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
    }

    [Test]
    public async Task CtrlCDuringTheWriteTest_StillDeletesTheTestDevice_AndExits130()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(200) });
        using var ctrlC = new CancellationTokenSource();

        var running = Cli.RunAsync(new[] { "doctor" }.Concat(Targets).Append("--write-test").ToArray(), environment: emulator.EnvironmentVariables(), cancellationToken: ctrlC.Token);
        while (emulator.DevicesOf(EmulatorSeed.UserId).Count == 0 && !running.IsCompleted) await Task.Delay(5);
        ctrlC.Cancel(); // the first Ctrl+C, as an in-process run takes the caller's cancellation
        var run = await running;

        Assert.That(run.ExitCode, Is.EqualTo(130), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("ok: write test: cleanup: deleted test device "));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
    }

    [Test]
    public async Task DriftingAnswers_AreProblemsNamingTheSpecPathToChange_OncePerPath_AndTheDroppedOptionalPropertyIsNone()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { AnswerDrift = new EmulatorAnswerDrift() });
        emulator.AddDeviceOfType(EmulatorSeed.UserId, "SMS");
        emulator.AddDeviceOfType(EmulatorSeed.UserId, "EMAIL");

        var run = await DoctorAsync(emulator, Targets.Append("--write-test").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        var drift = Lines(run).Where(l => l.StartsWith("problem: drift:", StringComparison.Ordinal)).ToList();
        Assert.That(drift, Has.Some.EqualTo("problem: drift: getMfaSettings answer, riskScore: PingOne sends 'riskScore', which the spec does not declare. Change #/components/schemas/MfaSettings/properties/riskScore in openapi/pingone-mfa-devices.yaml and regenerate."));
        Assert.That(drift, Has.Some.Contains("#/components/schemas/DeviceAuthenticationPolicy/properties/riskScore"));
        Assert.That(drift, Has.Some.Contains("#/components/schemas/DeviceCollection/properties/riskScore"));
        Assert.That(drift, Has.Some.Contains("_embedded.devices[0].riskScore").And.Contains("#/components/schemas/VoiceDevice/properties/riskScore"));
        Assert.That(drift, Has.Some.Contains("#/components/schemas/DeviceNickname/properties/riskScore"));
        Assert.That(drift.Count(l => l.Contains("#/components/schemas/VoiceDevice/properties/riskScore", StringComparison.Ordinal)), Is.EqualTo(1), "one line per spec path, however many answers show it");
        Assert.That(run.Output, Does.Not.Contain("updatedAt"), "an optional property the answer leaves out is not drift");
        Assert.That(run.Output, Does.Contain("ok: write test: delete: deleted"), "the client reads drifting answers");
    }

    [Test]
    public async Task AnAnswerWithoutARequiredProperty_IsDriftAtTheSchemasRequiredList()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { AnswerDrift = new EmulatorAnswerDrift { DroppedProperty = "id" } });

        var run = await DoctorAsync(emulator, "--policy", EmulatorSeed.PolicyId);

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        Assert.That(run.Output, Does.Contain("problem: drift: readDeviceAuthenticationPolicy answer, id: the spec requires 'id', which PingOne did not send. Change #/components/schemas/DeviceAuthenticationPolicy/required in openapi/pingone-mfa-devices.yaml and regenerate."));
        Assert.That(run.Output, Does.Contain("problem: device policy: readDeviceAuthenticationPolicy: PingOne's answer could not be read as the spec describes it"));
        Assert.That(run.Output, Does.Contain("skipped: user devices: give --user"));
    }

    [Test]
    public async Task UnknownPolicy_IsAProblemSayingWhereToLook()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var unknown = Guid.NewGuid().ToString();

        var run = await DoctorAsync(emulator, "--policy", unknown);

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        Assert.That(run.Output, Does.Contain($"problem: device policy: no device authentication policy {unknown} in environment {EmulatorSeed.EnvironmentId}: check --policy"));
    }

    [Test]
    public async Task ATokenFromAnotherEnvironment_IsAProblem_AndNothingElseIsChecked()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var other = Guid.NewGuid().ToString();
        var variables = emulator.EnvironmentVariables().Where(v => v.Key is not ("PINGONE_CLIENT_ID" or "PINGONE_CLIENT_SECRET")).ToDictionary(v => v.Key, v => v.Value);
        variables["PINGONE_ACCESS_TOKEN"] = Jwt(new JObject { ["env"] = other, ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });

        var run = await Cli.RunAsync(new[] { "doctor" }.Concat(Targets).ToArray(), environment: variables);

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        Assert.That(Lines(run), Has.Length.EqualTo(2), run.Output);
        Assert.That(Lines(run)[0], Does.StartWith("ok: settings: environment " + EmulatorSeed.EnvironmentId).And.EndWith("an access token you gave"));
        Assert.That(Lines(run)[1], Is.EqualTo($"problem: token: the access token was issued in environment {other}, but the settings name {EmulatorSeed.EnvironmentId}: set PINGONE_ENVIRONMENT_ID / --environment to the worker app's environment, or use credentials of a worker app in {EmulatorSeed.EnvironmentId}."));
        Assert.That(run.Output + run.Error, Does.Not.Contain(variables["PINGONE_ACCESS_TOKEN"]), "the token is never printed");
    }

    [TestCase("not-a-jwt", "the access token is not a JWT")]
    [TestCase("expired", "the access token expired at ")]
    [TestCase("no-env", "the access token has no env claim")]
    public async Task AnUnusableAccessToken_IsAProblemSayingWhy(string kind, string expected)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var variables = emulator.EnvironmentVariables().Where(v => v.Key is not ("PINGONE_CLIENT_ID" or "PINGONE_CLIENT_SECRET")).ToDictionary(v => v.Key, v => v.Value);
        var now = DateTimeOffset.UtcNow;
        variables["PINGONE_ACCESS_TOKEN"] = kind switch
        {
            "not-a-jwt" => "opaque0123456789",
            "expired" => Jwt(new JObject { ["env"] = EmulatorSeed.EnvironmentId, ["iat"] = now.AddHours(-2).ToUnixTimeSeconds(), ["exp"] = now.AddHours(-1).ToUnixTimeSeconds() }),
            _ => Jwt(new JObject { ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddHours(1).ToUnixTimeSeconds() }),
        };

        var run = await Cli.RunAsync(new[] { "doctor" }, environment: variables);

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        Assert.That(Lines(run).Last(), Does.StartWith("problem: token: " + expected));
    }

    [Test]
    public async Task WrongClientSecret_IsATokenProblemWithTheOAuthErrorCode_AndNoSecret()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var variables = emulator.EnvironmentVariables().ToDictionary(v => v.Key, v => v.Value);
        variables["PINGONE_CLIENT_SECRET"] = "wrong-secret-value";

        var run = await Cli.RunAsync(new[] { "doctor" }, environment: variables);

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        Assert.That(Lines(run).Last(), Does.StartWith("problem: token: PingOne refused the token request (401 invalid_client): check PINGONE_CLIENT_ID"));
        Assert.That(run.Output + run.Error, Does.Not.Contain("wrong-secret-value"));
    }

    [Test]
    public async Task OutputJson_IsOneDocumentWithEveryCheck_AndNoLines()
    {
        var options = new EmulatorOptions();
        options.DeniedOperations.Add("listDevices");
        await using var emulator = await PingOneEmulator.StartAsync(options);

        var run = await DoctorAsync(emulator, Targets.Append("--output").Append("json").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output);
        var document = JObject.Parse(run.Output);
        Assert.That(document["ok"]!.Value<bool>(), Is.False);
        var checks = (JArray)document["checks"]!;
        Assert.That(checks.Select(c => (string)c["check"]!), Is.EqualTo(new[] { "settings", "token", "mfa settings", "device policy", "user devices" }));
        var denied = checks.Single(c => (string)c["status"]! == "problem");
        Assert.That((string)denied["operation"]!, Is.EqualTo("listDevices"));
        Assert.That((string)denied["message"]!, Does.Contain("Identity Data Admin"));
    }

    [Test]
    public async Task ApiAndAuthInDifferentRegions_IsASettingsProblem_ExitOne_BeforeAnythingIsSent()
    {
        var run = await Cli.RunAsync(new[] { "doctor", "--environment", EmulatorSeed.EnvironmentId, "--client-id", "c", "--client-secret", "s",
            "--api-url", "https://api.pingone.eu/v1", "--auth-url", "https://auth.pingone.com" });

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(Lines(run), Is.EqualTo(new[] { "problem: settings: the API (api.pingone.eu) and the authorization server (auth.pingone.com) are in different PingOne regions: use the same region for both (--pingone-region / PINGONE_REGION, or matching --api-url and --auth-url)." }));
    }

    [TestCase("--user")]
    [TestCase("--policy")]
    public async Task WriteTestWithoutUserOrPolicy_IsAUsageError_ExitOne_BeforeAnythingIsSent(string missing)
    {
        var args = new List<string> { "doctor", "--write-test", "--environment", EmulatorSeed.EnvironmentId, "--client-id", "c", "--client-secret", "s" };
        if (missing != "--user") args.AddRange(new[] { "--user", EmulatorSeed.UserId });
        if (missing != "--policy") args.AddRange(new[] { "--policy", EmulatorSeed.PolicyId });

        var run = await Cli.RunAsync(args.ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.Trim(), Is.EqualTo("pingone-voice: --write-test needs --user <id> and --policy <id>: the test device is created for that user, under that policy. See 'pingone-voice doctor --help'."));
    }

    [Test]
    public async Task ATestPhoneThatIsNotAPhoneNumber_IsAUsageErrorNamingTheOption_BeforeAnythingIsSent()
    {
        var run = await Cli.RunAsync(new[] { "doctor", "--emulator", "--write-test", "--test-phone", "+1 12" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.Trim(), Does.StartWith("pingone-voice: --test-phone"));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"), "refused before the emulator starts");
    }

    [TestCase("--user", "b30ac647")]
    [TestCase("--policy", "not-an-id")]
    public async Task AnIdThatIsNotAUuid_IsAUsageError_BeforeAnythingIsSent(string option, string value)
    {
        var run = await Cli.RunAsync(new[] { "doctor", "--emulator", option, value });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.Trim(), Is.EqualTo($"pingone-voice: {option} must be a PingOne id: a UUID such as 5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d. See 'pingone-voice doctor --help'."));
    }

    [Test]
    public async Task Help_ListsTheDoctorsExitCodes()
    {
        var run = await Cli.RunAsync(new[] { "doctor", "--help" });

        Assert.That(run.Output, Does.Contain("  4  a check found a problem"));
    }

    private static string Jwt(JObject claims)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("{\"alg\":\"RS256\",\"kid\":\"test\"}") + "." + Part(claims.ToString(Newtonsoft.Json.Formatting.None)) + ".c2lnbmF0dXJl";
    }
}
