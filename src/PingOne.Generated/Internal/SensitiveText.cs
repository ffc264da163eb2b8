using System.Text;

namespace PingOne.Generated
{
    /// <summary>
    /// Keeps phone numbers out of exception messages and logs: any run of digits (with the
    /// separators people type between them) long enough to be a phone number is masked except for
    /// its last two digits.
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
                if (!char.IsDigit(text[i])) { i++; continue; }
                var end = i;
                var digits = 0;
                var lastDigit = i;
                while (end < text.Length && (char.IsDigit(text[end]) || IsSeparator(text[end])))
                {
                    if (char.IsDigit(text[end])) { digits++; lastDigit = end; }
                    end++;
                }
                if (digits >= ShortestMaskedRun)
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
    }
}
