using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PingOne.Generated.DependencyInjection.Tests;

/// <summary>
/// A MockHttp handler that fails loudly on any request it was not told to expect (MockHttp's default
/// fallback silently answers 404), and remembers what was sent so tests can assert the exact wire.
/// </summary>
internal sealed class PingOneMock : IDisposable
{
    public PingOneMock()
    {
        Handler.Fallback.Throw(new InvalidOperationException("The client sent a request no test expected."));
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public List<SentRequest> Sent { get; } = new();

    /// <summary>Expects one request and records it; respond on the returned request.</summary>
    public MockedRequest Expect(HttpMethod method, string url) => Handler.Expect(method, url).With(Record);

    /// <summary>Answers every matching request, in any number, and records each.</summary>
    public MockedRequest When(HttpMethod method, string url) => Handler.When(method, url).With(Record);

    public void Dispose() => Handler.Dispose();

    private bool Record(HttpRequestMessage request)
    {
        lock (Sent) Sent.Add(SentRequest.From(request));
        return true;
    }
}

internal sealed record SentRequest(HttpMethod Method, Uri Uri, HttpRequestHeaders Headers, string Body)
{
    public string? Authorization => Headers.Authorization?.ToString();

    public static SentRequest From(HttpRequestMessage request) => new(
        request.Method,
        request.RequestUri!,
        request.Headers,
        request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? string.Empty);
}

/// <summary>The worker app, the ids and PingOne's answers the tests use.</summary>
internal static class Wire
{
    public const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
    public const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";
    public const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";
    public const string ClientId = "worker-app-client-id";
    public const string ClientSecret = "s3cr3t-Value-That-Must-Never-Leak";

    /// <summary>HTTP Basic credentials of the worker app, as the token request carries them.</summary>
    public static readonly string BasicCredentials = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));

    public const string DeviceJson = """
        {"id":"35798a33-0ed0-442b-902d-b273218dff7b","environment":{"id":"abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6"},
         "user":{"id":"b30ac647-e33e-464f-a6ea-0275082d4c26"},"type":"VOICE","status":"ACTIVE",
         "createdAt":"2023-05-07T11:26:13.388Z","phone":"+15125551111","extension":"313#"}
        """;

    public const string NoDevicesJson = """{"_embedded":{"devices":[]},"count":0,"size":0}""";

    public static string TokenUrl(PingOneRegion region) => region.AuthBaseAddress + EnvironmentId + "/as/token";

    public static string DevicesUrl(PingOneRegion region) => region.ApiBaseAddress + $"environments/{EnvironmentId}/users/{UserId}/devices";

    public static HttpResponseMessage Token(string accessToken, int expiresIn = 3600) => new(HttpStatusCode.OK)
    {
        Content = new StringContent($$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}}}""", Encoding.UTF8, "application/json"),
    };

    public static CreateVoiceDeviceRequest Request() => CreateVoiceDeviceRequest.Create("+1.5125551111", PolicyId);
}
