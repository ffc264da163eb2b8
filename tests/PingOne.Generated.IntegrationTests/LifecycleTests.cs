using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>A voice device's whole life through the library and the CLI, against the emulator.</summary>
public class LifecycleTests
{
    [Test]
    public async Task Library_CreateActivateRenameListDelete()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var request = CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId, "313#");
        request.Status = DeviceCreationStatus.ActivationRequired;
        request.TestMode = true;

        var created = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, request);
        Assert.That(created.Status, Is.EqualTo("ACTIVATION_REQUIRED"));
        Assert.That(created.Test?.Otp, Does.Match("^[0-9]{6}$"));

        var wrong = Assert.CatchAsync<PingOneException>(() => client.ActivateDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, created.Id, "000000x"));
        Assert.That(wrong!.Kind, Is.EqualTo(PingOneFailureKind.Refused));
        Assert.That(wrong.Details.Single().Target, Is.EqualTo("otp"));

        var active = await client.ActivateDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, created.Id, created.Test!.Otp!);
        Assert.That(active.Status, Is.EqualTo("ACTIVE"));

        var renamed = await client.UpdateNicknameAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, created.Id, "Desk phone");
        Assert.That(renamed.Nickname, Is.EqualTo("Desk phone"));

        var listed = await client.ListDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId);
        Assert.That(listed.Single().Nickname, Is.EqualTo("Desk phone"));

        await client.DeleteDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, created.Id);
        Assert.That(await client.ListDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId), Is.Empty);
        var gone = Assert.CatchAsync<PingOneException>(() => client.GetDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, created.Id));
        Assert.That(gone!.Kind, Is.EqualTo(PingOneFailureKind.Refused));
        Assert.That(gone.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Cli_CreateActivateGetRenameListDelete()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var environment = emulator.EnvironmentVariables();
        string[] With(params string[] args) => args.Concat(new[] { "--user", EmulatorSeed.UserId }).ToArray();

        var created = JObject.Parse((await Cli.RunAsync(With("create", "--phone", "+15125551234", "--policy", EmulatorSeed.PolicyId, "--status", "ACTIVATION_REQUIRED", "--test-mode"), environment: environment)).Output);
        var id = created["id"]!.Value<string>()!;
        var activated = await Cli.RunAsync(With("activate", "--device", id, "--otp", created["test"]!["otp"]!.Value<string>()!), environment: environment);
        var read = await Cli.RunAsync(With("get", "--device", id), environment: environment);
        var renamed = await Cli.RunAsync(With("rename", "--device", id, "--nickname", "Desk"), environment: environment);
        var listed = await Cli.RunAsync(With("list"), environment: environment);
        var deleted = await Cli.RunAsync(With("delete", "--device", id), environment: environment);
        var missing = await Cli.RunAsync(With("get", "--device", id), environment: environment);

        Assert.Multiple(() =>
        {
            Assert.That(JObject.Parse(activated.Output)["status"]!.Value<string>(), Is.EqualTo("ACTIVE"));
            Assert.That(JObject.Parse(read.Output)["id"]!.Value<string>(), Is.EqualTo(id));
            Assert.That(JObject.Parse(renamed.Output)["nickname"]!.Value<string>(), Is.EqualTo("Desk"));
            Assert.That(JArray.Parse(listed.Output).Single()["id"]!.Value<string>(), Is.EqualTo(id));
            Assert.That(deleted.ExitCode, Is.EqualTo(0));
            Assert.That(missing.ExitCode, Is.EqualTo(2));
            Assert.That(missing.Error, Does.Contain("404 NOT_FOUND"));
        });
    }
}
