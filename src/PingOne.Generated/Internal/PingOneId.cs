using System;

namespace PingOne.Generated
{
    /// <summary>
    /// PingOne's ids (environments, users, devices, policies) are UUIDs. Only a UUID is put into a request
    /// path: anything else (<c>..</c>, <c>.</c>, <c>a/b</c>, <c>?x</c>, an empty segment) could change which
    /// resource the request addresses once the URI is resolved.
    /// </summary>
    internal static class PingOneId
    {
        public const string Example = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";

        /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentException"><paramref name="value"/> is not a UUID; the message names <paramref name="name"/>.</exception>
        public static void Require(string value, string name)
        {
            if (value is null) throw new ArgumentNullException(name);
            // The text itself is not repeated: it may be anything, a phone number included.
            if (!IsUuid(value)) throw new ArgumentException($"{name} must be a PingOne id: a UUID such as {Example}.", name);
        }

        // 8-4-4-4-12 hexadecimal digits, nothing around them (Guid.TryParse would also take braces and other layouts).
        public static bool IsUuid(string value) => value.Length == 36 && IsUuidAt(value, 0);

        /// <summary>Whether the 36 characters of <paramref name="text"/> from <paramref name="start"/> are a UUID.</summary>
        // Every create checks three ids: the dashes first, then the five runs of hex digits, each a straight loop.
        public static bool IsUuidAt(string text, int start)
        {
            if (start < 0 || start > text.Length - 36) return false;
            return text[start + 8] == '-' && text[start + 13] == '-' && text[start + 18] == '-' && text[start + 23] == '-' &&
                   IsHexRun(text, start, 8) && IsHexRun(text, start + 9, 4) && IsHexRun(text, start + 14, 4) &&
                   IsHexRun(text, start + 19, 4) && IsHexRun(text, start + 24, 12);
        }

        private static bool IsHexRun(string text, int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                var c = text[i];
                // 0-9, or a-f / A-F: setting bit 5 maps A-F onto a-f and nothing else onto them.
                if ((uint)(c - '0') > 9 && (uint)((c | 0x20) - 'a') > 5) return false;
            }
            return true;
        }
    }
}
