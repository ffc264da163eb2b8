using System.Net;
using PingOne.Generated;

namespace PingOne.Generated.Tests;

/// <summary>How the create call's 201 body becomes a <see cref="VoiceDevice"/>.</summary>
public class CreateVoiceDeviceResponseMockTests
{
    [Test]
    public async Task SeedResponse_DeserializesEveryField()
    {
        var device = await CreateAnswering(Seed.ResponseJson);

        var devicePath = "https://api.pingone.eu/v1/environments/" + Seed.EnvironmentId + "/users/" + Seed.UserId;
        Assert.Multiple(() =>
        {
            Assert.That(device.Id, Is.EqualTo(Seed.DeviceId));
            Assert.That(device.Environment?.Id, Is.EqualTo(Seed.EnvironmentId));
            Assert.That(device.User?.Id, Is.EqualTo(Seed.UserId));
            Assert.That(device.Type, Is.EqualTo("VOICE"));
            Assert.That(device.Status, Is.EqualTo("ACTIVE"));
            Assert.That(device.Phone, Is.EqualTo("+1.5125551111"));
            Assert.That(device.Extension, Is.EqualTo("313#"));
            Assert.That(device.CreatedAt, Is.EqualTo(new DateTimeOffset(2023, 5, 7, 11, 26, 13, 388, TimeSpan.Zero)));
            Assert.That(device.CreatedAt!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(device.UpdatedAt, Is.EqualTo(new DateTimeOffset(2023, 5, 7, 11, 26, 13, 388, TimeSpan.Zero)));
            Assert.That(device.Links?.Self?.Href, Is.EqualTo(devicePath + "/devices/" + Seed.DeviceId));
            Assert.That(device.Links?.Environment?.Href, Is.EqualTo("https://api.pingone.eu/v1/environments/" + Seed.EnvironmentId));
            Assert.That(device.Links?.User?.Href, Is.EqualTo(devicePath));
            Assert.That(device.AdditionalProperties, Is.Empty);
        });
    }

    [Test]
    public async Task UnknownStatusAndExtraFields_DeserializeAndAreKept()
    {
        var device = await CreateAnswering("""
            {
              "id": "d1", "type": "VOICE_V2", "status": "SUSPENDED",
              "lock": { "status": "FROZEN", "reason": "OTP" },
              "usableStatus": { "status": "ENABLED" },
              "_links": { "self": { "href": "https://x/d1" }, "device.activate": { "href": "https://x/d1/activate" } }
            }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(device.Status, Is.EqualTo("SUSPENDED"));
            Assert.That(device.Type, Is.EqualTo("VOICE_V2"));
            Assert.That(device.Lock?.Status, Is.EqualTo("FROZEN"));
            Assert.That(device.Lock?.AdditionalProperties["reason"], Is.EqualTo("OTP"));
            Assert.That(device.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "usableStatus" }));
            Assert.That(device.Links?.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "device.activate" }));
        });
    }

    [Test]
    public async Task DollarPrefixedFields_AreKeptAsData_NotReadAsJsonNetMetadata()
    {
        // Json.NET reads "$ref", "$id" and "$type" as its own reference and type metadata unless told not to.
        var device = await CreateAnswering("""
            { "$id": "1", "id": "d1", "type": "VOICE", "lock": { "$ref": "2", "status": "UNLOCKED" } }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(device.Id, Is.EqualTo("d1"));
            Assert.That(device.AdditionalProperties["$id"], Is.EqualTo("1"));
            Assert.That(device.Lock?.Status, Is.EqualTo("UNLOCKED"));
            Assert.That(device.Lock?.AdditionalProperties["$ref"], Is.EqualTo("2"));
        });
    }

    [Test]
    public async Task ExplicitNullOptionalFields_Deserialize()
    {
        var device = await CreateAnswering("""
            { "id": "d1", "type": null, "status": null, "nickname": null, "phone": null, "extension": null,
              "lock": null, "block": null, "createdAt": null, "updatedAt": null, "_links": null, "environment": null, "user": null }
            """);

        Assert.Multiple(() =>
        {
            Assert.That(device.Id, Is.EqualTo("d1"));
            Assert.That(device.Status, Is.Null);
            Assert.That(device.CreatedAt, Is.Null);
            Assert.That(device.Lock, Is.Null);
            Assert.That(device.Links, Is.Null);
        });
    }

    [Test]
    public async Task MissingOptionalFields_Deserialize()
    {
        var device = await CreateAnswering("""{ "id": "d1" }""");

        Assert.Multiple(() =>
        {
            Assert.That(device.Id, Is.EqualTo("d1"));
            Assert.That(device.Type, Is.Null);
            Assert.That(device.Phone, Is.Null);
            Assert.That(device.UpdatedAt, Is.Null);
        });
    }

    [Test]
    public async Task DateTimesWithOtherOffsets_KeepTheirOffset()
    {
        var device = await CreateAnswering("""{ "id": "d1", "createdAt": "2026-02-17T13:34:34.840+05:30" }""");

        Assert.That(device.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 2, 17, 13, 34, 34, 840, TimeSpan.FromMinutes(330))));
        Assert.That(device.CreatedAt!.Value.Offset, Is.EqualTo(TimeSpan.FromMinutes(330)));
    }

    [Test]
    public void CreatedWithoutABody_IsAPingOneException()
    {
        var error = Assert.CatchAsync<PingOneException>(() => CreateAnswering(string.Empty));

        Assert.That(error!.Status, Is.EqualTo(201));
    }

    private static async Task<VoiceDevice> CreateAnswering(string body)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath()).Respond(HttpStatusCode.Created, "application/json", body);
        var client = mock.CreateClient(new PingOneMfaClientOptions());
        return await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.Request());
    }
}
