using System.Globalization;
using System.Text;
using PhoneNumbers;

namespace PingOne.Generated
{
    /// <summary>
    /// Reads the shape nearly every number arrives in, a '+', the calling code and the national number with at most
    /// spaces, dots, dashes and parentheses between the digits (<c>+15125551234</c>, <c>+1.5125551234</c>,
    /// <c>+1 (512) 555-1234</c>), without libphonenumber's general parser, and gives the same <see cref="PhoneNumber"/>
    /// <see cref="PhoneNumberUtil.Parse(string, string)"/> gives.
    /// </summary>
    /// <remarks>
    /// The general parser first looks for a phone-context, an extension, a second number, letters, an international
    /// prefix and other spellings, with a dozen regular expressions that every caller of the process shares; on this
    /// shape none of them can match (an extension needs a label, '#', '~', ',' or ';'; letters and '/' are not
    /// accepted here), and what is left is its own few steps: the calling code is the shortest run of 1-3 leading
    /// digits that is a known calling code, and the rest is the national number. Whatever those steps would change is
    /// left to the general parser: a number whose national part starts with its region's national prefix (which the
    /// parser strips or keeps depending on what remains) or with a 0 (Italian leading zeros), a calling code that
    /// does not exist, and lengths near the parser's limits. A test compares the two on every example number of the
    /// metadata in several spellings, their neighbours and random text.
    /// </remarks>
    internal static class PlainInternationalNumber
    {
        // The national numbers libphonenumber parses (MIN_LENGTH_FOR_NSN, MAX_LENGTH_FOR_NSN), and 1-3 digits of calling code.
        private const int MinNationalDigits = 2;
        private const int MaxNationalDigits = 17;
        private const int MaxDigits = 3 + MaxNationalDigits;
        // Three digits are the fewest the parser reads at all; the few numbers that short are left to it (they are refused).
        private const int MinDigits = 4;
        private const string UnknownRegion = "ZZ";

        private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

        /// <summary>Reads <paramref name="text"/> when it has the plain international shape.</summary>
        /// <param name="text">The number without an extension, trimmed.</param>
        /// <param name="number">The number as <see cref="PhoneNumberUtil.Parse(string, string)"/> reads it.</param>
        /// <param name="nationalNumber">Its national significant number.</param>
        /// <returns><see langword="false"/> when the text has another shape or needs the general parser's judgement.</returns>
        public static bool TryRead(string text, out PhoneNumber? number, out string? nationalNumber)
        {
            number = null;
            nationalNumber = null;
            var digitCount = CountDigits(text);
            if (digitCount < MinDigits || digitCount > MaxDigits) return false;

            // Without separators the digits are the text after the '+'; otherwise they are gathered once.
            var digits = digitCount == text.Length - 1 ? text.Substring(1) : DigitsOf(text, digitCount);
            var codeLength = CallingCodeLength(digits, out var callingCode);
            if (codeLength == 0) return false;

            var national = digits.Substring(codeLength);
            if (national.Length < MinNationalDigits || national.Length > MaxNationalDigits || national[0] == '0') return false;
            // The parser reads a number with the metadata of its calling code's main region.
            var metadata = RegionMetadata.Of(callingCode, Util.GetRegionCodeForCountryCode(callingCode));
            if (metadata is null) return false;
            // Whether the parser would strip a national prefix (or carrier code) depends on what remains: its call.
            if (metadata.HasNationalPrefixForParsing && Util.MaybeStripNationalPrefixAndCarrierCode(new StringBuilder(national), metadata, null)) return false;

            number = new PhoneNumber.Builder()
                .SetCountryCode(callingCode)
                .SetNationalNumber(ulong.Parse(national, NumberStyles.None, CultureInfo.InvariantCulture))
                .Build();
            nationalNumber = national;
            return true;
        }

        // The number of digits of a '+', digits and separators text ending in a digit; 0 for any other text.
        private static int CountDigits(string text)
        {
            if (text.Length < 2 || text[0] != '+' || !IsAsciiDigit(text[text.Length - 1])) return 0;
            var digits = 0;
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (IsAsciiDigit(c)) digits++;
                else if (c is not (' ' or '.' or '-' or '(' or ')')) return 0;
            }
            return digits;
        }

        private static string DigitsOf(string text, int digitCount)
        {
            var digits = new char[digitCount];
            var next = 0;
            for (var i = 1; i < text.Length; i++)
                if (IsAsciiDigit(text[i])) digits[next++] = text[i];
            return new string(digits);
        }

        // libphonenumber's ExtractCountryCode: the first of the 1-3 digit prefixes that is a calling code; none starts with 0.
        private static int CallingCodeLength(string digits, out int callingCode)
        {
            callingCode = 0;
            if (digits[0] == '0') return 0;
            for (var length = 1; length <= 3; length++)
            {
                callingCode = callingCode * 10 + (digits[length - 1] - '0');
                if (Util.GetRegionCodeForCountryCode(callingCode) != UnknownRegion) return length;
            }
            return 0;
        }

        private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
    }
}
