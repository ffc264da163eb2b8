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
        public static bool IsUuidAt(string text, int start)
        {
            if (start < 0 || start + 36 > text.Length) return false;
            for (var i = 0; i < 36; i++)
            {
                var c = text[start + i];
                if (i is 8 or 13 or 18 or 23)
                {
                    if (c != '-') return false;
                }
                else if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F'))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
