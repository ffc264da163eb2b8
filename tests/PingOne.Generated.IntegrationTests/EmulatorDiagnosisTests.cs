using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The emulator's means to be diagnosed, on the wire: <see cref="EmulatorOptions.DeniedOperations"/> and <see cref="EmulatorOptions.AnswerDrift"/>.</summary>
public class EmulatorDiagnosisTests
{
    private static async Task<(HttpClient Http, string Token)> SignInAsync(PingOneEmulator emulator)
    {
        var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var answer = await http.PostAsync(emulator.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = EmulatorSeed.ClientId, ["client_secret"] = EmulatorSeed.ClientSecret,
        }));
        return (http, (string)JObject.Parse(await answer.Content.ReadAsStringAsync())["access_token"]!);
    }

    private static HttpRequestMessage DeviceAction(string deviceId, string action, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"v1/environments/{EmulatorSeed.EnvironmentId}/users/{EmulatorSeed.UserId}/devices/{deviceId}")
        {
            Content = new StringContent(string.Empty, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue($"application/vnd.pingidentity.device.{action}+json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Test]
    public async Task ADeniedOperation_Is403AccessFailedWithInsufficientPermissions_AndItsSiblingsOnTheSamePathAreNot()
    {
        var options = new EmulatorOptions();
        options.DeniedOperations.Add("blockDevice");
        await using var emulator = await PingOneEmulator.StartAsync(options);
        var deviceId = emulator.AddDeviceOfType(EmulatorSeed.UserId, "VOICE");
        var (http, token) = await SignInAsync(emulator);
        using var _ = http;

        using var blocked = await http.SendAsync(DeviceAction(deviceId, "block", token));
        using var unblocked = await http.SendAsync(DeviceAction(deviceId, "unblock", token));
        using var unauthenticated = await http.SendAsync(DeviceAction(deviceId, "block", null));

        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var body = JObject.Parse(await blocked.Content.ReadAsStringAsync());
        Assert.That((string)body["code"]!, Is.EqualTo("ACCESS_FAILED"));
        Assert.That((string)body["message"]!, Is.EqualTo(EmulatorDiagnosis.ForbiddenMessage));
        Assert.That((string)body["details"]![0]!["code"]!, Is.EqualTo("INSUFFICIENT_PERMISSIONS"));
        Assert.That(Guid.TryParse((string)body["id"]!, out var _), Is.True);
        Assert.That(unblocked.StatusCode, Is.EqualTo(HttpStatusCode.OK), "unblock shares block's method and path but is another operation");
        Assert.That(unauthenticated.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "PingOne checks the token before the roles");
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId).Single().Block?.Status, Is.EqualTo("UNBLOCKED"), "the denied block did nothing");
    }

    [Test]
    public async Task AnswerDrift_AddsTheUndeclaredProperty_AndDropsTheDeclaredOne_InTheAnswerAndEachListedDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { AnswerDrift = new EmulatorAnswerDrift() });
        emulator.AddDeviceOfType(EmulatorSeed.UserId, "SMS");
        var (http, token) = await SignInAsync(emulator);
        using var _ = http;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var settings = JObject.Parse(await http.GetStringAsync($"v1/environments/{EmulatorSeed.EnvironmentId}/mfaSettings"));
        var page = JObject.Parse(await http.GetStringAsync($"v1/environments/{EmulatorSeed.EnvironmentId}/users/{EmulatorSeed.UserId}/devices"));

        Assert.That((int)settings["riskScore"]!, Is.EqualTo(42));
        Assert.That(settings.ContainsKey("updatedAt"), Is.False);
        var device = (JObject)page["_embedded"]!["devices"]![0]!;
        Assert.That((int)device["riskScore"]!, Is.EqualTo(42));
        Assert.That(device.ContainsKey("updatedAt"), Is.False);
        Assert.That(device.ContainsKey("createdAt"), Is.True, "only the named property is dropped");
    }

    [Test]
    public async Task TheEmulatorsAccessToken_IsAJwtNamingItsEnvironment_AndItsPolicyAllowsVoice()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var (http, token) = await SignInAsync(emulator);
        using var _ = http;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var claims = PingOne.Generated.Cli.Doctor.AccessTokenClaims.Read(token);
        using var unknown = await http.GetAsync($"v1/environments/{EmulatorSeed.EnvironmentId}/deviceAuthenticationPolicies/{Guid.NewGuid()}");
        var policy = JObject.Parse(await http.GetStringAsync($"v1/environments/{EmulatorSeed.EnvironmentId}/deviceAuthenticationPolicies/{EmulatorSeed.PolicyId}"));

        Assert.That(claims?.Environment, Is.EqualTo(EmulatorSeed.EnvironmentId));
        Assert.That(claims!.ExpiresAt - claims.IssuedAt, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((bool)policy["voice"]!["enabled"]!, Is.True);
        Assert.That((string)policy["id"]!, Is.EqualTo(EmulatorSeed.PolicyId));
    }

    private const string Devices = "/environments/" + EmulatorSeed.EnvironmentId + "/users/" + EmulatorSeed.UserId + "/devices";

    [TestCase("GET", Devices, null, "listDevices")]
    [TestCase("POST", Devices, "application/json", "createVoiceDevice")]
    [TestCase("POST", Devices, "application/vnd.pingidentity.devices.reorder+json", "setDeviceOrder")]
    [TestCase("POST", Devices, "application/vnd.pingidentity.devices.order.remove+json", "removeDeviceOrder")]
    [TestCase("GET", Devices + "/d1", null, "getDevice")]
    [TestCase("DELETE", Devices + "/d1", null, "deleteDevice")]
    [TestCase("POST", Devices + "/d1", "application/vnd.pingidentity.device.activate+json", "activateDevice")]
    [TestCase("POST", Devices + "/d1", "application/vnd.pingidentity.device.block+json", "blockDevice")]
    [TestCase("POST", Devices + "/d1", "application/vnd.pingidentity.device.unblock+json", "unblockDevice")]
    [TestCase("POST", Devices + "/d1", "application/vnd.pingidentity.device.unlock+json", "unlockDevice")]
    [TestCase("PUT", Devices + "/d1/nickname", "application/json", "updateDeviceNickname")]
    [TestCase("GET", "/environments/e1/mfaSettings", null, "getMfaSettings")]
    [TestCase("PUT", "/environments/e1/mfaSettings", "application/json", "updateMfaSettings")]
    [TestCase("DELETE", "/environments/e1/mfaSettings", null, "resetMfaSettings")]
    [TestCase("GET", "/environments/e1/deviceAuthenticationPolicies/p1", null, "readDeviceAuthenticationPolicy")]
    [TestCase("POST", Devices + "/d1", "application/vnd.pingidentity.device.unknown+json", null)]
    [TestCase("GET", "/environments/e1/somethingElse", null, null)]
    public async Task EveryRequest_IsTheSpecOperationItsMethodPathAndContentTypeSay(string method, string path, string? mediaType, string? operationId)
    {
        var contract = await SpecContract.LoadAsync();

        Assert.That(contract.OperationOf(method, path, mediaType), Is.EqualTo(operationId));
    }
}
