using System;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated
{
    /// <summary>
    /// Reads the token endpoint's success answer, and refuses one PingOne could not have issued: PingOne answers
    /// <c>{"access_token": "&lt;JWT&gt;", "token_type": "Bearer", "expires_in": 3600}</c>, its tokens live one hour by default
    /// and at most <see cref="LongestLifetime"/> (a resource's <c>accessTokenValiditySeconds</c>, 300 to 2592000).
    /// </summary>
    internal static class TokenAnswer
    {
        /// <summary>The longest lifetime PingOne allows an access token: 2592000 seconds, 30 days.</summary>
        public static readonly TimeSpan LongestLifetime = TimeSpan.FromSeconds(2592000);

        // Grouped digits: an ungrouped run of seven would be masked as a phone number.
        private const string TooLong = "is more than 30 days (2,592,000 seconds, the longest lifetime PingOne gives a token)";

        /// <summary>
        /// What is wrong with the answer, in words that never repeat the token; <see langword="null"/> when it holds a
        /// token that can be sent (<paramref name="token"/>) and how long it lives (<paramref name="lifetime"/>).
        /// </summary>
        public static string? Read(JObject? answer, out string token, out TimeSpan lifetime)
        {
            token = string.Empty;
            lifetime = TimeSpan.Zero;
            if (answer is null) return "The token answer is not a JSON object.";
            if (answer["access_token"] is not JValue { Type: JTokenType.String, Value: string accessToken })
                return "The token answer has no access_token.";
            if (BearerToken.Problem(accessToken) is { } tokenProblem) return $"The token answer's access_token {tokenProblem}.";
            // RFC 6749 §5.1 requires token_type; PingOne sends Bearer. Absent is tolerated, another type is not ours to send.
            if (answer["token_type"] is { } type && !(type is JValue { Type: JTokenType.String, Value: string typeName } && string.Equals(typeName, "Bearer", StringComparison.OrdinalIgnoreCase)))
                return "The token answer's token_type is not Bearer.";
            if (LifetimeProblem(answer["expires_in"], out var seconds) is { } lifetimeProblem) return $"The token answer's expires_in {lifetimeProblem}.";
            token = accessToken;
            lifetime = TimeSpan.FromSeconds(seconds);
            return null;
        }

        // A whole number of seconds from 1 to 30 days. A quoted number is read as one (some gateways quote them).
        private static string? LifetimeProblem(JToken? expiresIn, out long seconds)
        {
            seconds = 0;
            double value;
            switch (expiresIn)
            {
                case null or { Type: JTokenType.Null or JTokenType.Undefined }:
                    return "is missing: PingOne always says how long a token lives";
                case JValue { Value: long whole }:
                    value = whole;
                    break;
                case JValue { Value: BigInteger or ulong }:
                    return TooLong;
                case JValue { Type: JTokenType.Float } number:
                    value = (double)number;
                    break;
                case JValue { Type: JTokenType.String, Value: string text } when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    value = parsed;
                    break;
                default:
                    return "is not a number of seconds";
            }
            if (double.IsNaN(value)) return "is not a number of seconds";
            if (value < 1) return $"is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: a token must live at least one second";
            if (value > LongestLifetime.TotalSeconds) return TooLong;
            if (Math.Floor(value) != value) return "is not a whole number of seconds";
            seconds = (long)value;
            return null;
        }
    }
}
