namespace PingOne.Generated
{
    /// <summary>
    /// What an access token may look like to be sent as <c>Authorization: Bearer</c>: RFC 6750's <c>b64token</c>,
    /// letters, digits, <c>- . _ ~ + /</c> and <c>=</c> only at the end. PingOne's tokens are JWTs, which fit it. Anything
    /// else (a space, a line break, a control or non-ASCII character) cannot stand in the header as one token.
    /// </summary>
    internal static class BearerToken
    {
        /// <summary>What is wrong with a token, in words that never repeat it; <see langword="null"/> when it can be sent.</summary>
        public static string? Problem(string token)
        {
            if (token.Length == 0) return "is empty";
            if (string.IsNullOrWhiteSpace(token)) return "is blank";
            var padding = token.Length;
            while (padding > 0 && token[padding - 1] == '=') padding--;
            if (padding == 0) return "has nothing before its '=' padding";
            for (var i = 0; i < token.Length; i++)
            {
                var c = token[i];
                if (IsTokenChar(c) || (c == '=' && i >= padding)) continue;
                return $"has {Describe(c)} at position {i + 1} of {token.Length}, which a bearer token cannot have (RFC 6750: letters, digits, - . _ ~ + / and trailing =)";
            }
            return null;
        }

        private static bool IsTokenChar(char c) =>
            c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.' or '_' or '~' or '+' or '/';

        // One character of a token says nothing of the rest; a printable one is named, the others by kind.
        private static string Describe(char c) => c switch
        {
            ' ' => "a space",
            '\r' or '\n' => "a line break",
            '=' => "'=' before its end",
            _ when char.IsControl(c) => "a control character",
            _ when c > '\u007e' => "a non-ASCII character",
            _ => $"'{c}'",
        };
    }
}
