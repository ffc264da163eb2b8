using System.Text;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Cli.Doctor;

/// <summary>
/// The claims of a PingOne access token, read without checking its signature (the doctor judges what the token says, PingOne
/// judges whether it is genuine). PingOne's "Token claims" page: every token is a JWT; <c>env</c> is the environment it was issued
/// in (absent when its audience does not include the PingOne platform API), <c>iat</c> and <c>exp</c> its lifetime.
/// </summary>
internal sealed record AccessTokenClaims(string? Environment, DateTimeOffset? IssuedAt, DateTimeOffset? ExpiresAt, string? ClientId)
{
    /// <summary>The claims, or <see langword="null"/> when the token is not a JWT.</summary>
    public static AccessTokenClaims? Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            if (JToken.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))) is not JObject claims) return null;
            return new AccessTokenClaims(
                claims.Value<string?>("env"),
                Seconds(claims["iat"]),
                Seconds(claims["exp"]),
                claims.Value<string?>("client_id"));
        }
        catch (Exception error) when (error is FormatException or Newtonsoft.Json.JsonException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Seconds(JToken? value) =>
        value is { Type: JTokenType.Integer or JTokenType.Float } ? DateTimeOffset.FromUnixTimeSeconds((long)value) : null;
}
