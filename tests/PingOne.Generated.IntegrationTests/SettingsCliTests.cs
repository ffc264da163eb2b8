using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary><c>pingone-voice settings</c>: read, change, reset, exit codes.</summary>
public class SettingsCliTests
{
    [Test]
    public async Task Settings_WithTheEmulator_PrintsTheSettingsAsJson()
    {
        var run = await Cli.RunAsync(new[] { "settings", "--emulator" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var settings = JObject.Parse(run.Output);
        Assert.That((int)settings["pairing"]!["maxAllowedDevices"]!, Is.EqualTo(5));
        Assert.That((bool)settings["phoneExtensions"]!["enabled"]!, Is.True, "the emulator's default");
        Assert.That((string?)settings["environment"]!["id"], Is.EqualTo(EmulatorSeed.EnvironmentId));
    }

    [Test]
    public async Task Settings_WithChanges_ReadsChangesAndPuts_ThenPrintsTheResult_AndTheServerKeepsIt()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var environment = emulator.EnvironmentVariables();

        var change = await Cli.RunAsync(new[] { "settings", "--phone-extensions", "false", "--max-devices", "7" }, environment: environment);
        var read = await Cli.RunAsync(new[] { "settings" }, environment: environment);

        Assert.That(change.ExitCode, Is.EqualTo(0), change.Error);
        Assert.That(read.ExitCode, Is.EqualTo(0), read.Error);
        foreach (var output in new[] { change.Output, read.Output })
        {
            var settings = JObject.Parse(output);
            Assert.That((int)settings["pairing"]!["maxAllowedDevices"]!, Is.EqualTo(7));
            Assert.That((bool)settings["phoneExtensions"]!["enabled"]!, Is.False);
            Assert.That((int)settings["lockout"]!["failureCount"]!, Is.EqualTo(5), "what was not changed is written back as read");
        }
        var refused = Assert.CatchAsync<PingOneException>(async () =>
        {
            using var client = new PingOneMfaClient(emulator.ClientOptions());
            await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#"));
        });
        Assert.That(refused!.Status, Is.EqualTo(400), "the create after the CLI's change obeys it");
    }

    // The CLI reads, changes one thing and writes everything back: a device selection set elsewhere survives.
    [Test]
    public async Task Settings_WithAChange_KeepsTheDeviceSelection()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var settings = await client.GetMfaSettingsAsync(EmulatorSeed.EnvironmentId);
        settings.Authentication!.DeviceSelection = MfaSettingsAuthentication.AlwaysDisplayDevices;
        await client.UpdateMfaSettingsAsync(EmulatorSeed.EnvironmentId, settings);

        var change = await Cli.RunAsync(new[] { "settings", "--max-devices", "7" }, environment: emulator.EnvironmentVariables());
        var read = await client.GetMfaSettingsAsync(EmulatorSeed.EnvironmentId);

        Assert.That(change.ExitCode, Is.EqualTo(0), change.Error);
        Assert.That((string?)JObject.Parse(change.Output)["authentication"]?["deviceSelection"], Is.EqualTo("ALWAYS_DISPLAY_DEVICES"));
        Assert.That((read.Authentication?.DeviceSelection, read.Pairing?.MaxAllowedDevices), Is.EqualTo(("ALWAYS_DISPLAY_DEVICES", 7)));
    }

    [Test]
    public async Task Reset_PrintsTheDefaults_AndTheServerKeepsThem()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 4, PhoneExtensionsEnabled = false });
        var environment = emulator.EnvironmentVariables();
        var change = await Cli.RunAsync(new[] { "settings", "--max-devices", "9", "--phone-extensions", "true" }, environment: environment);

        var reset = await Cli.RunAsync(new[] { "settings", "--reset" }, environment: environment);
        var read = await Cli.RunAsync(new[] { "settings" }, environment: environment);

        Assert.That(change.ExitCode, Is.EqualTo(0), change.Error);
        Assert.That(reset.ExitCode, Is.EqualTo(0), reset.Error);
        foreach (var output in new[] { reset.Output, read.Output })
        {
            var settings = JObject.Parse(output);
            Assert.That((int)settings["pairing"]!["maxAllowedDevices"]!, Is.EqualTo(4), "the emulator's start value, not the 9 set before");
            Assert.That((bool)settings["phoneExtensions"]!["enabled"]!, Is.False);
        }
    }

    [TestCase("--max-devices", "9")]
    [TestCase("--phone-extensions", "true")]
    public async Task Reset_WithAChangeOption_ExitsOne_AndChangesNothing(string option, string value)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var settings = await client.GetMfaSettingsAsync(EmulatorSeed.EnvironmentId);
        settings.Pairing!.MaxAllowedDevices = 6;
        await client.UpdateMfaSettingsAsync(EmulatorSeed.EnvironmentId, settings);

        var run = await Cli.RunAsync(new[] { "settings", "--reset", option, value }, environment: emulator.EnvironmentVariables());

        Assert.That((run.ExitCode, run.Output), Is.EqualTo((1, string.Empty)));
        Assert.That(run.Error.Trim(), Is.EqualTo("pingone-voice: --reset takes neither --phone-extensions nor --max-devices: it restores PingOne's defaults. See 'pingone-voice settings --help'."));
        Assert.That((await client.GetMfaSettingsAsync(EmulatorSeed.EnvironmentId)).Pairing?.MaxAllowedDevices, Is.EqualTo(6), "not reset");
    }

    [TestCase("16")]
    [TestCase("0")]
    public async Task MaxDevicesOutsideOneToFifteen_ExitsOne_AndChangesNothing(string max)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 4 });

        var run = await Cli.RunAsync(new[] { "settings", "--max-devices", max }, environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.Trim(), Is.EqualTo($"pingone-voice: --max-devices must be a whole number from 1 to 15; got '{max}'. See 'pingone-voice settings --help'."));
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        Assert.That((await client.GetMfaSettingsAsync(EmulatorSeed.EnvironmentId)).Pairing?.MaxAllowedDevices, Is.EqualTo(4));
    }

    [Test]
    public async Task PhoneExtensionsNotABoolean_IsAUsageError_ExitOne()
    {
        var run = await Cli.RunAsync(new[] { "settings", "--emulator", "--phone-extensions", "maybe" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim(), Is.EqualTo("pingone-voice: --phone-extensions must be true or false; got 'maybe'. See 'pingone-voice settings --help'."));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"), "nothing was started");
    }

    [Test]
    public async Task WithNeitherSettingsNorEmulator_ExitsOne_NamingTheSettings()
    {
        var run = await Cli.RunAsync(new[] { "settings", "--max-devices", "3" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.StartWith("pingone-voice: No PingOne settings given").And.Contain("--emulator"));
    }

    [Test]
    public async Task RefusedByPingOne_ExitsTwo()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var environment = new Dictionary<string, string>(emulator.EnvironmentVariables()) { ["PINGONE_CLIENT_SECRET"] = "wrong" };

        var run = await Cli.RunAsync(new[] { "settings" }, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task Help_ListsTheOptions_AndTheExitCodes()
    {
        var run = await Cli.RunAsync(new[] { "settings", "--help" });

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("--phone-extensions").And.Contain("--max-devices").And.Contain("--reset").And.Contain("--emulator").And.Contain("Exit codes:"));
    }
}
