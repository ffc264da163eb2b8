using PingOne.Generated.Emulator;
using PingOne.Generated.Tests.Telemetry;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// The client's schema drift detection against the emulator's <see cref="EmulatorOptions.AnswerDrift"/>: what the emulator adds is
/// counted and logged once, what it drops counts only when the spec requires it, and its normal answers count nothing.
/// </summary>
[NonParallelizable] // the MeterListener hears every client in the process
public class SchemaDriftEmulatorTests
{
    private const string Env = EmulatorSeed.EnvironmentId;
    private const string User = EmulatorSeed.UserId;
    private const string DriftLog = "Information: PingOne answered differently from the spec";

    private static Dictionary<string, double> Counted(TelemetryCapture telemetry) =>
        telemetry.Of("pingone.client.schema_drift")
            .GroupBy(m => m.Tag("pingone.model") + "." + m.Tag("pingone.property") + " " + m.Tag("pingone.drift.kind"))
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));

    [Test]
    public async Task DriftingAnswers_CountTheAddedPropertyPerModelAndAnswer_LogItOncePerModel_AndTheDroppedOptionalOneNot()
    {
        using var telemetry = new TelemetryCapture();
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { AnswerDrift = new EmulatorAnswerDrift() });
        var logs = new ListLogger();
        using var client = new PingOneMfaClient(EmulatorClient.Options(emulator, o => o.LoggerFactory = logs));

        var created = await client.CreateVoiceDeviceAsync(Env, User, CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));
        var read = await client.GetDeviceAsync(Env, User, created.Id);
        emulator.AddDeviceOfType(User, "VOICE");
        var listed = await client.ListDevicesAsync(Env, User);
        var settings = await client.GetMfaSettingsAsync(Env);
        var policy = await client.GetDeviceAuthenticationPolicyAsync(Env, EmulatorSeed.PolicyId);

        // Nothing changes for the caller: the added property is there to read, the dropped optional one is null.
        Assert.That(read.AdditionalProperties["riskScore"], Is.EqualTo(42L));
        Assert.That(read.UpdatedAt, Is.Null);
        Assert.That(listed, Has.Count.EqualTo(2));
        Assert.That(settings.AdditionalProperties["riskScore"], Is.EqualTo(42L));
        Assert.That(policy.Id, Is.EqualTo(EmulatorSeed.PolicyId));
        // updatedAt is declared but not required anywhere in the spec: its absence is no drift.
        Assert.That(Counted(telemetry), Is.EquivalentTo(new Dictionary<string, double>
        {
            ["VoiceDevice.riskScore undeclared"] = 1 + 1 + 2, // the create's answer, the read, each listed device
            ["DeviceCollection.riskScore undeclared"] = 1,
            ["MfaSettings.riskScore undeclared"] = 1,
            ["DeviceAuthenticationPolicy.riskScore undeclared"] = 1,
        }));
        var logged = logs.Lines.Where(line => line.StartsWith(DriftLog, StringComparison.Ordinal)).ToList();
        Assert.That(logged, Is.EquivalentTo(new[] { "VoiceDevice", "DeviceCollection", "MfaSettings", "DeviceAuthenticationPolicy" }.Select(model =>
            $"{DriftLog}: property riskScore of {model} is not declared. Update openapi/pingone-mfa-devices.yaml and regenerate the client (logged once per client)")));
    }

    [Test]
    public async Task DroppingARequiredProperty_FailsTheReadAsInvalidResponse_AndCountsItAsMissing()
    {
        using var telemetry = new TelemetryCapture();
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { AnswerDrift = new EmulatorAnswerDrift { DroppedProperty = "id" } });
        var deviceId = emulator.AddDeviceOfType(User, "VOICE");
        var logs = new ListLogger();
        using var client = new PingOneMfaClient(EmulatorClient.Options(emulator, o => o.LoggerFactory = logs));

        var error = Assert.CatchAsync<PingOneException>(() => client.GetDeviceAsync(Env, User, deviceId));
        Assert.CatchAsync<PingOneException>(() => client.GetDeviceAsync(Env, User, deviceId));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(Counted(telemetry), Does.ContainKey("VoiceDevice.id missing").WithValue(2));
        Assert.That(telemetry.Activities.Where(a => a.DisplayName == "PingOne get-device").Select(a => a.GetTagItem("error.type")), Is.EqualTo(new[] { "InvalidResponse", "InvalidResponse" }));
        Assert.That(logs.Lines, Has.One.EqualTo($"{DriftLog}: property id of VoiceDevice is required but missing. Update openapi/pingone-mfa-devices.yaml and regenerate the client (logged once per client)"));
    }

    [Test]
    public async Task TheEmulatorsNormalAnswers_ToEveryOperation_CountNoDrift()
    {
        using var telemetry = new TelemetryCapture();
        await using var emulator = await PingOneEmulator.StartAsync();
        var logs = new ListLogger();
        using var client = new PingOneMfaClient(EmulatorClient.Options(emulator, o => o.LoggerFactory = logs));

        var settings = await client.GetMfaSettingsAsync(Env);
        await client.UpdateMfaSettingsAsync(Env, settings);
        await client.ResetMfaSettingsAsync(Env);
        await client.GetDeviceAuthenticationPolicyAsync(Env, EmulatorSeed.PolicyId);
        await client.GetUserAsync(Env, User);
        await foreach (var _ in client.ListUsersAsync(Env)) { }
        var user = await client.CreateUserAsync(Env, new CreateUserRequest { Username = "drift.free", Email = "drift.free@example.com", Population = new PopulationReference { Id = EmulatorSeed.PopulationId } });
        var request = CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId, "313#");
        request.Status = DeviceCreationStatus.ActivationRequired;
        request.TestMode = true;
        var created = await client.CreateVoiceDeviceAsync(Env, user.Id!, request);
        await client.ActivateDeviceAsync(Env, user.Id!, created.Id, created.Test!.Otp!);
        await client.UpdateNicknameAsync(Env, user.Id!, created.Id, "Desk phone");
        await client.GetDeviceAsync(Env, user.Id!, created.Id);
        var second = await client.CreateVoiceDeviceAsync(Env, user.Id!, CreateVoiceDeviceRequest.Create("+1 512 555 0100", EmulatorSeed.PolicyId));
        await client.MakeDefaultDeviceAsync(Env, user.Id!, second.Id);
        await client.RemoveDeviceOrderAsync(Env, user.Id!);
        await client.BlockDeviceAsync(Env, user.Id!, created.Id);
        await client.UnblockDeviceAsync(Env, user.Id!, created.Id);
        emulator.LockDevice(user.Id!, created.Id, DateTimeOffset.UtcNow.AddMinutes(5));
        await client.UnlockDeviceAsync(Env, user.Id!, created.Id);
        await client.ListDevicesAsync(Env, user.Id!);
        await client.DeleteDeviceAsync(Env, user.Id!, created.Id);

        // The listener heard the session (every operation ended), so no drift means none, not nothing heard.
        var operations = telemetry.Activities.Select(a => a.DisplayName).Distinct();
        Assert.That(operations, Is.SupersetOf(new[]
        {
            "PingOne get-mfa-settings", "PingOne update-mfa-settings", "PingOne reset-mfa-settings", "PingOne read-device-authentication-policy",
            "PingOne get-user", "PingOne list-users", "PingOne create-user", "PingOne create-voice-device", "PingOne activate-device",
            "PingOne rename-device", "PingOne get-device", "PingOne list-devices", "PingOne set-device-order", "PingOne remove-device-order",
            "PingOne block-device", "PingOne unblock-device", "PingOne unlock-device", "PingOne delete-device",
        }));
        Assert.That(Counted(telemetry), Is.Empty);
        Assert.That(logs.Lines, Has.None.Contains("differently from the spec"));
    }
}
