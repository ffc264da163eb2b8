using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>Set and remove device order, block, unblock and unlock against the emulator: through the library, raw HTTP and the CLI.</summary>
public class DeviceOrderAndStateTests
{
    private const string Env = EmulatorSeed.EnvironmentId;
    private const string User = EmulatorSeed.UserId;

    private static async Task<string[]> CreateAsync(PingOneMfaClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
            ids.Add((await client.CreateVoiceDeviceAsync(Env, User, CreateVoiceDeviceRequest.Create($"+1512555123{i}", EmulatorSeed.PolicyId))).Id);
        return ids.ToArray();
    }

    // Ping's Set Device Order orders active devices: a device awaiting activation is not sent, and stays after the ordered ones.
    [Test]
    public async Task MakeDefault_WithADeviceAwaitingActivation_OrdersOnlyTheActiveDevices()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var first = (await CreateAsync(client, 1))[0];
        var pendingRequest = CreateVoiceDeviceRequest.Create("+15125559876", EmulatorSeed.PolicyId);
        pendingRequest.Status = DeviceCreationStatus.ActivationRequired;
        var pending = (await client.CreateVoiceDeviceAsync(Env, User, pendingRequest)).Id;
        var last = (await client.CreateVoiceDeviceAsync(Env, User, CreateVoiceDeviceRequest.Create("+15125559877", EmulatorSeed.PolicyId))).Id;

        var sent = await client.MakeDefaultDeviceAsync(Env, User, last);
        var refused = Assert.ThrowsAsync<ArgumentException>(() => client.MakeDefaultDeviceAsync(Env, User, pending))!;

        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.EqualTo(new[] { last, first }));
            Assert.That(emulator.DevicesOf(User).Select(d => d.Id), Is.EqualTo(new[] { last, first, pending }));
            Assert.That(refused.ParamName, Is.EqualTo("deviceId"));
        });
    }

    [Test]
    public async Task Library_SetOrder_ThenListShowsThatOrder_AndMakeDefaultMovesADeviceFirst()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var ids = await CreateAsync(client, 3);

        await client.SetDeviceOrderAsync(Env, User, new[] { ids[2], ids[0], ids[1] });
        var afterOrder = (await client.ListDevicesAsync(Env, User)).Select(d => d.Id).ToArray();

        var sent = await client.MakeDefaultDeviceAsync(Env, User, ids[1]);
        var afterDefault = (await client.ListDevicesAsync(Env, User)).Select(d => d.Id).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(afterOrder, Is.EqualTo(new[] { ids[2], ids[0], ids[1] }));
            Assert.That(sent, Is.EqualTo(new[] { ids[1], ids[2], ids[0] }));
            Assert.That(afterDefault, Is.EqualTo(new[] { ids[1], ids[2], ids[0] }), "the default first, the others in their order");
        });
    }

    [Test]
    public async Task Library_RemoveOrder_PutsTheListBackInCreationOrder_AndALaterOrderStillWorks()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var ids = await CreateAsync(client, 4);
        await client.SetDeviceOrderAsync(Env, User, new[] { ids[3], ids[1], ids[0], ids[2] });
        var ordered = (await client.ListDevicesAsync(Env, User)).Select(d => d.Id).ToArray();

        await client.RemoveDeviceOrderAsync(Env, User);
        var removed = (await client.ListDevicesAsync(Env, User)).Select(d => d.Id).ToArray();
        await client.RemoveDeviceOrderAsync(Env, User);
        var removedTwice = (await client.ListDevicesAsync(Env, User)).Select(d => d.Id).ToArray();
        await client.MakeDefaultDeviceAsync(Env, User, ids[2]);
        var reordered = (await client.ListDevicesAsync(Env, User)).Select(d => d.Id).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(ordered, Is.EqualTo(new[] { ids[3], ids[1], ids[0], ids[2] }), "the order was set first");
            Assert.That(removed, Is.EqualTo(ids), "creation order again");
            Assert.That(removedTwice, Is.EqualTo(ids), "removing no order changes nothing");
            Assert.That(reordered, Is.EqualTo(new[] { ids[2], ids[0], ids[1], ids[3] }));
        });
    }

    [Test]
    public async Task Library_RemoveOrder_OfAnUnknownUser_Is404()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.RemoveDeviceOrderAsync(Env, Guid.NewGuid().ToString()))!;

        Assert.That((error.Status, error.Kind), Is.EqualTo((404, PingOneFailureKind.Refused)));
    }

    [Test]
    public async Task Library_SetOrder_OfADeviceTheUserDoesNotHave_IsRefusedAndChangesNothing()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var ids = await CreateAsync(client, 2);

        var error = Assert.CatchAsync<PingOneException>(() => client.SetDeviceOrderAsync(Env, User, new[] { ids[1], Guid.NewGuid().ToString() }))!;

        Assert.That((error.Status, error.Details.Single().Target), Is.EqualTo((400, "order[1].id")));
        Assert.That((await client.ListDevicesAsync(Env, User)).Select(d => d.Id), Is.EqualTo(ids));
    }

    [Test]
    public async Task Library_BlockUnblockUnlock_ChangeTheDevicesState()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var id = (await CreateAsync(client, 1))[0];
        var before = await client.GetDeviceAsync(Env, User, id);

        await client.BlockDeviceAsync(Env, User, id);
        var blocked = await client.GetDeviceAsync(Env, User, id);
        await client.BlockDeviceAsync(Env, User, id); // the same end state when sent again
        var blockedTwice = await client.GetDeviceAsync(Env, User, id);
        var unblockAnswer = await client.UnblockDeviceAsync(Env, User, id);
        var unblocked = await client.GetDeviceAsync(Env, User, id);
        Assert.That(emulator.LockDevice(User, id, DateTimeOffset.UtcNow.AddMinutes(5)), Is.True);
        var locked = await client.GetDeviceAsync(Env, User, id);
        await client.UnlockDeviceAsync(Env, User, id);
        var unlocked = await client.GetDeviceAsync(Env, User, id);

        Assert.Multiple(() =>
        {
            Assert.That((before.Block?.Status, before.Lock?.Status), Is.EqualTo(("UNBLOCKED", "UNLOCKED")));
            Assert.That(blocked.Block?.Status, Is.EqualTo("BLOCKED"));
            Assert.That(blocked.Block?.BlockedAt, Is.Not.Null);
            Assert.That(blockedTwice.Block?.Status, Is.EqualTo("BLOCKED"));
            Assert.That(unblocked.Block?.Status, Is.EqualTo("UNBLOCKED"));
            Assert.That((unblockAnswer.Id, unblockAnswer.Block?.Status, unblockAnswer.UpdatedAt), Is.EqualTo((id, "UNBLOCKED", unblocked.UpdatedAt)), "unblock answers the device as it now is");
            Assert.That(locked.Lock?.Status, Is.EqualTo("LOCKED"));
            Assert.That(unlocked.Lock?.Status, Is.EqualTo("UNLOCKED"));
            Assert.That(unlocked.Block?.Status, Is.EqualTo("UNBLOCKED"), "unlock leaves the block alone");
        });
    }

    [Test]
    public async Task Library_BlockOfAMissingDevice_Is404()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.BlockDeviceAsync(Env, User, Guid.NewGuid().ToString()))!;

        Assert.That((error.Status, error.Kind), Is.EqualTo((404, PingOneFailureKind.Refused)));
    }

    // The emulator tells operations on one path apart by content type only: known types work, others are 415.
    [TestCase("devices/{id}", "application/vnd.pingidentity.device.block+json", 200)]
    [TestCase("devices/{id}", "application/vnd.pingidentity.device.unblock+json", 200)]
    [TestCase("devices/{id}", "application/vnd.pingidentity.device.unlock+json", 200)]
    [TestCase("devices/{id}", "application/vnd.pingidentity.device.explode+json", 415)]
    [TestCase("devices/{id}", "application/json", 415)]
    [TestCase("devices", "application/vnd.pingidentity.devices.order.remove+json", 204)]
    [TestCase("devices", "application/vnd.pingidentity.device.order.remove+json", 415)]
    [TestCase("devices", "application/vnd.pingidentity.devices.shuffle+json", 415)]
    public async Task Emulator_DispatchesOnTheContentType(string path, string contentType, int status)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var id = (await CreateAsync(client, 1))[0];
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseAddress, $"environments/{Env}/users/{User}/{path.Replace("{id}", id, StringComparison.Ordinal)}"))
        {
            Content = new ByteArrayContent(Array.Empty<byte>()) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));

        using var response = await http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(emulator.DevicesOf(User).Single().Block?.Status, Is.EqualTo(contentType.EndsWith(".block+json", StringComparison.Ordinal) ? "BLOCKED" : "UNBLOCKED"));
    }

    [Test]
    public async Task Cli_OrderFirst_Block_Unblock_Unlock()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var ids = await CreateAsync(client, 2);
        var environment = emulator.EnvironmentVariables();
        string[] With(params string[] args) => args.Concat(new[] { "--user", User }).ToArray();

        var ordered = await Cli.RunAsync(With("order", "--device", ids[1], "--first"), environment: environment);
        var listed = await Cli.RunAsync(With("list"), environment: environment);
        var blocked = await Cli.RunAsync(With("block", "--device", ids[0]), environment: environment);
        var readBlocked = await Cli.RunAsync(With("get", "--device", ids[0]), environment: environment);
        var unblocked = await Cli.RunAsync(With("unblock", "--device", ids[0]), environment: environment);
        var readUnblocked = await Cli.RunAsync(With("get", "--device", ids[0]), environment: environment);
        emulator.LockDevice(User, ids[0], DateTimeOffset.UtcNow.AddMinutes(5));
        var unlocked = await Cli.RunAsync(With("unlock", "--device", ids[0]), environment: environment);
        var missing = await Cli.RunAsync(With("block", "--device", Guid.NewGuid().ToString()), environment: environment);
        var notFirst = await Cli.RunAsync(With("order", "--device", ids[0]), environment: environment);

        Assert.Multiple(() =>
        {
            Assert.That(ordered.ExitCode, Is.EqualTo(0), ordered.Error);
            Assert.That(JObject.Parse(ordered.Output)["order"]!.Values<string>(), Is.EqualTo(new[] { ids[1], ids[0] }));
            Assert.That(JArray.Parse(listed.Output).Select(d => (string?)d["id"]), Is.EqualTo(new[] { ids[1], ids[0] }), "the list shows the new default first");
            Assert.That((blocked.ExitCode, (string?)JObject.Parse(blocked.Output)["blocked"]), Is.EqualTo((0, ids[0])), blocked.Error);
            Assert.That((string?)JObject.Parse(readBlocked.Output)["block"]!["status"], Is.EqualTo("BLOCKED"));
            Assert.That((unblocked.ExitCode, (string?)JObject.Parse(unblocked.Output)["id"], (string?)JObject.Parse(unblocked.Output)["block"]?["status"]), Is.EqualTo((0, ids[0], "UNBLOCKED")), "unblock prints the device PingOne answers; " + unblocked.Error);
            Assert.That((string?)JObject.Parse(readUnblocked.Output)["block"]!["status"], Is.EqualTo("UNBLOCKED"));
            Assert.That((unlocked.ExitCode, (string?)JObject.Parse(unlocked.Output)["unlocked"]), Is.EqualTo((0, ids[0])), unlocked.Error);
            Assert.That(emulator.DevicesOf(User).Single(d => d.Id == ids[0]).Lock?.Status, Is.EqualTo("UNLOCKED"));
            Assert.That((missing.ExitCode, missing.Output), Is.EqualTo((2, string.Empty)), "a refusal: exit 2, nothing on stdout");
            Assert.That(notFirst.ExitCode, Is.EqualTo(1), "--first is required: it is the one ordering the command offers");
            Assert.That(emulator.DevicesOf(User).Select(d => d.Id), Is.EqualTo(new[] { ids[1], ids[0] }), "the failed order changed nothing");
        });
    }

    [Test]
    public async Task Cli_OrderClear_RemovesTheOrder_AndRefusesADeviceOrFirstWithIt()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var ids = await CreateAsync(client, 3);
        await client.SetDeviceOrderAsync(Env, User, new[] { ids[2], ids[1], ids[0] });
        var environment = emulator.EnvironmentVariables();
        string[] With(params string[] args) => args.Concat(new[] { "--user", User }).ToArray();

        var withDevice = await Cli.RunAsync(With("order", "--clear", "--device", ids[0]), environment: environment);
        var withFirst = await Cli.RunAsync(With("order", "--clear", "--first"), environment: environment);
        var neither = await Cli.RunAsync(With("order"), environment: environment);
        var untouched = emulator.DevicesOf(User).Select(d => d.Id).ToArray();
        var cleared = await Cli.RunAsync(With("order", "--clear"), environment: environment);
        var listed = await Cli.RunAsync(With("list"), environment: environment);
        var unknownUser = await Cli.RunAsync(new[] { "order", "--clear", "--user", Guid.NewGuid().ToString() }, environment: environment);

        Assert.Multiple(() =>
        {
            foreach (var refused in new[] { withDevice, withFirst, neither })
                Assert.That((refused.ExitCode, refused.Output), Is.EqualTo((1, string.Empty)), refused.Error);
            Assert.That(withDevice.Error, Does.Contain("--clear takes neither --device nor --first"));
            Assert.That(neither.Error, Does.Contain("--device <id> --first").And.Contain("--clear"));
            Assert.That(untouched, Is.EqualTo(new[] { ids[2], ids[1], ids[0] }), "a usage error sends nothing");
            Assert.That(cleared.ExitCode, Is.EqualTo(0), cleared.Error);
            Assert.That(JToken.DeepEquals(JObject.Parse(cleared.Output), new JObject { ["orderCleared"] = User }), Is.True, cleared.Output);
            Assert.That(JArray.Parse(listed.Output).Select(d => (string?)d["id"]), Is.EqualTo(ids), "back in creation order");
            Assert.That((unknownUser.ExitCode, unknownUser.Output), Is.EqualTo((2, string.Empty)), "PingOne refused: 404");
        });
    }

    [Test]
    public async Task Cli_OrderWithTheEmbeddedEmulator_OfAnUnknownDevice_IsBadInput()
    {
        var run = await Cli.RunAsync(new[] { "order", "--emulator", "--device", Guid.NewGuid().ToString(), "--first" });

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("has no device"));
    }
}
