using System.Net;
using Newtonsoft.Json.Linq;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.Tests;

/// <summary>
/// <see cref="PingOneMfaClient.GetMfaSettingsAsync"/>, <see cref="PingOneMfaClient.UpdateMfaSettingsAsync"/> and
/// <see cref="PingOneMfaClient.ResetMfaSettingsAsync"/> on a mocked
/// wire: the exact request, Ping's documented examples (Fixtures/PingDocs/*-mfa-settings.*) and the device-limit range check.
/// </summary>
public class MfaSettingsMockTests
{
    private const string SettingsUrl = "https://api.pingone.com/v1/environments/" + EnvironmentId + "/mfaSettings";

    [Test]
    public async Task Get_SendsOneGet_ToTheEnvironmentsMfaSettings_WithTheBearerToken_AndNoBody()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, SettingsUrl).Respond("application/json", Response("read-mfa-settings").Body!.ToString());

        await mock.CreateClient().GetMfaSettingsAsync(EnvironmentId);

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(SettingsUrl));
            Assert.That(sent.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
            Assert.That(sent.Body, Is.Empty);
        });
    }

    [TestCase("html: {{apiPath}}/environments")]
    [TestCase("md: {{apiPath}}/v1/environments")]
    public async Task DocumentedReadRequest_IsWhatTheClientSends(string readingName)
    {
        var reading = Readings.Single(r => r.Name == readingName);
        var documented = Request("read-mfa-settings");
        var url = Url(documented, reading);
        using var mock = new PingOneMock();
        mock.Expect(new HttpMethod(documented.Method), url.AbsoluteUri).Respond("application/json", Response("read-mfa-settings").Body!.ToString());
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(reading.InsertV1 ? reading.ApiPath + "/v1" : reading.ApiPath) });

        await client.GetMfaSettingsAsync(EnvironmentId);

        Assert.That(mock.Sent.Single().Uri.AbsoluteUri, Is.EqualTo(url.AbsoluteUri));
    }

    [Test]
    public async Task DocumentedReadResponse_MapsEveryField_AndNothingIsLeftUntyped()
    {
        var documented = Response("read-mfa-settings");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, SettingsUrl).Respond((HttpStatusCode)documented.Status, "application/json", documented.Body!.ToString());

        var settings = await mock.CreateClient().GetMfaSettingsAsync(EnvironmentId);

        Assert.Multiple(() =>
        {
            Assert.That(documented.Status, Is.EqualTo(200));
            Assert.That(settings.Pairing?.MaxAllowedDevices, Is.EqualTo(10));
            Assert.That(settings.Pairing?.PairingKeyFormat, Is.EqualTo("ALPHANUMERIC"));
            Assert.That(settings.Lockout?.FailureCount, Is.EqualTo(6));
            Assert.That(settings.Lockout?.DurationSeconds, Is.EqualTo(1200));
            Assert.That(settings.PhoneExtensions?.Enabled, Is.True);
            Assert.That(settings.Users?.MfaEnabled, Is.True);
            Assert.That(settings.Authentication?.DeviceSelection, Is.EqualTo("DEFAULT_TO_FIRST"));
            Assert.That(settings.Environment?.Id, Is.EqualTo(EnvironmentId));
            Assert.That(settings.Links?.Self?.Href, Is.EqualTo((string)documented.Body!["_links"]!["self"]!["href"]!));
            Assert.That(settings.UpdatedAt, Is.EqualTo((DateTimeOffset)documented.Body["updatedAt"]!));
            Assert.That(settings.AdditionalProperties, Is.Empty, "every documented field has a typed property");
            Assert.That(JToken.DeepEquals(ToJson(settings), Parse(documented.Body.ToString())), Is.True, ToJson(settings).ToString());
        });
    }

    [Test]
    public async Task DocumentedUpdateRequest_IsWhatTheClientSends_ForThoseSettings()
    {
        var documented = Request("update-mfa-settings");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Put, Url(documented, Readings[0]).AbsoluteUri).Respond("application/json", Response("update-mfa-settings").Body!.ToString());
        var settings = new MfaSettings
        {
            Pairing = new MfaSettingsPairing { MaxAllowedDevices = 10, PairingKeyFormat = "ALPHANUMERIC" },
            Lockout = new MfaSettingsLockout { FailureCount = 6, DurationSeconds = 1200 },
            PhoneExtensions = new MfaSettingsPhoneExtensions { Enabled = true },
            Users = new MfaSettingsUsers { MfaEnabled = true },
        };

        var stored = await mock.CreateClient().UpdateMfaSettingsAsync(EnvironmentId, settings);

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method.Method, Is.EqualTo(documented.Method));
            Assert.That(sent.ContentType?.MediaType, Is.EqualTo(documented.ContentType));
            Assert.That(JToken.DeepEquals(sent.BodyJson, documented.Body), Is.True, $"sent {sent.Body}, documented {documented.Body}");
            Assert.That(stored.Pairing?.MaxAllowedDevices, Is.EqualTo(10));
            Assert.That(stored.UpdatedAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task Update_OfWhatWasRead_SendsEverythingBackButTheReadOnlyParts_IncludingUnknownProperties_AndLeavesTheCallersObjectAlone()
    {
        var read = (JObject)Response("read-mfa-settings").Body!.DeepClone();
        read["futureSetting"] = new JObject { ["on"] = true };
        ((JObject)read["pairing"]!)["futurePairingOption"] = "kept";
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, SettingsUrl).Respond("application/json", read.ToString());
        mock.Expect(HttpMethod.Put, SettingsUrl).Respond("application/json", read.ToString());
        var client = mock.CreateClient();

        var settings = await client.GetMfaSettingsAsync(EnvironmentId);
        settings.PhoneExtensions!.Enabled = false;
        settings.Pairing!.MaxAllowedDevices = 3;
        await client.UpdateMfaSettingsAsync(EnvironmentId, settings);

        var expected = (JObject)read.DeepClone();
        expected.Remove("_links");
        expected.Remove("environment");
        expected.Remove("updatedAt");
        expected["phoneExtensions"]!["enabled"] = false;
        expected["pairing"]!["maxAllowedDevices"] = 3;
        var put = mock.Sent[1];
        Assert.Multiple(() =>
        {
            Assert.That(put.Method, Is.EqualTo(HttpMethod.Put));
            Assert.That(put.Uri.AbsoluteUri, Is.EqualTo(SettingsUrl));
            Assert.That(put.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
            Assert.That(put.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(JToken.DeepEquals(put.BodyJson, expected), Is.True, $"sent {put.Body}");
            Assert.That(settings.Links, Is.Not.Null, "the caller's object keeps its links");
            Assert.That(settings.UpdatedAt, Is.Not.Null, "the caller's object keeps its update time");
        });
    }

    // Ping's read example carries authentication.deviceSelection; a read-change-write sends it back as read.
    [Test]
    public async Task Update_OfPingsDocumentedRead_SendsTheDeviceSelectionBack()
    {
        var read = Response("read-mfa-settings").Body!.ToString();
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, SettingsUrl).Respond("application/json", read);
        mock.Expect(HttpMethod.Put, SettingsUrl).Respond("application/json", read);
        var client = mock.CreateClient();

        var settings = await client.GetMfaSettingsAsync(EnvironmentId);
        settings.Pairing!.MaxAllowedDevices = 4;
        await client.UpdateMfaSettingsAsync(EnvironmentId, settings);

        Assert.That(JToken.DeepEquals(mock.Sent[1].BodyJson!["authentication"], JToken.Parse("""{"deviceSelection":"DEFAULT_TO_FIRST"}""")), Is.True, mock.Sent[1].Body);
    }

    [TestCase(0)]
    [TestCase(16)]
    [TestCase(-1)]
    public void Update_WithMaxAllowedDevicesOutsideOneToFifteen_ThrowsNamingTheProperty_AndSendsNothing(int max)
    {
        using var mock = new PingOneMock();
        var settings = new MfaSettings { Pairing = new MfaSettingsPairing { MaxAllowedDevices = max } };

        var error = Assert.ThrowsAsync<ArgumentException>(() => mock.CreateClient().UpdateMfaSettingsAsync(EnvironmentId, settings));

        Assert.That(error!.Message, Does.Contain("pairing.maxAllowedDevices"));
        Assert.That(error.ParamName, Is.EqualTo("settings"));
        Assert.That(mock.Sent, Is.Empty);
    }

    [TestCase(1)]
    [TestCase(15)]
    public async Task Update_WithMaxAllowedDevicesAtTheDocumentedBounds_IsSent(int max)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Put, SettingsUrl).Respond("application/json", "{}");

        await mock.CreateClient().UpdateMfaSettingsAsync(EnvironmentId, new MfaSettings { Pairing = new MfaSettingsPairing { MaxAllowedDevices = max } });

        Assert.That((int)mock.Sent.Single().BodyJson["pairing"]!["maxAllowedDevices"]!, Is.EqualTo(max));
    }

    [Test]
    public void NotAUuid_OrNoSettings_Throws_AndSendsNothing()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync<ArgumentException>(() => client.GetMfaSettingsAsync("env"))!.ParamName, Is.EqualTo("environmentId"));
            Assert.That(Assert.ThrowsAsync<ArgumentException>(() => client.UpdateMfaSettingsAsync("env", new MfaSettings()))!.ParamName, Is.EqualTo("environmentId"));
            Assert.That(Assert.ThrowsAsync<ArgumentNullException>(() => client.UpdateMfaSettingsAsync(EnvironmentId, null!))!.ParamName, Is.EqualTo("settings"));
            Assert.That(mock.Sent, Is.Empty);
        });
    }

    [Test]
    public async Task Update_AnsweredWith503_IsSentAgain_BecauseAWholeSettingsPutIsIdempotent()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Put, SettingsUrl).Respond(HttpStatusCode.ServiceUnavailable);
        mock.Expect(HttpMethod.Put, SettingsUrl).Respond("application/json", Response("update-mfa-settings").Body!.ToString());
        var client = mock.CreateClient(new PingOneMfaClientOptions { Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } });

        var stored = await client.UpdateMfaSettingsAsync(EnvironmentId, new MfaSettings { Pairing = new MfaSettingsPairing { MaxAllowedDevices = 10 } });

        Assert.That(mock.Sent, Has.Count.EqualTo(2));
        Assert.That(stored.Pairing?.MaxAllowedDevices, Is.EqualTo(10));
    }

    [Test]
    public void Refusal_IsAPingOneException_WithTheStatus()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Put, SettingsUrl).Respond(HttpStatusCode.BadRequest, "application/json",
            """{"id":"e","code":"INVALID_DATA","message":"m","details":[{"code":"INVALID_VALUE","target":"pairing.maxAllowedDevices","message":"too many"}]}""");

        var error = Assert.CatchAsync<PingOneException>(() => mock.CreateClient().UpdateMfaSettingsAsync(EnvironmentId, new MfaSettings()));

        Assert.That(error!.Status, Is.EqualTo(400));
        Assert.That(error.Kind, Is.EqualTo(PingOneFailureKind.Refused));
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Reset_SendsOneDelete_WithNoBody_AndReturnsPingsDocumentedDefaults()
    {
        var documented = Response("reset-mfa-settings");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Delete, SettingsUrl).Respond((HttpStatusCode)documented.Status, "application/json", documented.Body!.ToString());

        var settings = await mock.CreateClient().ResetMfaSettingsAsync(EnvironmentId);

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(SettingsUrl));
            Assert.That(sent.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
            Assert.That(sent.Body, Is.Empty);
            Assert.That(sent.ContentType, Is.Null, "Ping's example sends no Content-Type");
            Assert.That(documented.Status, Is.EqualTo(200));
            Assert.That(settings.Pairing?.MaxAllowedDevices, Is.EqualTo(5), "PingOne's documented default");
            Assert.That(settings.PhoneExtensions?.Enabled, Is.False, "PingOne's documented default");
            Assert.That(settings.Users?.MfaEnabled, Is.False);
            Assert.That(settings.Environment?.Id, Is.EqualTo(EnvironmentId));
        });
    }

    [TestCase("html: {{apiPath}}/environments")]
    [TestCase("md: {{apiPath}}/v1/environments")]
    public async Task DocumentedResetRequest_IsWhatTheClientSends(string readingName)
    {
        var reading = Readings.Single(r => r.Name == readingName);
        var documented = Request("reset-mfa-settings");
        var url = Url(documented, reading);
        using var mock = new PingOneMock();
        mock.Expect(new HttpMethod(documented.Method), url.AbsoluteUri).Respond("application/json", Response("reset-mfa-settings").Body!.ToString());
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(reading.InsertV1 ? reading.ApiPath + "/v1" : reading.ApiPath) });

        await client.ResetMfaSettingsAsync(EnvironmentId);

        var sent = mock.Sent.Single();
        Assert.That((sent.Method.Method, sent.Uri.AbsoluteUri, sent.ContentType?.MediaType), Is.EqualTo((documented.Method, url.AbsoluteUri, documented.ContentType)));
    }

    [Test]
    public async Task Reset_IsSentAgainAfterAServerError_ItIsIdempotent()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Delete, SettingsUrl).Respond(HttpStatusCode.InternalServerError, "application/json", """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}""");
        mock.Expect(HttpMethod.Delete, SettingsUrl).Respond("application/json", Response("reset-mfa-settings").Body!.ToString());
        var options = new PingOneMfaClientOptions();
        options.Retry.BaseDelay = TimeSpan.Zero;

        var settings = await mock.CreateClient(options).ResetMfaSettingsAsync(EnvironmentId);

        Assert.That((mock.Sent.Count, settings.Pairing?.MaxAllowedDevices), Is.EqualTo((2, 5)));
    }

    [TestCase("not-a-uuid")]
    [TestCase("../" + EnvironmentId)]
    public void Reset_RejectsAnEnvironmentIdThatIsNotAUuid_BeforeSending(string environmentId)
    {
        using var mock = new PingOneMock();

        var error = Assert.ThrowsAsync<ArgumentException>(() => mock.CreateClient().ResetMfaSettingsAsync(environmentId))!;

        Assert.That((error.ParamName, mock.Sent.Count), Is.EqualTo(("environmentId", 0)));
    }
}
