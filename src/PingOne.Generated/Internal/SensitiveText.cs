using System.Text;

namespace PingOne.Generated
{
    /// <summary>
    /// Keeps phone numbers out of exception messages and logs: any run of digits (with the separators people
    /// type between them) long enough to be a phone number is masked except for its last two digits. Ids are
    /// not phone numbers and stay readable for a support ticket: UUIDs (PingOne's ids, correlation ids) and
    /// digits glued to letters (<c>e500</c>, <c>req12345678</c>) are left as they are. Nor are addresses: an IPv4
    /// address (<c>127.0.0.1</c>) and a port after a host (<c>localhost:50123</c>) say which server failed.
    /// </summary>
    internal static class SensitiveText
    {
        // Shorter runs are codes, counts and years, which are useful in a message and identify no one.
        private const int ShortestMaskedRun = 5;

        public static string MaskPhoneNumbers(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            StringBuilder? masked = null;
            var i = 0;
            while (i < text.Length)
            {
                if (StartsUuid(text, i)) { i += 36; continue; }
                if (IPv4Length(text, i) is > 0 and var address) { i += address; continue; }
                if (PortLength(text, i) is > 0 and var port) { i += port; continue; }
                if (IsWordChar(text[i]) && !char.IsDigit(text[i]))
                {
                    // A word, with any digits glued to it, is an identifier or a code, not a phone number.
                    while (i < text.Length && IsWordChar(text[i])) i++;
                    continue;
                }
                if (!char.IsDigit(text[i])) { i++; continue; }
                var end = i;
                var digits = 0;
                var lastDigit = i;
                while (end < text.Length && (char.IsDigit(text[end]) || IsSeparator(text[end])))
                {
                    if (char.IsDigit(text[end])) { digits++; lastDigit = end; }
                    end++;
                }
                if (digits >= ShortestMaskedRun && !GluedToAWord(text, lastDigit))
                {
                    masked ??= new StringBuilder(text);
                    var keep = 0;
                    for (var j = lastDigit; j >= i; j--)
                    {
                        if (!char.IsDigit(text[j])) continue;
                        if (keep++ >= 2) masked[j] = '*';
                    }
                }
                i = lastDigit + 1;
                while (i < text.Length && IsWordChar(text[i]) && !IsExtensionMarker(text[i])) i++;
            }
            return masked?.ToString() ?? text;
        }

        /// <summary>Masks a value known to be a phone number, whatever its length.</summary>
        public static string MaskPhone(string phone)
        {
            var digits = 0;
            foreach (var c in phone) if (char.IsDigit(c)) digits++;
            var result = new StringBuilder(phone.Length);
            var seen = 0;
            foreach (var c in phone)
            {
                if (char.IsDigit(c)) result.Append(++seen > digits - 2 ? c : '*');
                else result.Append(c);
            }
            return result.ToString();
        }

        private static bool IsSeparator(char c) => c is ' ' or '.' or '-' or '(' or ')' or '/' or '\u00A0';

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        // "x313", "ext. 313": what may follow a phone number directly.
        private static bool IsExtensionMarker(char c) => c is 'x' or 'X' or 'e' or 'E';

        // "12345678abc": digits followed by letters are a token, unless the letters start an extension.
        private static bool GluedToAWord(string text, int lastDigit) =>
            lastDigit + 1 < text.Length && char.IsLetter(text[lastDigit + 1]) && !IsExtensionMarker(text[lastDigit + 1]);

        // Four dot-separated numbers of 0 to 255 standing on their own, e.g. 127.0.0.1: its length, or 0.
        private static int IPv4Length(string text, int index)
        {
            if (index > 0 && (char.IsDigit(text[index - 1]) || text[index - 1] is '.' or '+' or '-')) return 0;
            var i = index;
            for (var part = 0; part < 4; part++)
            {
                if (part > 0)
                {
                    if (i >= text.Length || text[i] != '.') return 0;
                    i++;
                }
                var start = i;
                while (i < text.Length && char.IsDigit(text[i]) && i - start < 4) i++;
                if (i == start || i - start > 3 || int.Parse(text.Substring(start, i - start), System.Globalization.CultureInfo.InvariantCulture) > 255) return 0;
            }
            return i < text.Length && (char.IsDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))) ? 0 : i - index;
        }

        // The port after a host or an address ("localhost:50123", "[::1]:8080"): up to 65535, its length, or 0.
        private static int PortLength(string text, int index)
        {
            if (index < 2 || !char.IsDigit(text[index]) || text[index - 1] != ':' || !(IsWordChar(text[index - 2]) || text[index - 2] == ']')) return 0;
            var i = index;
            while (i < text.Length && char.IsDigit(text[i])) i++;
            if (i - index > 5 || (i < text.Length && IsWordChar(text[i]))) return 0;
            return int.Parse(text.Substring(index, i - index), System.Globalization.CultureInfo.InvariantCulture) <= 65535 ? i - index : 0;
        }

        // A UUID standing on its own (not inside a longer word).
        private static bool StartsUuid(string text, int index) =>
            index + 36 <= text.Length &&
            (index == 0 || !IsWordChar(text[index - 1])) &&
            (index + 36 == text.Length || !IsWordChar(text[index + 36])) &&
            PingOneId.IsUuidAt(text, index);
    }
}
