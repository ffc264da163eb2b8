using System.Text.RegularExpressions;
using PingOne.Generated.Emulator;
using PingOne.Generated.Tests.Telemetry;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// <c>pingone-voice doctor</c> with the client's telemetry listened to: the drift doctor reports (NJsonSchema over the spec) and
/// the drift the client counts (<c>pingone.client.schema_drift</c>) name the same schemas and properties, and a healthy run counts none.
/// </summary>
[NonParallelizable] // the listeners hear every client in the process
public class DoctorTelemetryTests
{
    private static readonly string[] Targets = { "--policy", EmulatorSeed.PolicyId, "--user", EmulatorSeed.UserId, "--write-test" };

    private static HashSet<string> ClientDrift(TelemetryCapture telemetry) =>
        telemetry.Of("pingone.client.schema_drift").Select(m => $"{m.Tag("pingone.model")}.{m.Tag("pingone.property")} {m.Tag("pingone.drift.kind")}").ToHashSet();

    [Test]
    public async Task DoctorAgainstADriftingEmulator_ReportsTheSameSchemasAndPropertiesTheClientCounts()
    {
        using var telemetry = new TelemetryCapture();
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { AnswerDrift = new EmulatorAnswerDrift() });
        emulator.AddDeviceOfType(EmulatorSeed.UserId, "SMS");

        var run = await Cli.RunAsync(new[] { "doctor" }.Concat(Targets).ToArray(), environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(4), run.Output + run.Error);
        var reported = Regex.Matches(run.Output, @"^problem: drift: .*#/components/schemas/(\w+)/properties/(\w+) ", RegexOptions.Multiline)
            .Select(m => $"{m.Groups[1].Value}.{m.Groups[2].Value} undeclared").ToHashSet();
        Assert.That(reported, Is.EquivalentTo(new[]
        {
            "MfaSettings.riskScore undeclared", "DeviceAuthenticationPolicy.riskScore undeclared", "DeviceCollection.riskScore undeclared",
            "VoiceDevice.riskScore undeclared", "DeviceNickname.riskScore undeclared",
        }), run.Output);
        Assert.That(ClientDrift(telemetry), Is.EquivalentTo(reported), "the client counts what doctor reports, no more");
        Assert.That(telemetry.Activities.Select(a => a.DisplayName), Is.SupersetOf(new[]
        {
            "PingOne get-mfa-settings", "PingOne read-device-authentication-policy", "PingOne list-devices", "PingOne create-voice-device", "PingOne delete-device",
        }));
        Assert.That(telemetry.AllText().Where(text => Regex.IsMatch(text, "[0-9]{7}")).Where(text => !Guid.TryParse(text.Split('=').Last(), out _)), Is.Empty,
            "no phone digit string in any tag (ids aside)");
    }

    [Test]
    public async Task DoctorAgainstTheEmbeddedEmulator_AllOk_AndTheClientCountsNoDrift()
    {
        using var telemetry = new TelemetryCapture();

        var run = await Cli.RunAsync(new[] { "doctor", "--emulator", "--write-test" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(telemetry.Activities.Select(a => a.DisplayName), Does.Contain("PingOne create-voice-device"), "the listener heard doctor's client");
        Assert.That(ClientDrift(telemetry), Is.Empty);
    }
}
