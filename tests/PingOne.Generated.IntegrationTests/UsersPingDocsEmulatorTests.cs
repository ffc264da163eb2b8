using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.IntegrationTests;

/// <summary>Ping's documented user requests (Fixtures/PingDocs, "Users fixtures") sent as they are to the emulator.</summary>
public class UsersPingDocsEmulatorTests
{
    private static async Task<(int Status, JToken? Body)> SendDocumentedAsync(PingOneEmulator emulator, string operation, string? body = null)
    {
        var documented = Request(operation);
        var apiPath = emulator.ApiBaseAddress.AbsoluteUri.TrimEnd('/');
        var url = Url(documented, ("html", apiPath, false), EmulatorSeed.EnvironmentId, EmulatorSeed.UserId);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(documented.Method), url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        if (documented.Body is not null)
        {
            request.Content = new StringContent(body ?? documented.Body.ToString().Replace("{{popID}}", EmulatorSeed.PopulationId, StringComparison.Ordinal), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(documented.ContentType!);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : Parse(text));
    }

    [Test]
    public async Task DocumentedCreateUser_IsCreatedWithEveryDocumentedField()
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var (status, body) = await SendDocumentedAsync(emulator, "create-user");

        var sent = Request("create-user").Body!;
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(201));
            Assert.That(FieldNames(sent).Where(f => f != "population.id"), Is.SubsetOf(FieldNames(body)));
            Assert.That((string?)body!["username"], Is.EqualTo("dspanner"));
            Assert.That((string?)body["department"], Is.EqualTo("engineering"), "a custom attribute is kept");
            Assert.That((string?)body["population"]!["id"], Is.EqualTo(EmulatorSeed.PopulationId));
            Assert.That((string?)body["id"], Is.Not.Empty);
        });
    }

    // Getting Started, "Step 5: Create a user": the documented request, and an answer with every property of the documented
    // one; of its links, those to resources the emulator serves (self, environment, population).
    [Test]
    public async Task DocumentedTestUserCreate_IsAnsweredWithEveryDocumentedProperty()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var documented = Response("create-test-user").Body!;

        var (status, body) = await SendDocumentedAsync(emulator, "create-test-user", TestUserBody(EmulatorSeed.PopulationId).ToString());

        var served = new[] { "_links.self", "_links.environment", "_links.population" };
        var expected = FieldNames(documented).Where(f => !f.StartsWith("_links.", StringComparison.Ordinal) || served.Any(l => f.StartsWith(l, StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(Response("create-test-user").Status));
            Assert.That(expected, Is.SubsetOf(FieldNames(body)));
            foreach (var same in new[] { "username", "email", "enabled", "account", "identityProvider", "lifecycle", "mfaEnabled", "verifyStatus" })
                Assert.That(JToken.DeepEquals(body![same], documented[same]), Is.True, $"{same}: {body[same]}");
            Assert.That((string?)body!["population"]!["id"], Is.EqualTo(EmulatorSeed.PopulationId));
        });
    }

    [Test]
    public async Task DocumentedReadAllUsers_FindsTheUserByUsername()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 50 });

        var (status, body) = await SendDocumentedAsync(emulator, "read-all-users");

        Assert.That(status, Is.EqualTo(200));
        Assert.That(body!["_embedded"]!["users"]!.Select(u => (string?)u["id"]), Is.EqualTo(new[] { EmulatorSeed.UserId }));
        Assert.That((int)body["count"]!, Is.EqualTo(1));
        Assert.That((int)body["size"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task DocumentedReadOneUser_AnswersTheUser()
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var (status, body) = await SendDocumentedAsync(emulator, "read-one-user");

        Assert.That(status, Is.EqualTo(200));
        Assert.That((string?)body!["username"], Is.EqualTo(EmulatorSeed.Username));
        Assert.That((string?)body["_links"]!["self"]!["href"], Does.EndWith("/users/" + EmulatorSeed.UserId));
    }
}
