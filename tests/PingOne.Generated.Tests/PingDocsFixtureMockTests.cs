using System.Net;
using Newtonsoft.Json.Linq;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.Tests;

/// <summary>
/// Ping's documented examples (Fixtures/PingDocs) replayed through the client's public API: every documented request
/// against what the client sends, every documented response through the method that receives it.
/// </summary>
public class PingDocsFixtureMockTests
{
    private static IEnumerable<TestCaseData> RequestCases() =>
        from operation in Operations
        from reading in Readings
        select new TestCaseData(operation, reading.Name).SetName($"DocumentedRequest_IsWhatTheClientSends({operation}, {reading.Name})");

    [TestCaseSource(nameof(RequestCases))]
    public async Task DocumentedRequest_IsWhatTheClientSends(string operation, string readingName)
    {
        var reading = Readings.Single(r => r.Name == readingName);
        var documented = Request(operation);
        var url = Url(documented, reading);
        var body = Body(documented);
        using var mock = new PingOneMock();
        mock.Expect(new HttpMethod(documented.Method), url.AbsoluteUri).Respond(AnswerFor(operation), "application/json", AnswerBodyFor(operation));
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(reading.InsertV1 ? reading.ApiPath + "/v1" : reading.ApiPath) });

        await Call(client, operation, body);

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method.Method, Is.EqualTo(documented.Method));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(url.AbsoluteUri));
            Assert.That(sent.ContentType?.MediaType, Is.EqualTo(documented.ContentType));
            if (body is null) Assert.That(sent.Body, Is.Empty);
            else Assert.That(JToken.DeepEquals(sent.BodyJson, Expected(operation, body)), Is.True, $"sent {sent.Body}, documented {body}");
        });
    }

    [Test]
    public async Task DocumentedCreateResponse_MapsEveryField()
    {
        var documented = Response("create-voice-device");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, "*").Respond((HttpStatusCode)documented.Status, "application/json", documented.Body!.ToString());

        var device = await mock.CreateClient().CreateVoiceDeviceAsync(EnvironmentId, UserId, CreateVoiceDeviceRequest.Create("+1.5125551111", PolicyId, "313#"));

        Assert.Multiple(() =>
        {
            Assert.That(documented.Status, Is.EqualTo(201));
            Assert.That(device.Id, Is.EqualTo((string)documented.Body!["id"]!));
            Assert.That(device.Type, Is.EqualTo((string)documented.Body["type"]!));
            Assert.That(device.Status, Is.EqualTo((string)documented.Body["status"]!));
            Assert.That(device.Phone, Is.EqualTo((string)documented.Body["phone"]!));
            Assert.That(device.Extension, Is.EqualTo((string)documented.Body["extension"]!));
            Assert.That(device.Environment?.Id, Is.EqualTo((string)documented.Body["environment"]!["id"]!));
            Assert.That(device.User?.Id, Is.EqualTo((string)documented.Body["user"]!["id"]!));
            Assert.That(device.Links?.Self?.Href, Is.EqualTo((string)documented.Body["_links"]!["self"]!["href"]!));
            Assert.That(device.CreatedAt, Is.EqualTo((DateTimeOffset)documented.Body["createdAt"]!));
            Assert.That(device.AdditionalProperties, Is.Empty, "every documented field has a typed property");
            Assert.That(JToken.DeepEquals(ToJson(device), Parse(documented.Body.ToString())), Is.True, ToJson(device).ToString());
        });
    }

    [Test]
    public async Task DocumentedNicknameResponse_IsWhatUpdateNicknameReturns()
    {
        var documented = Response("update-device-nickname");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Put, "*").Respond((HttpStatusCode)documented.Status, "application/json", documented.Body!.ToString());

        var renamed = await mock.CreateClient().UpdateNicknameAsync(EnvironmentId, UserId, DeviceId, "My phone");

        Assert.Multiple(() =>
        {
            Assert.That(mock.Sent, Has.Count.EqualTo(1), "a readable answer is not sent again");
            Assert.That(renamed.Nickname, Is.EqualTo((string)documented.Body!["nickname"]!));
            Assert.That(renamed.Links?.Self?.Href, Is.EqualTo((string)documented.Body["_links"]!["self"]!["href"]!));
            Assert.That(renamed.Links?.Device?.Href, Is.EqualTo((string)documented.Body["_links"]!["device"]!["href"]!));
            Assert.That(renamed.AdditionalProperties, Is.Empty, "every documented field has a typed property");
            Assert.That(JToken.DeepEquals(ToJson(renamed), documented.Body), Is.True, ToJson(renamed).ToString());
        });
    }

    // Ping's Unblock page answers 200 with the whole device; its example is an SMS device, which keeps its type and fields.
    [Test]
    public async Task DocumentedUnblockResponse_IsTheDeviceUnblockReturns()
    {
        var documented = Response("unblock-device");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, "*").Respond((HttpStatusCode)documented.Status, "application/json", documented.Body!.ToString());

        var device = await mock.CreateClient().UnblockDeviceAsync(EnvironmentId, UserId, DeviceId);

        Assert.Multiple(() =>
        {
            Assert.That(documented.Status, Is.EqualTo(200));
            Assert.That(mock.Sent, Has.Count.EqualTo(1), "a readable answer is not sent again");
            Assert.That(device.Id, Is.EqualTo((string)documented.Body!["id"]!));
            Assert.That(device.Type, Is.EqualTo("SMS"), "a device of another type keeps its type");
            Assert.That(device.Block?.Status, Is.EqualTo((string)documented.Body["block"]!["status"]!));
            Assert.That(device.Lock?.Status, Is.EqualTo((string)documented.Body["lock"]!["status"]!));
            Assert.That(device.Status, Is.EqualTo((string)documented.Body["status"]!));
            Assert.That(device.Phone, Is.EqualTo((string)documented.Body["phone"]!));
            Assert.That(device.TestMode, Is.True);
            Assert.That(device.UpdatedAt, Is.EqualTo((DateTimeOffset)documented.Body["updatedAt"]!));
            Assert.That(device.Links?.User?.Href, Is.EqualTo((string)documented.Body["_links"]!["user"]!["href"]!));
            Assert.That(JToken.DeepEquals(ToJson(device), Parse(documented.Body.ToString())), Is.True, ToJson(device).ToString());
        });
    }

    // Fields the documented SMS device does not have (another type's own properties) are kept, not dropped.
    [Test]
    public async Task UnblockOfADeviceOfAnotherType_KeepsItsOwnProperties()
    {
        var answer = (JObject)Response("unblock-device").Body!.DeepClone();
        answer["type"] = "EMAIL";
        answer.Remove("phone");
        answer["email"] = "someone@example.com";
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, "*").Respond(HttpStatusCode.OK, "application/json", answer.ToString());

        var device = await mock.CreateClient().UnblockDeviceAsync(EnvironmentId, UserId, DeviceId);

        Assert.That((device.Type, device.Phone, device.AdditionalProperties["email"]?.ToString()), Is.EqualTo(("EMAIL", (string?)null, "someone@example.com")));
    }

    [Test]
    public async Task DocumentedDeleteResponse_CompletesTheDelete()
    {
        var documented = Response("delete-device");
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Delete, "*").Respond((HttpStatusCode)documented.Status);

        await mock.CreateClient().DeleteDeviceAsync(EnvironmentId, UserId, DeviceId);

        Assert.That((documented.Status, documented.Body, mock.Sent.Count), Is.EqualTo((204, (JToken?)null, 1)));
    }

    [Test]
    public void DocumentedDeviceLimitError_IsTyped()
    {
        var documented = Response("device-limit");
        var detail = documented.Body!["details"]![0]!;
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, "*").Respond((HttpStatusCode)documented.Status, "application/json", documented.Body.ToString());

        var error = Assert.CatchAsync<PingOneException>(() => mock.CreateClient().CreateVoiceDeviceAsync(EnvironmentId, UserId, CreateVoiceDeviceRequest.Create("+1.5125551111", PolicyId)))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Status, error.Kind), Is.EqualTo((documented.Status, PingOneFailureKind.Refused)));
            Assert.That(error.DeviceMayHaveBeenCreated, Is.False, "a refused create created nothing");
            Assert.That(error.Error?.Code, Is.EqualTo((string)documented.Body["code"]!));
            Assert.That(error.Error?.Target, Is.EqualTo((string?)documented.Body["target"]));
            Assert.That(error.Details.Single().Code, Is.EqualTo((string)detail["code"]!));
            Assert.That(error.Details.Single().Target, Is.EqualTo((string?)detail["target"]));
            Assert.That(error.Details.Single().InnerError?.MaximumAllowed, Is.EqualTo((int)detail["innerError"]!["maximumAllowed"]!));
            Assert.That(error.Details.Single().InnerError?.AdditionalProperties, Is.Empty, "maximumAllowed is typed");
            Assert.That(JToken.DeepEquals(ToJson(error.Error!), documented.Body), Is.True, ToJson(error.Error!).ToString());
        });
    }

    [Test]
    public void TopLevelTarget_IsTyped()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, "*").Respond(HttpStatusCode.BadRequest, "application/json", """{"id":"e","code":"INVALID_REQUEST","message":"Bad.","target":"filter"}""");

        var error = Assert.CatchAsync<PingOneException>(() => mock.CreateClient().ListDevicesAsync(EnvironmentId, UserId))!;

        Assert.That((error.Error?.Target, error.Error?.AdditionalProperties.Count), Is.EqualTo(("filter", 0)));
    }

    private static readonly string[] IdempotentOperations = { "read-device", "list-devices", "delete-device", "update-device-nickname", "unblock-device" };

    // Before the fix an unreadable 200 counted as an unknown outcome and the idempotent call was sent again (3 times by default).
    [TestCaseSource(nameof(IdempotentOperations))]
    public void UnreadableSuccess_OfAnIdempotentCall_IsOneClearError(string operation)
    {
        var documented = Request(operation);
        using var mock = new PingOneMock();
        mock.When(new HttpMethod(documented.Method), "*").Respond(HttpStatusCode.OK, "application/json", "[1, 2");

        var error = Assert.CatchAsync<PingOneException>(() => Call(mock.CreateClient(), operation, Body(documented)))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Kind, error.Status), Is.EqualTo((PingOneFailureKind.InvalidResponse, 200)));
            Assert.That(mock.Sent, Has.Count.EqualTo(1), "an unreadable success is not sent again");
        });
    }

    [Test]
    public void UnreadableSuccess_OfACreate_StillSaysTheDeviceMayExist()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, "*").Respond(HttpStatusCode.Created, "application/json", "{\"id\":");

        var error = Assert.CatchAsync<PingOneException>(() => mock.CreateClient().CreateVoiceDeviceAsync(EnvironmentId, UserId, CreateVoiceDeviceRequest.Create("+1.5125551111", PolicyId)))!;

        Assert.That((error.Kind, error.DeviceMayHaveBeenCreated, mock.Sent.Count), Is.EqualTo((PingOneFailureKind.InvalidResponse, true, 1)));
    }

    // The client sends the phone in E.164: the documented body with its phone in that form (the same number).
    private static JToken Expected(string operation, JToken documented)
    {
        if (operation != "create-voice-device") return documented;
        var expected = documented.DeepClone();
        expected["phone"] = PhoneNumberNormalizer.Default.Normalize((string)documented["phone"]!, (string?)documented["extension"]).Phone;
        return expected;
    }

    private static HttpStatusCode AnswerFor(string operation) => operation switch
    {
        "create-voice-device" => HttpStatusCode.Created,
        "delete-device" => HttpStatusCode.NoContent,
        _ => HttpStatusCode.OK,
    };

    private static string AnswerBodyFor(string operation) => operation switch
    {
        "list-devices" => """{"_embedded":{"devices":[]}}""",
        "update-device-nickname" => Response("update-device-nickname").Body!.ToString(),
        "delete-device" => string.Empty,
        _ => Response("create-voice-device").Body!.ToString(),
    };

    // Each operation called through the public API with the documented body's values.
    private static Task Call(PingOneMfaClient client, string operation, JToken? body) => operation switch
    {
        "create-voice-device" => client.CreateVoiceDeviceAsync(EnvironmentId, UserId, new CreateVoiceDeviceRequest
        {
            Type = VoiceDeviceType.Voice,
            Phone = (string)body!["phone"]!,
            Extension = (string?)body["extension"],
            Policy = new DevicePolicyReference { Id = (string)body["policy"]!["id"]! },
        }),
        "list-devices" => client.ListDevicesAsync(EnvironmentId, UserId),
        "read-device" => client.GetDeviceAsync(EnvironmentId, UserId, DeviceId),
        "delete-device" => client.DeleteDeviceAsync(EnvironmentId, UserId, DeviceId),
        "update-device-nickname" => client.UpdateNicknameAsync(EnvironmentId, UserId, DeviceId, (string)body!["nickname"]!),
        "activate-device" => client.ActivateDeviceAsync(EnvironmentId, UserId, DeviceId, (string)body!["otp"]!),
        "unblock-device" => client.UnblockDeviceAsync(EnvironmentId, UserId, DeviceId),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
