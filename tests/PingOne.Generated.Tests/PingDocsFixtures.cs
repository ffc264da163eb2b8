using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Tests;

/// <summary>
/// Ping's documented example requests and responses, stored as data in <c>Fixtures/PingDocs</c> (see its README for
/// each source). Linked into the integration tests too, so the client and the emulator are held to the same files.
/// </summary>
internal static class PingDocsFixtures
{
    public const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
    public const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
    public const string DeviceId = "35798a33-0ed0-442b-902d-b273218dff7b";
    public const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";

    /// <summary>Every operation the client implements, by its fixture name.</summary>
    public static readonly string[] Operations = { "create-voice-device", "list-devices", "read-device", "delete-device", "update-device-nickname", "activate-device" };

    /// <summary>The two readings of <c>{{apiPath}}</c>: the .html pages' (it ends in /v1) and the .md twins' (/v1 follows it).</summary>
    public static readonly (string Name, string ApiPath, bool InsertV1)[] Readings =
    {
        ("html: {{apiPath}}/environments", "https://api.pingone.com/v1", false),
        ("md: {{apiPath}}/v1/environments", "https://api.pingone.com", true),
    };

    public static DocumentedRequest Request(string operation)
    {
        var json = Parse(Read(operation + ".request.json"));
        return new DocumentedRequest((string)json["method"]!, (string)json["path"]!, (string?)json["contentType"], json["body"] is { Type: not JTokenType.Null } body ? body : null);
    }

    public static DocumentedResponse Response(string name)
    {
        var json = Parse(Read(name + ".response.json"));
        return new DocumentedResponse((int)json["status"]!, json["body"] is { Type: not JTokenType.Null } body ? body : null);
    }

    /// <summary>The documented path with Ping's placeholders filled in, read as <paramref name="reading"/> reads <c>{{apiPath}}</c>.</summary>
    public static Uri Url(DocumentedRequest request, (string Name, string ApiPath, bool InsertV1) reading, string environmentId = EnvironmentId, string userId = UserId, string deviceId = DeviceId)
    {
        var path = request.Path.Replace("{{apiPath}}", reading.InsertV1 ? "{{apiPath}}/v1" : "{{apiPath}}", StringComparison.Ordinal);
        return new Uri(path.Replace("{{apiPath}}", reading.ApiPath, StringComparison.Ordinal)
            .Replace("{{envID}}", environmentId, StringComparison.Ordinal)
            .Replace("{{userID}}", userId, StringComparison.Ordinal)
            .Replace("{{deviceID}}", deviceId, StringComparison.Ordinal));
    }

    /// <summary>The documented body with Ping's placeholders filled in.</summary>
    public static JToken? Body(DocumentedRequest request, string policyId = PolicyId) =>
        request.Body is null ? null : Parse(request.Body.ToString(Formatting.None).Replace("{{deviceAuthenticationPolicyID}}", policyId, StringComparison.Ordinal));

    /// <summary>The email Getting Started's "Step 5: Create a user" answers with (its request sends the Postman variable <c>{{email}}</c>).</summary>
    public const string TestUserEmail = "sharedTestUser@example.com";

    /// <summary>The body of <c>create-test-user.request.json</c> with its Postman variables filled in.</summary>
    public static JToken TestUserBody(string populationId) => Parse(Request("create-test-user").Body!.ToString()
        .Replace("{{email}}", TestUserEmail, StringComparison.Ordinal)
        .Replace("{{sharedPopID}}", populationId, StringComparison.Ordinal));

    /// <summary>JSON with dates read as dates, so <c>...Z</c> and <c>...+00:00</c> compare equal.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTimeOffset };
        return JToken.ReadFrom(reader);
    }

    /// <summary>A typed object as JSON the way PingOne would have sent it (no nulls; unknown properties kept).</summary>
    public static JToken ToJson(object value) =>
        JToken.FromObject(value, JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    /// <summary>Every property name with its path, at every level (array items share the path <c>name[]</c>).</summary>
    public static SortedSet<string> FieldNames(JToken? json)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JToken token, string prefix)
        {
            switch (token)
            {
                case JObject obj:
                    foreach (var property in obj.Properties())
                    {
                        var path = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                        names.Add(path);
                        Walk(property.Value, path);
                    }
                    break;
                case JArray array:
                    foreach (var item in array) Walk(item, prefix + "[]");
                    break;
            }
        }
        if (json is not null) Walk(json, string.Empty);
        return names;
    }

    private static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "PingDocs", name));
}

internal sealed record DocumentedRequest(string Method, string Path, string? ContentType, JToken? Body);

internal sealed record DocumentedResponse(int Status, JToken? Body);
