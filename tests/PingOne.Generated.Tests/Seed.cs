using Newtonsoft.Json.Linq;
using PingOne.Generated;

namespace PingOne.Generated.Tests;

/// <summary>The example request and response of PingOne's "Create MFA User Device (Voice)" page.</summary>
internal static class Seed
{
    public const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
    public const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
    public const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";
    public const string DeviceId = "35798a33-0ed0-442b-902d-b273218dff7b";

    public static string RequestJson => Read("seed-request.json");

    public static string ResponseJson => Read("seed-response.json");

    /// <summary>The seed's request as the client sends it: the phone in its canonical E.164 form.</summary>
    public static JToken CanonicalRequestJson()
    {
        var json = JToken.Parse(RequestJson);
        json["phone"] = "+15125551111";
        return json;
    }

    public static CreateVoiceDeviceRequest Request() => new()
    {
        Type = VoiceDeviceType.Voice,
        Phone = "+1.5125551111",
        Extension = "313#",
        Policy = new DevicePolicyReference { Id = PolicyId },
    };

    public static string DevicesPath(string environmentId = EnvironmentId, string userId = UserId) =>
        $"environments/{environmentId}/users/{userId}/devices";

    public static JToken Json(string text) => JToken.Parse(text);

    private static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Wire", name));
}
