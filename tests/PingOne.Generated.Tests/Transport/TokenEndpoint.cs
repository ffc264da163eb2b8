using System.Net;
using System.Text;

namespace PingOne.Generated.Tests.Transport;

/// <summary>Fixtures for PingOne's token endpoint in MockHttp.</summary>
internal static class TokenEndpoint
{
    public const string EnvironmentId = Seed.EnvironmentId;
    public const string ClientId = "worker-app-client-id";
    public const string ClientSecret = "s3cr3t-Value-That-Must-Never-Leak";

    public static string Url(PingOneRegion region) => region.AuthBaseAddress + EnvironmentId + "/as/token";

    public static HttpResponseMessage Token(string accessToken, int expiresIn = 3600) => new(HttpStatusCode.OK)
    {
        Content = new StringContent($$"""{"access_token":"{{accessToken}}","token_type":"Bearer","expires_in":{{expiresIn}}}""", Encoding.UTF8, "application/json"),
    };

    /// <summary>The client-credentials provider a client with these options would build, over the mock.</summary>
    public static ClientCredentialsTokenProvider Provider(PingOneMock mock, PingOneMfaClientOptions options, TimeProvider? time = null) =>
        new(mock.CreateHttpClient(), options, new HostPolicy(new[] { options.EffectiveApiBaseAddress }, options.AllowHttpOnLoopback), time ?? TimeProvider.System, new KnownSecrets());

    public static PingOneMfaClientOptions Options(PingOneRegion? region = null) => new()
    {
        Region = region ?? PingOneRegion.NorthAmerica,
        EnvironmentId = EnvironmentId,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
    };
}
