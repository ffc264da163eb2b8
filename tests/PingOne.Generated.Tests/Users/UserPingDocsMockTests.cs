using System.Net;
using Newtonsoft.Json.Linq;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.Tests.Users;

/// <summary>Ping's documented user requests (Fixtures/PingDocs, "Users fixtures") against what the client sends, for both readings of <c>{{apiPath}}</c>.</summary>
public class UserPingDocsMockTests
{
    internal const string PopulationId = "60971d3b-cc5a-4601-9c44-2be541f91bf1";

    private static readonly string[] UserOperations = { "read-all-users", "read-one-user", "create-user" };

    private static IEnumerable<TestCaseData> Cases() =>
        from operation in UserOperations
        from reading in Readings
        select new TestCaseData(operation, reading.Name).SetName($"DocumentedUserRequest_IsWhatTheClientSends({operation}, {reading.Name})");

    [TestCaseSource(nameof(Cases))]
    public async Task DocumentedUserRequest_IsWhatTheClientSends(string operation, string readingName)
    {
        var reading = Readings.Single(r => r.Name == readingName);
        var documented = Request(operation);
        var url = Url(documented, reading);
        var body = documented.Body is null ? null : Parse(documented.Body.ToString().Replace("{{popID}}", PopulationId, StringComparison.Ordinal));
        using var mock = new PingOneMock();
        var user = UserMockTests.User(UserId, "dspanner");
        mock.Expect(new HttpMethod(documented.Method), url.AbsoluteUri).Respond(
            operation == "create-user" ? HttpStatusCode.Created : HttpStatusCode.OK, "application/json",
            operation == "read-all-users" ? "{\"_embedded\":{\"users\":[" + user + "]},\"count\":1,\"size\":1}" : user);
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(reading.InsertV1 ? reading.ApiPath + "/v1" : reading.ApiPath) });

        var answered = operation switch
        {
            "read-all-users" => await Single(client.ListUsersAsync(EnvironmentId, new UserQuery { Filter = "username eq " + UserQuery.Quote("wingar_helena") })),
            "read-one-user" => await client.GetUserAsync(EnvironmentId, UserId),
            _ => await client.CreateUserAsync(EnvironmentId, CreateRequest(body!)),
        };

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method.Method, Is.EqualTo(documented.Method));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(url.AbsoluteUri));
            Assert.That(sent.ContentType?.MediaType, Is.EqualTo(documented.ContentType));
            if (body is null) Assert.That(sent.Body, Is.Empty);
            else Assert.That(JToken.DeepEquals(sent.BodyJson, body), Is.True, $"sent {sent.Body}, documented {body}");
            Assert.That(answered.Username, Is.EqualTo("dspanner"));
        });
    }

    private static IEnumerable<TestCaseData> TestUserCases() =>
        from reading in Readings
        select new TestCaseData(reading.Name).SetName($"DocumentedTestUserCreate_IsWhatTheClientSends({reading.Name})");

    [TestCaseSource(nameof(TestUserCases))]
    public async Task DocumentedTestUserCreate_IsWhatTheClientSends(string readingName)
    {
        var reading = Readings.Single(r => r.Name == readingName);
        var documented = Request("create-test-user");
        var answer = Response("create-test-user");
        var url = Url(documented, reading);
        var body = TestUserBody(PopulationId);
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, url.AbsoluteUri).Respond((HttpStatusCode)answer.Status, "application/json", answer.Body!.ToString());
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(reading.InsertV1 ? reading.ApiPath + "/v1" : reading.ApiPath) });

        var created = await client.CreateUserAsync(EnvironmentId, new CreateUserRequest
        {
            Email = TestUserEmail,
            Population = new PopulationReference { Id = PopulationId },
            Username = "sharedTestUser",
        });

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method.Method, Is.EqualTo(documented.Method));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(url.AbsoluteUri));
            Assert.That(sent.ContentType?.MediaType, Is.EqualTo(documented.ContentType));
            Assert.That(JToken.DeepEquals(sent.BodyJson, body), Is.True, $"sent {sent.Body}, documented {body}");
            Assert.That(created.Username, Is.EqualTo("sharedTestUser"));
        });
    }

    // Every property of Ping's documented answer lands in the model: the user's own typed (the spec declares them, so the
    // documented answer is no schema drift), the links it does not name (password, …) in AdditionalProperties, so writing the
    // user out again gives the documented JSON.
    [Test]
    public async Task DocumentedCreateUserAnswer_KeepsEveryDocumentedProperty()
    {
        var documented = Response("create-test-user");
        var body = documented.Body!;
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Post, "*").Respond((HttpStatusCode)documented.Status, "application/json", body.ToString());

        var user = await mock.CreateClient().CreateUserAsync(EnvironmentId, new CreateUserRequest { Username = "sharedTestUser" });

        Assert.Multiple(() =>
        {
            Assert.That(documented.Status, Is.EqualTo(201));
            Assert.That(user.Id, Is.EqualTo((string)body["id"]!));
            Assert.That(user.Username, Is.EqualTo((string)body["username"]!));
            Assert.That(user.Email, Is.EqualTo((string)body["email"]!));
            Assert.That(user.Enabled, Is.EqualTo((bool)body["enabled"]!));
            Assert.That(user.Population?.Id, Is.EqualTo((string)body["population"]!["id"]!));
            Assert.That(user.Environment?.Id, Is.EqualTo((string)body["environment"]!["id"]!));
            Assert.That(user.CreatedAt, Is.EqualTo((DateTimeOffset)body["createdAt"]!));
            Assert.That(user.UpdatedAt, Is.EqualTo((DateTimeOffset)body["updatedAt"]!));
            Assert.That(user.Links?.Self?.Href, Is.EqualTo((string)body["_links"]!["self"]!["href"]!));
            Assert.That(user.Links?.Environment?.Href, Is.EqualTo((string)body["_links"]!["environment"]!["href"]!));
            Assert.That(user.Links?.Population?.Href, Is.EqualTo((string)body["_links"]!["population"]!["href"]!));
            Assert.That(user.Account?.CanAuthenticate, Is.EqualTo((bool)body["account"]!["canAuthenticate"]!));
            Assert.That(user.Account?.Status, Is.EqualTo((string)body["account"]!["status"]!));
            Assert.That(user.IdentityProvider?.Type, Is.EqualTo((string)body["identityProvider"]!["type"]!));
            Assert.That(user.Lifecycle?.Status, Is.EqualTo((string)body["lifecycle"]!["status"]!));
            Assert.That(user.MfaEnabled, Is.EqualTo((bool)body["mfaEnabled"]!));
            Assert.That(user.VerifyStatus, Is.EqualTo((string)body["verifyStatus"]!));
            Assert.That(user.AdditionalProperties, Is.Empty, "every property of the documented user is declared: no schema drift");
            Assert.That(user.Links!.AdditionalProperties.Keys, Is.EquivalentTo(((JObject)body["_links"]!).Properties().Select(p => p.Name).Except(new[] { "self", "environment", "population" })));
            Assert.That(JToken.DeepEquals(ToJson(user), body), Is.True, ToJson(user).ToString());
        });
    }

    // The documented body through the typed request: named properties, and the custom attribute beside them.
    private static CreateUserRequest CreateRequest(JToken body)
    {
        var request = new CreateUserRequest
        {
            Username = (string)body["username"]!,
            Email = (string?)body["email"],
            Name = new UserName { Given = (string?)body["name"]!["given"], Family = (string?)body["name"]!["family"] },
            Population = new PopulationReference { Id = (string)body["population"]!["id"]! },
        };
        request.AdditionalProperties["department"] = (string)body["department"]!;
        return request;
    }

    private static async Task<PingOneUser> Single(IAsyncEnumerable<PingOneUser> users)
    {
        PingOneUser? only = null;
        await foreach (var user in users)
        {
            Assert.That(only, Is.Null, "one user");
            only = user;
        }
        return only!;
    }
}
