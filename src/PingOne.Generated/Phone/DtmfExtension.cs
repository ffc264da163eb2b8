namespace PingOne.Generated
{
    /// <summary>An extension as dialed after the call connects: digits, <c>#</c>, <c>*</c> and <c>,</c> (a pause).</summary>
    internal static class DtmfExtension
    {
        public const int MaxLength = 20;

        /// <summary>Trims the text; <see langword="null"/> or white space means no extension.</summary>
        /// <returns><see langword="false"/> when the text is not a usable extension.</returns>
        public static bool TryNormalize(string? text, out string? extension)
        {
            extension = null;
            if (text is null) return true;
            if (!PhoneText.TryFold(text, out var folded)) return false;
            folded = folded.Trim();
            if (folded.Length == 0) return true;
            if (folded.Length > MaxLength) return false;
            var hasDigit = false;
            foreach (var c in folded)
            {
                if (c is >= '0' and <= '9') hasDigit = true;
                else if (c is not ('#' or '*' or ',')) return false;
            }
            if (!hasDigit) return false;
            extension = folded;
            return true;
        }

        public static string DigitsOf(string extension)
        {
            var digits = new System.Text.StringBuilder(extension.Length);
            foreach (var c in extension) if (c is >= '0' and <= '9') digits.Append(c);
            return digits.ToString();
        }
    }
}
