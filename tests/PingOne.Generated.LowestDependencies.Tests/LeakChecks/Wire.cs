using System.Net;
using System.Text;

namespace PingOne.Generated.LeakChecks;

/// <summary>
/// The worker app and PingOne's answers. Every credential carries LEAKCHECK so a leak is easy to spot in a
/// failure message; the secret has characters that RFC 6749 form-encodes, so the Basic credentials the client
/// sends differ from a naive <c>id:secret</c> encoding (the tests look for both).
/// </summary>
internal static class Wire
{
    public const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
    public const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
    public const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";
    public const string ClientId = "worker-app-LEAKCHECK";
    public const string ClientSecret = "s3cr3t-LEAKCHECK-value/+=";
    public const string FirstToken = "tok-LEAKCHECK-abc";
    public const string FreshToken = "tok-LEAKCHECK-def";

    /// <summary>The base64 part of <c>Authorization: Basic</c> as the client sends it (RFC 6749 §2.3.1: each part form-encoded first).</summary>
    public static readonly string BasicCredentials = Base64(Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(ClientSecret));

    /// <summary>The same without the form-encoding, as a client that skipped it would send.</summary>
    public static readonly string NaiveBasicCredentials = Base64(ClientId + ":" + ClientSecret);

    /// <summary>What no captured log text may contain.</summary>
    public static readonly string[] Secrets =
    {
        FirstToken,
        FreshToken,
        ClientSecret,
        Uri.EscapeDataString(ClientSecret),
        BasicCredentials,
        NaiveBasicCredentials,
        "Bearer tok",
    };

    public const string DeviceJson = """
        {"id":"35798a33-0ed0-442b-902d-b273218dff7b","environment":{"id":"abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"},
         "user":{"id":"b30ac647-e33e-464f-a6ea-0275082d4c26"},"type":"VOICE","status":"ACTIVE",
         "createdAt":"2023-05-07T11:26:13.388Z","phone":"+15125551111","extension":"313#"}
        """;

    public const string NoDevicesJson = """{"_embedded":{"devices":[]},"count":0,"size":0}""";

    public const string AccessFailedJson = """{"id":"e-401","code":"ACCESS_FAILED","message":"The access token is invalid"}""";

    public static string TokenUrl(PingOneRegion region) => region.AuthBaseAddress + EnvironmentId + "/as/token";

    public static string DevicesUrl(PingOneRegion region) => region.ApiBaseAddress + $"environments/{EnvironmentId}/users/{UserId}/devices";

    public static HttpResponseMessage Token(string accessToken) => new(HttpStatusCode.OK)
    {
        Content = new StringContent($$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":3600}""", Encoding.UTF8, "application/json"),
    };

    public static CreateVoiceDeviceRequest Request() => CreateVoiceDeviceRequest.Create("+1.5125551111", PolicyId);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
