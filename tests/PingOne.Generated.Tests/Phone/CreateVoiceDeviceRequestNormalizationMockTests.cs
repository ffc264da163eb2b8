using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Phone;

/// <summary>A request built any way reaches the wire normalized, the caller's object is never changed, and an invalid one never reaches the wire.</summary>
public class CreateVoiceDeviceRequestNormalizationMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();

    [Test]
    public async Task ObjectInitializer_WithExtensionInThePhoneText_SendsPhoneAndExtensionApart()
    {
        var request = new CreateVoiceDeviceRequest { Phone = "+1 (512) 555-1234 ext. 313#", Policy = new DevicePolicyReference { Id = Seed.PolicyId } };

        var sent = await Send(request);

        Assert.That(JToken.DeepEquals(sent, Body("+15125551234", "313#")), Is.True, sent.ToString());
        Assert.That(request.Phone, Is.EqualTo("+1 (512) 555-1234 ext. 313#"), "the caller's request is not changed");
        Assert.That(request.Extension, Is.Null, "the caller's request is not changed");
    }

    [Test]
    public async Task Factory_SendsTheCanonicalPhone()
    {
        var sent = await Send(CreateVoiceDeviceRequest.Create("1-512-555-1234", Seed.PolicyId, extension: " 313# "));

        Assert.That(JToken.DeepEquals(sent, Body("+15125551234", "313#")), Is.True, sent.ToString());
    }

    [Test]
    public async Task DeserializedFromJson_SendsTheCanonicalPhone()
    {
        var request = JsonConvert.DeserializeObject<CreateVoiceDeviceRequest>(Seed.RequestJson)!;

        var sent = await Send(request);

        Assert.That(JToken.DeepEquals(sent, Seed.CanonicalRequestJson()), Is.True, sent.ToString());
    }

    [Test]
    public async Task TheCallersRequest_IsLeftExactlyAsItWas_AndCanBeSentAgain()
    {
        var request = new CreateVoiceDeviceRequest { Phone = "+1.512.555.1234 x9", Nickname = "Desk", Policy = new DevicePolicyReference { Id = Seed.PolicyId } };
        var before = JsonConvert.SerializeObject(request);

        var first = await Send(request);
        var second = await Send(request);

        Assert.That(JsonConvert.SerializeObject(request), Is.EqualTo(before));
        Assert.That(JToken.DeepEquals(first, second), Is.True);
        Assert.That(first["phone"]!.Value<string>(), Is.EqualTo("+15125551234"));
        Assert.That(first["extension"]!.Value<string>(), Is.EqualTo("9"));
    }

    [Test]
    public void SerializedOutsideTheClient_IsWrittenAsGiven_BecauseOnlyTheClientNormalizes()
    {
        var request = new CreateVoiceDeviceRequest { Phone = "+1.512.555.1234", Extension = "9", Policy = new DevicePolicyReference { Id = Seed.PolicyId } };

        var json = JToken.Parse(JsonConvert.SerializeObject(request));

        Assert.That(json["phone"]!.Value<string>(), Is.EqualTo("+1.512.555.1234"));
    }

    [TestCase("(512) 555-1234", PhoneNumberProblem.MissingCountryCode)]
    [TestCase("+1 123 456 7890", PhoneNumberProblem.InvalidForRegion)]
    [TestCase("not a phone", PhoneNumberProblem.NotANumber)]
    [TestCase("", PhoneNumberProblem.Empty)]
    [TestCase(null, PhoneNumberProblem.Empty)]
    public void InvalidPhone_NeverReachesTheWire(string? phone, PhoneNumberProblem reason)
    {
        using var mock = new PingOneMock();
        var create = mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(new PingOneMfaClientOptions());
        var request = new CreateVoiceDeviceRequest { Phone = phone!, Policy = new DevicePolicyReference { Id = Seed.PolicyId } };

        var error = Assert.ThrowsAsync<InvalidPhoneNumberException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request));

        Assert.That(error!.Reason, Is.EqualTo(reason));
        Assert.That(error.ParamName, Is.EqualTo("phone"));
        Assert.That(mock.Sent, Is.Empty);
        Assert.That(mock.Handler.GetMatchCount(create), Is.Zero);
    }

    [Test]
    public void ConflictingExtensions_NeverReachTheWire()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient(new PingOneMfaClientOptions());
        var request = new CreateVoiceDeviceRequest { Phone = "+15125551234 x1", Extension = "2", Policy = new DevicePolicyReference { Id = Seed.PolicyId } };

        var error = Assert.ThrowsAsync<InvalidPhoneNumberException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request));

        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.ConflictingExtensions));
        Assert.That(mock.Sent, Is.Empty);
        Assert.That(request.Phone, Is.EqualTo("+15125551234 x1"), "a rejected request is left as it was");
    }

    [Test]
    public async Task ClientWithDefaultRegion_AcceptsNationalNumbers()
    {
        var options = new PingOneMfaClientOptions { PhoneNormalization = new PhoneNormalizationOptions { DefaultRegion = "US" } };

        var sent = await Send(new CreateVoiceDeviceRequest { Phone = "(512) 555-1234", Policy = new DevicePolicyReference { Id = Seed.PolicyId } }, options);

        Assert.That(sent["phone"]!.Value<string>(), Is.EqualTo("+15125551234"));
    }

    [Test]
    public async Task ClientWithPossibleValidation_SendsNumbersNewerThanTheMetadata()
    {
        var options = new PingOneMfaClientOptions { PhoneNormalization = new PhoneNormalizationOptions { Validation = PhoneValidation.Possible } };

        var sent = await Send(new CreateVoiceDeviceRequest { Phone = "+1 123 456 7890", Policy = new DevicePolicyReference { Id = Seed.PolicyId } }, options);

        Assert.That(sent["phone"]!.Value<string>(), Is.EqualTo("+11234567890"));
    }

    [Test]
    public void MissingPolicyId_IsRejectedBeforeSending()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient(new PingOneMfaClientOptions());
        var request = new CreateVoiceDeviceRequest { Phone = "+15125551234", Policy = new DevicePolicyReference() };

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(mock.Sent, Is.Empty);
    }

    private static JToken Body(string phone, string? extension)
    {
        var body = new JObject { ["type"] = "VOICE", ["phone"] = phone };
        if (extension is not null) body["extension"] = extension;
        body["policy"] = new JObject { ["id"] = Seed.PolicyId };
        return body;
    }

    private static async Task<JToken> Send(CreateVoiceDeviceRequest request, PingOneMfaClientOptions? options = null)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.Created, "application/json", Seed.ResponseJson);
        var client = mock.CreateClient(options ?? new PingOneMfaClientOptions());
        await client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request);
        mock.Handler.VerifyNoOutstandingExpectation();
        return mock.Sent.Single().BodyJson;
    }
}
