using System;
using System.Globalization;

namespace PingOne.Generated
{
    /// <summary>Reads a <c>Retry-After</c> header, which holds either delta-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    internal static class RetryAfterHeader
    {
        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            var text = value!.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
            if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                return date > now ? date - now : TimeSpan.Zero;
            return null;
        }
    }
}
