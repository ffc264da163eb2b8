using System.Net;
using Newtonsoft.Json.Linq;
using PingOne.Generated;

namespace PingOne.Generated.Tests;

/// <summary>The wire format of reading, listing, renaming, activating and deleting a device.</summary>
public class DeviceLifecycleMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private static readonly string DeviceUrl = DevicesUrl + "/" + Seed.DeviceId;

    [Test]
    public async Task Activate_PostsTheOtpWithTheVendorContentType()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DeviceUrl).Respond(HttpStatusCode.OK, "application/json", Seed.ResponseJson);

        var device = await Client(mock).ActivateDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId, " 123456 ");

        var sent = mock.Sent.Single();
        Assert.That(sent.ContentType?.MediaType, Is.EqualTo("application/vnd.pingidentity.device.activate+json"));
        Assert.That(JToken.DeepEquals(sent.BodyJson, JToken.Parse("""{"otp":"123456"}""")), Is.True, sent.Body);
        Assert.That(device.Id, Is.EqualTo(Seed.DeviceId));
    }

    [Test]
    public void Activate_IsNotResentAfterAServerError()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DeviceUrl).Respond(HttpStatusCode.InternalServerError, "application/json", """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}""");

        Assert.CatchAsync<PingOneException>(() => Client(mock).ActivateDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId, "123456"));
        Assert.That(mock.Sent, Has.Count.EqualTo(1), "an OTP is used once");
    }

    [Test]
    public async Task Rename_PutsTheNickname()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Put, DeviceUrl + "/nickname").Respond(HttpStatusCode.OK, "application/json", Seed.ResponseJson);

        await Client(mock).UpdateNicknameAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId, "My phone");

        var sent = mock.Sent.Single();
        Assert.That(sent.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(JToken.DeepEquals(sent.BodyJson, JToken.Parse("""{"nickname":"My phone"}""")), Is.True, sent.Body);
    }

    [Test]
    public async Task Delete_SendsDelete_AndAcceptsNoContent()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Delete, DeviceUrl).Respond(HttpStatusCode.NoContent);

        await Client(mock).DeleteDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);

        mock.Handler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Get_ReadsOneDevice()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DeviceUrl).Respond(HttpStatusCode.OK, "application/json", Seed.ResponseJson);

        var device = await Client(mock).GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);

        Assert.That(device.Extension, Is.EqualTo("313#"));
    }

    [Test]
    public async Task List_TypesVoiceDevices_KeepsOtherTypes_AndFollowsPagingLinks()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", $$"""
            {
              "_links": { "self": { "href": "{{DevicesUrl}}" }, "next": { "href": "{{DevicesUrl}}?cursor=abc" } },
              "_embedded": { "devices": [
                { "id": "v1", "type": "VOICE", "phone": "+15125551234", "extension": "313#", "status": "ACTIVE" },
                { "id": "m1", "type": "MOBILE", "status": "ACTIVE", "model": { "name": "iPhone" } },
                { "id": "f1", "type": "FIDO2", "status": "ACTIVE" }
              ] },
              "count": 3, "size": 3
            }
            """);
        mock.Expect(HttpMethod.Get, DevicesUrl + "?cursor=abc").Respond(HttpStatusCode.OK, "application/json", $$"""
            { "_links": { "self": { "href": "{{DevicesUrl}}?cursor=abc" } }, "_embedded": { "devices": [ { "id": "e1", "type": "EMAIL", "status": "ACTIVE" } ] } }
            """);

        var devices = await Client(mock).ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(devices.Select(d => d.Type), Is.EqualTo(new[] { "VOICE", "MOBILE", "FIDO2", "EMAIL" }));
        Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[] { DevicesUrl, DevicesUrl + "?cursor=abc" }));
        Assert.That(devices[0].Phone, Is.EqualTo("+15125551234"));
        Assert.That(devices[0].Extension, Is.EqualTo("313#"));
        Assert.That(devices[1].AdditionalProperties.Keys, Is.EquivalentTo(new[] { "model" }));
    }

    [Test]
    public void Rename_TooLong_IsRejectedBeforeSending()
    {
        using var mock = new PingOneMock();

        var error = Assert.ThrowsAsync<ArgumentException>(() => Client(mock).UpdateNicknameAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId, new string('x', 101)));

        Assert.That(error!.ParamName, Is.EqualTo("nickname"));
        Assert.That(mock.Sent, Is.Empty);
    }

    private static PingOneMfaClient Client(PingOneMock mock) => mock.CreateClient();
}
