using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;
using PingOne.Generated.Tests;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// Ping's documented example requests (Fixtures/PingDocs, shared with the unit tests) sent as they are to the emulator:
/// it must answer with the documented status, the documented field names at every level and the documented codes.
/// </summary>
public class PingDocsEmulatorTests
{
    // Fields a device may carry beyond the voice page's 201 example: the PingID Desktop page's device shows them (see the fixtures' README).
    private static readonly string[] FieldsOnOtherPagesDevices = { "block", "block.status", "lock", "lock.status" };

    [Test]
    public async Task DocumentedCreate_IsAnsweredWithTheDocumentedFields()
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var (status, body) = await SendDocumentedAsync(emulator, "create-voice-device");

        var documented = Response("create-voice-device");
        var extra = FieldNames(body).Except(FieldNames(documented.Body)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(documented.Status));
            Assert.That(FieldNames(documented.Body), Is.SubsetOf(FieldNames(body)), "every documented field is answered");
            Assert.That(extra, Is.SubsetOf(FieldsOnOtherPagesDevices), "no field that no Ping page shows on a device");
            Assert.That((string?)body!["type"], Is.EqualTo((string)documented.Body!["type"]!));
            Assert.That((string?)body["phone"], Is.EqualTo((string)documented.Body["phone"]!), "the phone as sent, as Ping's example echoes it");
            Assert.That((string?)body["extension"], Is.EqualTo((string)documented.Body["extension"]!));
        });
    }

    [Test]
    public async Task DocumentedRename_IsAnsweredWithTheNicknameNotTheDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var deviceId = await CreateAsync(emulator);

        var (status, body) = await SendDocumentedAsync(emulator, "update-device-nickname", deviceId);

        var documented = Response("update-device-nickname");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(documented.Status));
            Assert.That(FieldNames(body), Is.EqualTo(FieldNames(documented.Body)));
            Assert.That((string?)body!["nickname"], Is.EqualTo((string)documented.Body!["nickname"]!));
            Assert.That((string?)body["_links"]!["device"]!["href"], Does.EndWith("/devices/" + deviceId));
            Assert.That((string?)body["_links"]!["self"]!["href"], Does.EndWith("/devices/" + deviceId + "/nickname"));
            Assert.That(emulator.DevicesOf(EmulatorSeed.UserId).Single().Nickname, Is.EqualTo((string)documented.Body["nickname"]!));
        });
    }

    [Test]
    public async Task DocumentedCreate_OverTheDeviceLimit_IsTheDocumentedError()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 1 });
        await CreateAsync(emulator);

        var (status, body) = await SendDocumentedAsync(emulator, "create-voice-device");

        var documented = Response("device-limit");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(documented.Status));
            Assert.That(FieldNames(body), Is.EqualTo(FieldNames(documented.Body)));
            Assert.That((string?)body!["code"], Is.EqualTo((string)documented.Body!["code"]!));
            Assert.That((string?)body["message"], Is.EqualTo((string)documented.Body["message"]!));
            Assert.That(body["details"]!.Select(d => (string?)d["code"]), Is.EqualTo(documented.Body["details"]!.Select(d => (string?)d["code"])));
            Assert.That((int?)body["details"]![0]!["innerError"]!["maximumAllowed"], Is.EqualTo(1), "the emulator's limit, where Ping's example shows its default of 5");
            Assert.That(Guid.TryParse((string?)body["id"], out _), Is.True, "a real error id where Ping's example has a placeholder");
        });
    }

    [Test]
    public async Task DocumentedActivate_ActivatesTheDevice()
    {
        var otp = (string)Body(Request("activate-device"))!["otp"]!;
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { FixedOtp = otp });
        var deviceId = await CreateAsync(emulator, DeviceCreationStatus.ActivationRequired);

        var (status, body) = await SendDocumentedAsync(emulator, "activate-device", deviceId);

        Assert.That((status, (string?)body?["status"]), Is.EqualTo((Response("activate-device").Status, "ACTIVE")));
    }

    // Ping's Unblock page: 200 with the whole device. The emulator's device is made in test mode, as the example's is.
    [Test]
    public async Task DocumentedUnblock_IsAnsweredWithTheDocumentedDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var deviceId = await CreateAsync(emulator, testMode: true);
        await SendDocumentedAsync(emulator, "block-device", deviceId);

        var (status, body) = await SendDocumentedAsync(emulator, "unblock-device", deviceId);

        var documented = Response("unblock-device");
        var extra = FieldNames(body).Except(FieldNames(documented.Body)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(documented.Status));
            Assert.That(FieldNames(documented.Body), Is.SubsetOf(FieldNames(body)), "every documented field is answered");
            Assert.That(extra, Is.Empty, "no field beyond the documented device");
            Assert.That((string?)body!["id"], Is.EqualTo(deviceId));
            Assert.That((string?)body["block"]!["status"], Is.EqualTo((string)documented.Body!["block"]!["status"]!));
            Assert.That(emulator.DevicesOf(EmulatorSeed.UserId).Single().Block?.Status, Is.EqualTo("UNBLOCKED"));
        });
    }

    // Ping documents no answer for block and unlock; the emulator answers 200 and the device's state changes.
    [TestCase("block-device", "BLOCKED")]
    [TestCase("unlock-device", "UNLOCKED")]
    public async Task DocumentedBlockAndUnlock_ChangeTheDevice(string operation, string expected)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var deviceId = await CreateAsync(emulator);
        emulator.LockDevice(EmulatorSeed.UserId, deviceId, DateTimeOffset.UtcNow.AddHours(1));

        var (status, _) = await SendDocumentedAsync(emulator, operation, deviceId);

        var device = emulator.DevicesOf(EmulatorSeed.UserId).Single();
        Assert.That((status, operation == "block-device" ? device.Block?.Status : device.Lock?.Status), Is.EqualTo((200, expected)));
    }

    [TestCase("list-devices", 200)]
    [TestCase("read-device", 200)]
    public async Task DocumentedRead_IsAnswered(string operation, int documentedStatus)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var deviceId = await CreateAsync(emulator);

        var (status, body) = await SendDocumentedAsync(emulator, operation, deviceId);

        Assert.That(status, Is.EqualTo(documentedStatus));
        Assert.That(FieldNames(body), Does.Contain(operation == "list-devices" ? "_embedded.devices[].id" : "id"));
    }

    [Test]
    public async Task DocumentedDelete_IsAnsweredWithoutABody()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var deviceId = await CreateAsync(emulator);

        var (status, body) = await SendDocumentedAsync(emulator, "delete-device", deviceId);

        var documented = Response("delete-device");
        Assert.That((status, body, emulator.DevicesOf(EmulatorSeed.UserId).Count), Is.EqualTo((documented.Status, documented.Body, 0)));
    }

    // Both readings of {{apiPath}} name the same URL on the emulator; the .html reading is the one sent.
    private static async Task<(int Status, JToken? Body)> SendDocumentedAsync(PingOneEmulator emulator, string operation, string deviceId = DeviceId)
    {
        var documented = Request(operation);
        var apiPath = emulator.ApiBaseAddress.AbsoluteUri.TrimEnd('/');
        var url = Url(documented, ("html", apiPath, false), EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, deviceId);
        Assert.That(Url(documented, ("md", apiPath.Substring(0, apiPath.Length - "/v1".Length), true), EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, deviceId), Is.EqualTo(url));

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(documented.Method), url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        if (Body(documented, EmulatorSeed.PolicyId) is { } body)
        {
            request.Content = new StringContent(body.ToString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(documented.ContentType!);
        }
        else if (documented.ContentType is { } contentType)
        {
            // Block, unblock and unlock: cURL's --data '' with the vendor content type.
            request.Content = new ByteArrayContent(Array.Empty<byte>());
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : Parse(text));
    }

    private static async Task<string> CreateAsync(PingOneEmulator emulator, DeviceCreationStatus? status = null, bool testMode = false)
    {
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var request = CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId);
        request.Status = status;
        if (testMode) request.TestMode = true;
        return (await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, request)).Id;
    }
}
