using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.Tests;

/// <summary>
/// The wire form of set and remove device order, block, unblock and unlock: one path each shares with another operation, so the
/// vendor content type is the whole difference and is checked byte for byte, with the body and the exact URL (no fragment).
/// </summary>
public class DeviceOrderAndStateMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private static readonly string DeviceUrl = DevicesUrl + "/" + Seed.DeviceId;
    private static readonly string[] OtherIds =
    {
        "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222",
        "33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444",
    };

    private static readonly (string Action, Func<PingOneMfaClient, Task> Call)[] Actions =
    {
        ("block", c => c.BlockDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId)),
        ("unblock", c => c.UnblockDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId)),
        ("unlock", c => c.UnlockDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId)),
    };

    // Ping documents no answer for block and unlock (any is accepted and ignored); unblock answers 200 with the device.
    private static IEnumerable<TestCaseData> ActionAnswers() =>
        from action in Actions.Select(a => a.Action)
        from answer in action == "unblock" ? new[] { (200, Seed.ResponseJson) } : new[] { (200, Seed.ResponseJson), (200, ""), (204, "") }
        select new TestCaseData(action, answer.Item1, answer.Item2).SetName($"DeviceAction_PostsAnEmptyBodyWithItsVendorContentType({action}, {answer.Item1}, {(answer.Item2.Length == 0 ? "no body" : "device body")})");

    [TestCaseSource(nameof(ActionAnswers))]
    public async Task DeviceAction_PostsAnEmptyBodyWithItsVendorContentType(string action, int status, string answer)
    {
        using var mock = new PingOneMock();
        var expected = mock.Expect(HttpMethod.Post, DeviceUrl);
        if (answer.Length > 0) expected.Respond((HttpStatusCode)status, "application/json", answer);
        else expected.Respond((HttpStatusCode)status);

        await Actions.Single(a => a.Action == action).Call(mock.CreateClient());

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(DeviceUrl), "the spec's #fragment never reaches the wire");
            Assert.That(sent.ContentType?.ToString(), Is.EqualTo($"application/vnd.pingidentity.device.{action}+json"), "exactly the vendor type, no charset");
            Assert.That(sent.Body, Is.Empty, "Ping's examples send --data ''");
            Assert.That(sent.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
        });
    }

    [TestCase("block")]
    [TestCase("unblock")]
    [TestCase("unlock")]
    public async Task DeviceAction_IsSentAgainAfterAServerError_ItIsIdempotent(string action)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DeviceUrl).Respond(HttpStatusCode.InternalServerError, "application/json", """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}""");
        mock.Expect(HttpMethod.Post, DeviceUrl).Respond(HttpStatusCode.OK, "application/json", Seed.ResponseJson);
        var options = new PingOneMfaClientOptions();
        options.Retry.BaseDelay = TimeSpan.Zero;

        await Actions.Single(a => a.Action == action).Call(mock.CreateClient(options));

        Assert.That(mock.Sent.Select(s => s.ContentType?.MediaType), Is.EqualTo(Enumerable.Repeat($"application/vnd.pingidentity.device.{action}+json", 2)));
    }

    // Ping's Unblock page documents 200 with the device: an answer without it is not what PingOne sends, and is not sent again.
    [TestCase(200)]
    [TestCase(204)]
    public void Unblock_AnsweredWithoutTheDevice_IsAnInvalidResponse(int status)
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, DeviceUrl).Respond((HttpStatusCode)status);

        var error = Assert.CatchAsync<PingOneException>(() => mock.CreateClient().UnblockDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId))!;

        Assert.That((error.Kind, error.Status, mock.Sent.Count), Is.EqualTo((PingOneFailureKind.InvalidResponse, status, 1)));
    }

    [Test]
    public void DeviceAction_NotFound_IsARefusal()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DeviceUrl).Respond(HttpStatusCode.NotFound, "application/json", """{"id":"e","code":"NOT_FOUND","message":"The device was not found."}""");

        var error = Assert.CatchAsync<PingOneException>(() => mock.CreateClient().BlockDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId))!;

        Assert.That((error.Status, error.Kind, mock.Sent.Count), Is.EqualTo((404, PingOneFailureKind.Refused, 1)));
    }

    [Test]
    public async Task SetDeviceOrder_PostsTheOrderWithTheReorderContentType()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", "{}");

        await mock.CreateClient().SetDeviceOrderAsync(Seed.EnvironmentId, Seed.UserId, new[] { OtherIds[0], Seed.DeviceId });

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(DevicesUrl), "the create path, without the spec's #fragment");
            Assert.That(sent.ContentType?.ToString(), Is.EqualTo("application/vnd.pingidentity.devices.reorder+json"));
            Assert.That(sent.Body, Is.EqualTo($$"""{"order":[{"id":"{{OtherIds[0]}}"},{"id":"{{Seed.DeviceId}}"}]}"""));
        });
    }

    private static IEnumerable<TestCaseData> RemoveOrderAnswers() =>
        from answer in new[] { (200, "{}"), (200, ""), (204, "") }
        select new TestCaseData(answer.Item1, answer.Item2).SetName($"RemoveDeviceOrder_PostsAnEmptyBodyWithTheOrderRemoveContentType({answer.Item1}, {(answer.Item2.Length == 0 ? "no body" : "a body")})");

    [TestCaseSource(nameof(RemoveOrderAnswers))]
    public async Task RemoveDeviceOrder_PostsAnEmptyBodyWithTheOrderRemoveContentType(int status, string answer)
    {
        using var mock = new PingOneMock();
        var expected = mock.Expect(HttpMethod.Post, DevicesUrl);
        if (answer.Length > 0) expected.Respond((HttpStatusCode)status, "application/json", answer);
        else expected.Respond((HttpStatusCode)status);

        await mock.CreateClient().RemoveDeviceOrderAsync(Seed.EnvironmentId, Seed.UserId);

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(DevicesUrl), "the create path, without the spec's #fragment");
            Assert.That(sent.ContentType?.ToString(), Is.EqualTo("application/vnd.pingidentity.devices.order.remove+json"), "devices (plural), exactly, no charset");
            Assert.That(sent.Body, Is.Empty, "Ping's page documents no body");
            Assert.That(sent.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
        });
    }

    [Test]
    public async Task RemoveDeviceOrder_IsSentAgainAfterAServerError_ItIsIdempotent()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.InternalServerError, "application/json", """{"id":"e","code":"UNEXPECTED_ERROR","message":"Oops"}""");
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.NoContent);
        var options = new PingOneMfaClientOptions();
        options.Retry.BaseDelay = TimeSpan.Zero;

        await mock.CreateClient(options).RemoveDeviceOrderAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(mock.Sent.Select(s => s.ContentType?.MediaType), Is.EqualTo(Enumerable.Repeat("application/vnd.pingidentity.devices.order.remove+json", 2)));
    }

    [TestCase("environmentId")]
    [TestCase("userId")]
    public void RemoveDeviceOrder_RejectsAnIdThatIsNotAUuid_BeforeSending(string which)
    {
        using var mock = new PingOneMock();

        var error = Assert.ThrowsAsync<ArgumentException>(() => mock.CreateClient().RemoveDeviceOrderAsync(
            which == "environmentId" ? "../x" : Seed.EnvironmentId, which == "userId" ? Seed.UserId + "/devices" : Seed.UserId))!;

        Assert.That((error.ParamName, mock.Sent.Count), Is.EqualTo((which, 0)));
    }

    private static IEnumerable<TestCaseData> BadOrders()
    {
        yield return new TestCaseData((object)Array.Empty<string>()).SetName("SetDeviceOrder_Rejects(empty)");
        yield return new TestCaseData((object)new[] { Seed.DeviceId, Seed.DeviceId.ToUpperInvariant() }).SetName("SetDeviceOrder_Rejects(duplicate)");
        yield return new TestCaseData((object)new[] { Seed.DeviceId, "not-a-uuid" }).SetName("SetDeviceOrder_Rejects(not a UUID)");
        yield return new TestCaseData((object)new[] { Seed.DeviceId, null! }).SetName("SetDeviceOrder_Rejects(null id)");
    }

    [TestCaseSource(nameof(BadOrders))]
    public void SetDeviceOrder_Rejects(string[] ids)
    {
        using var mock = new PingOneMock();

        Assert.ThrowsAsync<ArgumentException>(() => mock.CreateClient().SetDeviceOrderAsync(Seed.EnvironmentId, Seed.UserId, ids));

        Assert.That(mock.Sent, Is.Empty, "nothing is sent");
    }

    [TestCase("block")]
    [TestCase("unlock")]
    public void DeviceAction_RejectsADeviceIdThatIsNotAUuid_BeforeSending(string action)
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();
        Task Call() => action == "block" ? client.BlockDeviceAsync(Seed.EnvironmentId, Seed.UserId, "../x") : client.UnlockDeviceAsync(Seed.EnvironmentId, Seed.UserId, "../x");

        Assert.ThrowsAsync<ArgumentException>(Call);
        Assert.That(mock.Sent, Is.Empty);
    }

    [Test]
    public async Task MakeDefault_ListsThenSendsTheDeviceFirst_OthersInTheirOrder()
    {
        using var mock = new PingOneMock();
        var list = new JObject { ["_embedded"] = new JObject { ["devices"] = new JArray(OtherIds[0], OtherIds[1], Seed.DeviceId).Select(id => new JObject { ["id"] = id, ["type"] = "VOICE" }).Aggregate(new JArray(), (a, d) => { a.Add(d); return a; }) } };
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", list.ToString());
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", "{}");

        var order = await mock.CreateClient().MakeDefaultDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);

        Assert.Multiple(() =>
        {
            Assert.That(order, Is.EqualTo(new[] { Seed.DeviceId, OtherIds[0], OtherIds[1] }));
            Assert.That(mock.Sent.Select(s => s.Method.Method), Is.EqualTo(new[] { "GET", "POST" }));
            Assert.That(mock.Sent[1].ContentType?.MediaType, Is.EqualTo("application/vnd.pingidentity.devices.reorder+json"));
            Assert.That(JToken.DeepEquals(mock.Sent[1].BodyJson, JToken.Parse($$"""{"order":[{"id":"{{Seed.DeviceId}}"},{"id":"{{OtherIds[0]}}"},{"id":"{{OtherIds[1]}}"}]}""")), Is.True, mock.Sent[1].Body);
        });
    }

    // Ping's Set Device Order "orders a user's active devices"; PingOne appends a device to the order when it is activated.
    [Test]
    public async Task MakeDefault_LeavesDevicesAwaitingActivationOutOfTheOrder()
    {
        using var mock = new PingOneMock();
        var list = new JObject
        {
            ["_embedded"] = new JObject
            {
                ["devices"] = new JArray(
                    new JObject { ["id"] = OtherIds[0], ["type"] = "VOICE", ["status"] = "ACTIVE" },
                    new JObject { ["id"] = OtherIds[1], ["type"] = "SMS", ["status"] = "ACTIVATION_REQUIRED" },
                    new JObject { ["id"] = OtherIds[2], ["type"] = "EMAIL", ["status"] = "ACTIVE" },
                    new JObject { ["id"] = Seed.DeviceId, ["type"] = "VOICE", ["status"] = "ACTIVE" }),
            },
        };
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", list.ToString());
        mock.Expect(HttpMethod.Post, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", "{}");

        var order = await mock.CreateClient().MakeDefaultDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);

        Assert.Multiple(() =>
        {
            Assert.That(order, Is.EqualTo(new[] { Seed.DeviceId, OtherIds[0], OtherIds[2] }));
            Assert.That(mock.Sent[1].ContentType?.MediaType, Is.EqualTo("application/vnd.pingidentity.devices.reorder+json"));
            Assert.That(JToken.DeepEquals(mock.Sent[1].BodyJson, JToken.Parse($$"""{"order":[{"id":"{{Seed.DeviceId}}"},{"id":"{{OtherIds[0]}}"},{"id":"{{OtherIds[2]}}"}]}""")), Is.True, mock.Sent[1].Body);
        });
    }

    [Test]
    public void MakeDefault_OfADeviceAwaitingActivation_ReordersNothing()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json",
            "{\"_embedded\":{\"devices\":[{\"id\":\"" + OtherIds[0] + "\",\"status\":\"ACTIVE\"},{\"id\":\"" + Seed.DeviceId + "\",\"status\":\"ACTIVATION_REQUIRED\"}]}}");

        var error = Assert.ThrowsAsync<ArgumentException>(() => mock.CreateClient().MakeDefaultDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId))!;

        Assert.That((error.ParamName, mock.Sent.Count, error.Message.Contains("ACTIVATION_REQUIRED", StringComparison.Ordinal)), Is.EqualTo(("deviceId", 1, true)), "only the list was sent");
    }

    [Test]
    public void MakeDefault_OfADeviceTheUserDoesNotHave_ReordersNothing()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", "{\"_embedded\":{\"devices\":[{\"id\":\"" + OtherIds[0] + "\"}]}}");

        var error = Assert.ThrowsAsync<ArgumentException>(() => mock.CreateClient().MakeDefaultDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId))!;

        Assert.That((error.ParamName, mock.Sent.Count), Is.EqualTo(("deviceId", 1)), "only the list was sent");
    }

    // Ping's documented requests (Fixtures/PingDocs, see its README), under both readings of {{apiPath}}.
    private static IEnumerable<TestCaseData> DocumentedCases() =>
        from operation in new[] { "set-device-order", "remove-device-order", "block-device", "unblock-device", "unlock-device" }
        from reading in Readings
        select new TestCaseData(operation, reading.Name).SetName($"DocumentedRequest_IsWhatTheClientSends({operation}, {reading.Name})");

    [TestCaseSource(nameof(DocumentedCases))]
    public async Task DocumentedRequest_IsWhatTheClientSends(string operation, string readingName)
    {
        var reading = Readings.Single(r => r.Name == readingName);
        var documented = Request(operation);
        var url = Url(documented, reading);
        var ids = new[] { DeviceId }.Concat(OtherIds).ToArray();
        JToken? body = documented.Body is null ? null : Parse(documented.Body.ToString(Formatting.None)
            .Replace("{{deviceID}}", ids[0], StringComparison.Ordinal).Replace("{{deviceID_2}}", ids[1], StringComparison.Ordinal)
            .Replace("{{deviceID_3}}", ids[2], StringComparison.Ordinal).Replace("{{deviceID_4}}", ids[3], StringComparison.Ordinal)
            .Replace("{{deviceID_5}}", ids[4], StringComparison.Ordinal));
        using var mock = new PingOneMock();
        // Unblock's documented answer is the device; the others document none.
        var answer = operation == "unblock-device" ? Response(operation).Body!.ToString() : string.Empty;
        mock.Expect(new HttpMethod(documented.Method), url.AbsoluteUri).Respond(HttpStatusCode.OK, "application/json", answer);
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(reading.InsertV1 ? reading.ApiPath + "/v1" : reading.ApiPath) });

        await (operation switch
        {
            "set-device-order" => client.SetDeviceOrderAsync(EnvironmentId, UserId, ids),
            "remove-device-order" => client.RemoveDeviceOrderAsync(EnvironmentId, UserId),
            "block-device" => client.BlockDeviceAsync(EnvironmentId, UserId, DeviceId),
            "unblock-device" => client.UnblockDeviceAsync(EnvironmentId, UserId, DeviceId),
            _ => client.UnlockDeviceAsync(EnvironmentId, UserId, DeviceId),
        });

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method.Method, Is.EqualTo(documented.Method));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(url.AbsoluteUri));
            Assert.That(sent.ContentType?.ToString(), Is.EqualTo(documented.ContentType));
            if (body is null) Assert.That(sent.Body, Is.Empty);
            else Assert.That(JToken.DeepEquals(sent.BodyJson, body), Is.True, $"sent {sent.Body}, documented {body}");
        });
    }
}
