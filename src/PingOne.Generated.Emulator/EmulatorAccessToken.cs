using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The emulator's access tokens are JWTs with the claims PingOne's "Token claims" page lists for a worker app's
/// client_credentials token (<c>client_id</c>, <c>iss</c>, <c>aud</c>, <c>env</c>, <c>org</c>, <c>iat</c>, <c>exp</c>), so a tool
/// that reads a token (<c>pingone-voice doctor</c>) can be tried here. PingOne signs with RS256 and a published key; the
/// emulator signs with HS256 and a key of its own that it never shares: it knows its tokens by lookup, not by signature.
/// </summary>
internal static class EmulatorAccessToken
{
    /// <summary>The organization id the emulator's tokens carry in <c>org</c>.</summary>
    public const string OrganizationId = "00000000-0000-4000-8000-0000000000aa";

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static string Create(Uri baseAddress, string environmentId, string clientId, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var header = new JObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = "emulator" };
        var claims = new JObject
        {
            ["client_id"] = clientId,
            ["iss"] = new Uri(baseAddress, environmentId + "/as").ToString(),
            ["aud"] = new JArray("https://api.pingone.com"),
            ["env"] = environmentId,
            ["org"] = OrganizationId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            // Unique per token, as PingOne's are: two tokens issued in the same second still differ.
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var unsigned = Base64Url(Encoding.UTF8.GetBytes(header.ToString(Newtonsoft.Json.Formatting.None))) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToString(Newtonsoft.Json.Formatting.None)));
        return unsigned + "." + Base64Url(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(unsigned)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
