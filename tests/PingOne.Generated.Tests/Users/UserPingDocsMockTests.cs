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
