using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;
using PingOne.Generated.Tests;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The emulator's MFA settings over loopback: initialised from <see cref="EmulatorOptions"/>, changed by PUT, reset by DELETE, obeyed by create.</summary>
public class MfaSettingsEmulatorTests
{
    private const string Env = EmulatorSeed.EnvironmentId;

    [Test]
    public async Task Read_ReturnsTheSettingsTheEmulatorWasStartedWith()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false, MaxDevicesPerUser = 3 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var settings = await client.GetMfaSettingsAsync(Env);

        Assert.Multiple(() =>
        {
            Assert.That(settings.PhoneExtensions?.Enabled, Is.False);
            Assert.That(settings.Pairing?.MaxAllowedDevices, Is.EqualTo(3));
            Assert.That(settings.Environment?.Id, Is.EqualTo(Env));
            Assert.That(settings.Links?.Self?.Href, Is.EqualTo($"{emulator.ApiBaseAddress}environments/{Env}/mfaSettings"));
            Assert.That(settings.UpdatedAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task Update_IsStored_AndReadBack_WithUnknownPropertiesKept()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var settings = await client.GetMfaSettingsAsync(Env);
        settings.Pairing!.MaxAllowedDevices = 12;
        settings.PhoneExtensions!.Enabled = false;
        settings.AdditionalProperties["futureSetting"] = new JObject { ["on"] = true };

        var stored = await client.UpdateMfaSettingsAsync(Env, settings);
        var read = await client.GetMfaSettingsAsync(Env);

        Assert.Multiple(() =>
        {
            Assert.That(stored.Pairing?.MaxAllowedDevices, Is.EqualTo(12));
            Assert.That(read.Pairing?.MaxAllowedDevices, Is.EqualTo(12));
            Assert.That(read.PhoneExtensions?.Enabled, Is.False);
            Assert.That(read.Lockout?.FailureCount, Is.EqualTo(settings.Lockout?.FailureCount), "what was not changed stays");
            Assert.That(JToken.FromObject(read.AdditionalProperties["futureSetting"]), Is.EqualTo(new JObject { ["on"] = true }).Using<JToken>((a, b) => JToken.DeepEquals(a, b) ? 0 : 1));
        });
    }

    [Test]
    public async Task ExtensionAfterDisablingExtensions_IsInvalidDataTargetingExtension_AndAfterEnablingIsCreated()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = true });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#"));

        var settings = await client.GetMfaSettingsAsync(Env);
        settings.PhoneExtensions!.Enabled = false;
        await client.UpdateMfaSettingsAsync(Env, settings);
        var refused = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551235", EmulatorSeed.PolicyId, "314#")));
        var withoutExtension = await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551236", EmulatorSeed.PolicyId));

        Assert.Multiple(() =>
        {
            Assert.That((refused!.Status, refused.Kind), Is.EqualTo((400, PingOneFailureKind.Refused)));
            Assert.That(refused.ErrorCode == PingOneErrorCode.InvalidData, Is.True, refused.Message);
            Assert.That(refused.Details.Select(d => d.Target), Is.EqualTo(new[] { "extension" }));
            Assert.That(withoutExtension.Extension, Is.Null);
            Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(2));
        });

        settings.PhoneExtensions.Enabled = true;
        await client.UpdateMfaSettingsAsync(Env, settings);
        var created = await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551235", EmulatorSeed.PolicyId, "314#"));
        Assert.That(created.Extension, Is.EqualTo("314#"));
    }

    [Test]
    public async Task CreateAfterLoweringTheLimit_IsRequestFailedLimitExceeded_WithTheNewMaximum_AndExistingDevicesStay()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 5 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId));
        await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551235", EmulatorSeed.PolicyId));
        await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551236", EmulatorSeed.PolicyId));

        var settings = await client.GetMfaSettingsAsync(Env);
        settings.Pairing!.MaxAllowedDevices = 2;
        await client.UpdateMfaSettingsAsync(Env, settings);
        var error = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551237", EmulatorSeed.PolicyId)));

        Assert.Multiple(() =>
        {
            Assert.That((error!.Status, error.Kind, error.Error?.Code), Is.EqualTo((400, PingOneFailureKind.Refused, "REQUEST_FAILED")));
            Assert.That(error.Details.Single().Code, Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(error.Details.Single().Target, Is.Null);
            Assert.That(error.Details.Single().InnerError?.MaximumAllowed, Is.EqualTo(2));
            Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(3), "lowering the limit removes no device (Ping's MFA Settings page)");
        });

        // Another user below the new limit may still add one.
        await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.SecondUserId, CreateVoiceDeviceRequest.Create("+15125551238", EmulatorSeed.PolicyId));
        Assert.That(emulator.DevicesOf(EmulatorSeed.SecondUserId), Has.Count.EqualTo(1));
    }

    [TestCase(16)]
    [TestCase(0)]
    public async Task RawPutOutsideTheSpecsRange_IsInvalidDataNamingPairingMaxAllowedDevices_AndChangesNothing(int max)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 4 });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        var url = $"{emulator.ApiBaseAddress}environments/{Env}/mfaSettings";

        using var response = await http.PutAsync(url, new StringContent("{\"pairing\":{\"maxAllowedDevices\":" + max + "}}", Encoding.UTF8, "application/json"));
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var after = JObject.Parse(await http.GetStringAsync(url));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body["code"], Is.EqualTo("INVALID_DATA"));
            Assert.That(body["details"]!.Select(d => (string?)d["target"]), Does.Contain("pairing.maxAllowedDevices"));
            Assert.That((int)after["pairing"]!["maxAllowedDevices"]!, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task DocumentedUpdateRequest_IsAnsweredWithTheDocumentedFields()
    {
        var documented = Request("update-mfa-settings");
        var answer = Response("update-mfa-settings");
        await using var emulator = await PingOneEmulator.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        var url = Url(documented, ("emulator", emulator.ApiBaseAddress.AbsoluteUri.TrimEnd('/'), false), environmentId: Env);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(documented.Method), url)
        {
            Content = new StringContent(documented.Body!.ToString(), Encoding.UTF8, documented.ContentType!),
        });
        var body = Parse(await response.Content.ReadAsStringAsync());

        // Ping's answer has authentication.deviceSelection although the documented PUT does not send it: the value used when none is given.
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(answer.Status));
            Assert.That(FieldNames(body), Is.EqualTo(FieldNames(answer.Body)));
            Assert.That((string?)body["authentication"]?["deviceSelection"], Is.EqualTo((string?)answer.Body!["authentication"]!["deviceSelection"]));
            foreach (var path in new[] { "pairing", "lockout", "phoneExtensions", "users" })
                Assert.That(JToken.DeepEquals(body[path], documented.Body![path]), Is.True, path);
        });
    }

    [Test]
    public async Task Reset_RestoresTheStartSettings_AndAnExtensionIsRefusedAgain()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false, MaxDevicesPerUser = 3 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var start = await client.GetMfaSettingsAsync(Env);
        var changed = await client.GetMfaSettingsAsync(Env);
        changed.PhoneExtensions!.Enabled = true;
        changed.Pairing!.MaxAllowedDevices = 10;
        changed.AdditionalProperties["futureSetting"] = true;
        await client.UpdateMfaSettingsAsync(Env, changed);
        var withExtension = await client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551234", EmulatorSeed.PolicyId, "313#"));

        var reset = await client.ResetMfaSettingsAsync(Env);
        var read = await client.GetMfaSettingsAsync(Env);
        var refused = Assert.CatchAsync<PingOneException>(() => client.CreateVoiceDeviceAsync(Env, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+15125551235", EmulatorSeed.PolicyId, "314#")))!;

        Assert.Multiple(() =>
        {
            Assert.That(withExtension.Extension, Is.EqualTo("313#"), "extensions were enabled before the reset");
            foreach (var settings in new[] { reset, read })
            {
                Assert.That(settings.PhoneExtensions?.Enabled, Is.False, "the start setting again");
                Assert.That(settings.Pairing?.MaxAllowedDevices, Is.EqualTo(3), "the start setting again");
                Assert.That(settings.Lockout?.FailureCount, Is.EqualTo(start.Lockout?.FailureCount));
                Assert.That(settings.AdditionalProperties.ContainsKey("futureSetting"), Is.False, "a reset keeps nothing that was PUT");
                Assert.That(settings.Links?.Self?.Href, Is.EqualTo($"{emulator.ApiBaseAddress}environments/{Env}/mfaSettings"));
            }
            Assert.That((refused.Status, refused.Details.Select(d => d.Target).Single()), Is.EqualTo((400, "extension")), "the create after the reset obeys it");
            Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(1), "a reset keeps the devices");
        });
    }

    [Test]
    public async Task DocumentedResetRequest_IsAnsweredWithTheDocumentedFields()
    {
        var documented = Request("reset-mfa-settings");
        var answer = Response("reset-mfa-settings");
        await using var emulator = await PingOneEmulator.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        var url = Url(documented, ("emulator", emulator.ApiBaseAddress.AbsoluteUri.TrimEnd('/'), false), environmentId: Env);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(documented.Method), url));
        var body = Parse(await response.Content.ReadAsStringAsync());

        // Ping's answer has no lockout; the emulator keeps its own lockout. Everything Ping shows is there, authentication.deviceSelection included.
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(answer.Status));
            Assert.That(FieldNames(body), Is.SupersetOf(FieldNames(answer.Body)));
            Assert.That((string?)body["authentication"]?["deviceSelection"], Is.EqualTo((string?)answer.Body!["authentication"]!["deviceSelection"]));
            Assert.That((int)body["pairing"]!["maxAllowedDevices"]!, Is.EqualTo(5), "EmulatorOptions' default, also PingOne's");
        });
    }

    // Ping's Read MFA Settings example answers every field below, authentication.deviceSelection included.
    [Test]
    public async Task DocumentedReadRequest_IsAnsweredWithTheDocumentedFields()
    {
        var documented = Request("read-mfa-settings");
        var answer = Response("read-mfa-settings");
        await using var emulator = await PingOneEmulator.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        var url = Url(documented, ("emulator", emulator.ApiBaseAddress.AbsoluteUri.TrimEnd('/'), false), environmentId: Env);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(documented.Method), url));
        var body = Parse(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(answer.Status));
            Assert.That(FieldNames(body), Is.EqualTo(FieldNames(answer.Body)));
            Assert.That((string?)body["authentication"]?["deviceSelection"], Is.EqualTo(MfaSettingsAuthentication.DefaultToFirst));
        });
    }

    // Set by an update, kept by a read-change-write of something else, back to Ping's default after a reset.
    [Test]
    public async Task DeviceSelection_IsStored_KeptThroughAReadChangeWrite_AndResetToTheDefault()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var settings = await client.GetMfaSettingsAsync(Env);
        settings.Authentication!.DeviceSelection = MfaSettingsAuthentication.PromptToSelect;

        var stored = await client.UpdateMfaSettingsAsync(Env, settings);
        var again = await client.GetMfaSettingsAsync(Env);
        again.Pairing!.MaxAllowedDevices = 8;
        await client.UpdateMfaSettingsAsync(Env, again);
        var afterOtherChange = await client.GetMfaSettingsAsync(Env);
        var reset = await client.ResetMfaSettingsAsync(Env);

        Assert.Multiple(() =>
        {
            Assert.That(stored.Authentication?.DeviceSelection, Is.EqualTo("PROMPT_TO_SELECT"));
            Assert.That((afterOtherChange.Authentication?.DeviceSelection, afterOtherChange.Pairing?.MaxAllowedDevices), Is.EqualTo(("PROMPT_TO_SELECT", 8)));
            Assert.That(reset.Authentication?.DeviceSelection, Is.EqualTo("DEFAULT_TO_FIRST"));
        });
    }

    [Test]
    public async Task UnknownEnvironment_IsNotFound()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.GetMfaSettingsAsync("11111111-2222-4333-8444-555555555555"));

        Assert.That(error!.Status, Is.EqualTo(404));
    }
}
