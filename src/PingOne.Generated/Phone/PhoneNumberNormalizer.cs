using System;
using PhoneNumbers;

namespace PingOne.Generated
{
    /// <summary>
    /// Turns any spelling of a phone number (<c>+1.512.555.1234</c>, <c>1-512-555-1234</c>,
    /// <c>+1 (512) 555-1234 ext. 313#</c>, full-width digits, <c>tel:</c> URIs) into one canonical
    /// <see cref="NormalizedPhone"/>: E.164 for the number, the extension kept apart with its DTMF
    /// characters. Built on libphonenumber; thread-safe.
    /// </summary>
    public sealed class PhoneNumberNormalizer
    {
        // Longer text is no phone number; the bound keeps the cost of hostile input flat.
        private const int MaxInputLength = 100;

        private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

        private readonly PhoneNormalizationOptions _options;

        /// <summary>Creates a normalizer with the given options.</summary>
        /// <param name="options">The default region and validation level; <see langword="null"/> for <see cref="PhoneNormalizationOptions.Default"/>.</param>
        public PhoneNumberNormalizer(PhoneNormalizationOptions? options = null)
        {
            _options = options ?? PhoneNormalizationOptions.Default;
        }

        /// <summary>A normalizer with <see cref="PhoneNormalizationOptions.Default"/>: strict, no default region.</summary>
        public static PhoneNumberNormalizer Default { get; } = new();

        // For reading numbers PingOne already stored: their metadata may be newer than ours.
        internal static PhoneNumberNormalizer Lenient { get; } = new(new PhoneNormalizationOptions { Validation = PhoneValidation.Possible });

        /// <summary>The options this normalizer applies.</summary>
        public PhoneNormalizationOptions Options => _options;

        /// <summary>Normalizes a phone number and its extension.</summary>
        /// <param name="phone">The phone text, possibly with an extension (<c>ext. 313</c>, <c>x313</c>, <c>;ext=313</c>).</param>
        /// <param name="extension">An extension given on its own, or <see langword="null"/>.</param>
        /// <returns>The canonical number and extension.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="phone"/> is <see langword="null"/>.</exception>
        /// <exception cref="InvalidPhoneNumberException">The number or extension cannot be used; <see cref="InvalidPhoneNumberException.Reason"/> says why.</exception>
        public NormalizedPhone Normalize(string phone, string? extension = null)
        {
            if (TryNormalize(phone, extension, out var result, out var error)) return result;
            throw error!;
        }

        /// <summary>Normalizes a phone number and its extension without throwing for bad input.</summary>
        /// <param name="phone">The phone text, possibly with an extension.</param>
        /// <param name="extension">An extension given on its own, or <see langword="null"/>.</param>
        /// <param name="result">The canonical number and extension, when the method returns <see langword="true"/>.</param>
        /// <param name="error">Why the input cannot be used, when the method returns <see langword="false"/>.</param>
        /// <returns>Whether the input is usable.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="phone"/> is <see langword="null"/>.</exception>
        public bool TryNormalize(string phone, string? extension, out NormalizedPhone result, out InvalidPhoneNumberException? error)
        {
            if (phone is null) throw new ArgumentNullException(nameof(phone));
            var failure = Evaluate(phone, extension, out result);
            error = failure?.ToException();
            return failure is null;
        }

        private Failure? Evaluate(string phone, string? extensionArgument, out NormalizedPhone result)
        {
            result = default;
            var trimmed = phone.Trim();
            if (trimmed.Length == 0)
                return Problem(PhoneNumberProblem.Empty, "The phone number is empty. Give the number with its country calling code, e.g. +1 512 555 1234.");
            if (trimmed.Length > MaxInputLength)
                return Problem(PhoneNumberProblem.TooLong, $"The phone text is {trimmed.Length} characters long; a phone number with its extension fits in {MaxInputLength}.");
            if (!PhoneText.TryFold(trimmed, out var folded))
                return NotANumber(trimmed);

            var text = PhoneText.Split(folded);
            if (!DtmfExtension.TryNormalize(extensionArgument, out var extension))
                return InvalidExtension(extensionArgument!, "extension");
            string? inlineExtension = null;
            // A label with nothing usable after it ("ext.") is as wrong as bad characters.
            if (text.Extension is not null && (!DtmfExtension.TryNormalize(text.Extension, out inlineExtension) || inlineExtension is null))
                return InvalidExtension(text.Extension, "phone");
            if (!IsNumberText(text.Number))
                return NotANumber(trimmed);

            var error = Read(text.Number, trimmed, out var number, out var canonical);
            if (error is not null) return error;

            // libphonenumber finds extensions written without a label (",,313", " - 313#") but keeps only their digits.
            if (inlineExtension is null && number!.HasExtension) inlineExtension = number.Extension;
            if (extension is not null && inlineExtension is not null && !SameExtension(extension, inlineExtension))
                return Problem(PhoneNumberProblem.ConflictingExtensions, $"The phone text gives extension '{SensitiveText.MaskPhoneNumbers(inlineExtension)}' but the extension argument is '{SensitiveText.MaskPhoneNumbers(extension)}'. Give the extension once, in either place.", "extension");

            result = new NormalizedPhone(canonical!, extension ?? inlineExtension);
            return null;
        }

        private Failure? Read(string number, string original, out PhoneNumber? parsed, out string? canonical)
        {
            if (number.StartsWith("00", StringComparison.Ordinal)) number = "+" + number.Substring(2);
            // "+44 ...", and "(+44) 20 7946 0958" with the calling code in parentheses: international either way.
            if (number[LeadingParentheses(number)] == '+') return ReadAs(number, null, original, out parsed, out canonical);

            if (_options.DefaultRegion is { } region)
            {
                var national = ReadAs(number, region, original, out parsed, out canonical);
                if (national is null) return null;
                return ReadAs("+" + number, null, original, out parsed, out canonical) is null ? null : national;
            }

            // Without a region, PingOne reads bare digits as an international number; a parenthesized area code is national.
            if (number[0] == '(')
            {
                parsed = null;
                canonical = null;
                return MissingCountryCode(original);
            }
            var international = ReadAs("+" + number, null, original, out parsed, out canonical);
            if (international is null) return null;
            var failure = international.Value;
            if (failure.Reason == PhoneNumberProblem.InvalidCountryCode) return MissingCountryCode(original);
            return new Failure(failure.Reason, failure.Message + " Digits without a leading + are read as an international number that starts with its country calling code.", failure.ParamName);
        }

        private Failure? ReadAs(string number, string? region, string original, out PhoneNumber? parsed, out string? canonical)
        {
            parsed = null;
            canonical = null;
            // "+15125551234" and "+1.512.555.1234" (nearly every number) are read without libphonenumber's general parser.
            if (region is null && PlainInternationalNumber.TryRead(number, out var plain, out var plainNationalNumber))
                return Accept(plain!, plainNationalNumber!, original, out parsed, out canonical);

            PhoneNumber candidate;
            try
            {
                candidate = Util.Parse(number, region ?? "ZZ");
            }
            catch (NumberParseException exception)
            {
                return exception.ErrorType switch
                {
                    ErrorType.INVALID_COUNTRY_CODE => InvalidCountryCode(original),
                    ErrorType.TOO_SHORT_AFTER_IDD or ErrorType.TOO_SHORT_NSN => TooShort(original, region),
                    ErrorType.TOO_LONG => TooLong(original, region),
                    // The text passed IsNumberText, so libphonenumber only finds it too short to be a number.
                    _ => CountDigits(number) <= 3 ? TooShort(original, region) : NotANumber(original),
                };
            }
            return Accept(candidate, Util.GetNationalSignificantNumber(candidate), original, out parsed, out canonical);
        }

        // A parsed number checked as the options ask, and its E.164 form.
        private Failure? Accept(PhoneNumber candidate, string nationalNumber, string original, out PhoneNumber? parsed, out string? canonical)
        {
            parsed = null;
            canonical = null;
            // A valid number is always a possible one: the reason is only worked out for numbers that fail.
            var problem = _options.Validation == PhoneValidation.Strict && ValidNumberCheck.IsValidNumber(candidate, nationalNumber) ? null : Check(candidate, original);
            if (problem is not null) return problem;
            // E.164 numbers have 7 to 15 digits; a few "possible" lengths in the metadata are shorter. A number
            // libphonenumber finds valid is kept whatever its length (Iran's +98 9601 has 6 digits): the check on
            // validity only runs for the rare short one, and under Strict it was already made.
            // What Format(E164) builds for a parsed number, without its StringBuilder: +, calling code, national significant number.
            var e164 = "+" + candidate.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + nationalNumber;
            if (e164.Length < 8 && !(_options.Validation == PhoneValidation.Strict || ValidNumberCheck.IsValidNumber(candidate, nationalNumber))) return TooShort(original, RegionOf(candidate));
            if (e164.Length > 16) return TooLong(original, RegionOf(candidate));
            parsed = candidate;
            canonical = e164;
            return null;
        }

        private Failure? Check(PhoneNumber candidate, string original)
        {
            var region = RegionOf(candidate);
            return Util.IsPossibleNumberWithReason(candidate) switch
            {
                PhoneNumberUtil.ValidationResult.IS_POSSIBLE when _options.Validation == PhoneValidation.Possible => null,
                PhoneNumberUtil.ValidationResult.IS_POSSIBLE => InvalidForRegion(original, region),
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => InvalidCountryCode(original),
                PhoneNumberUtil.ValidationResult.TOO_LONG => TooLong(original, region),
                PhoneNumberUtil.ValidationResult.INVALID_LENGTH => InvalidForRegion(original, region),
                _ => TooShort(original, region), // TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY (no area code)
            };
        }

        private static string RegionOf(PhoneNumber number) => Util.GetRegionCodeForCountryCode(number.CountryCode);

        private static int CountDigits(string text)
        {
            var digits = 0;
            foreach (var c in text) if (char.IsDigit(c)) digits++;
            return digits;
        }

        private static bool SameExtension(string given, string inline) =>
            string.Equals(given, inline, StringComparison.Ordinal) ||
            string.Equals(DtmfExtension.DigitsOf(given), inline, StringComparison.Ordinal);

        // Digits and the separators people type; anything else (letters, symbols) is not a number we send.
        private static bool IsNumberText(string number)
        {
            if (number.Length == 0) return false;
            var digits = 0;
            for (var i = 0; i < number.Length; i++)
            {
                var c = number[i];
                if (char.IsDigit(c)) { digits++; continue; }
                if (c == '+' && i == LeadingParentheses(number)) continue;
                if (char.IsWhiteSpace(c) || c is '.' or '-' or '(' or ')' or '/' or '[' or ']' or '~' or ',' or ';' or '#' or '*' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212') continue;
                return false;
            }
            return digits > 0;
        }

        // How many characters the text starts with that are opening parentheses or white space: the + of a
        // calling code written "(+44)" comes after them.
        private static int LeadingParentheses(string number)
        {
            var i = 0;
            while (i < number.Length - 1 && (number[i] == '(' || char.IsWhiteSpace(number[i]))) i++;
            return i;
        }

        private static Failure NotANumber(string original) => Problem(PhoneNumberProblem.NotANumber,
            $"'{Mask(original)}' is not a phone number: use digits with spaces, '+', '.', '-' or parentheses, and an extension such as 'ext. 313'.");

        private static Failure MissingCountryCode(string original) => Problem(PhoneNumberProblem.MissingCountryCode,
            $"The phone number '{Mask(original)}' has no country calling code. Write it with + and the country code (e.g. +1 512 555 1234), or set PhoneNormalizationOptions.DefaultRegion (e.g. \"US\") to accept national numbers.");

        private static Failure InvalidCountryCode(string original) => Problem(PhoneNumberProblem.InvalidCountryCode,
            $"The phone number '{Mask(original)}' starts with a country calling code that does not exist. Check the digits after the +.");

        private static Failure TooShort(string original, string? region) => Problem(PhoneNumberProblem.TooShort,
            $"The phone number '{Mask(original)}' is too short{InRegion(region)}. Check that no digit is missing, including the area code.");

        private static Failure TooLong(string original, string? region) => Problem(PhoneNumberProblem.TooLong,
            $"The phone number '{Mask(original)}' is too long{InRegion(region)}. Remove extra digits; give an extension after 'ext.' or in the extension field.");

        private static Failure InvalidForRegion(string original, string? region) => Problem(PhoneNumberProblem.InvalidForRegion,
            $"The phone number '{Mask(original)}' is not a valid number{InRegion(region)}, e.g. its area code does not exist. Check the number, or use PhoneValidation.Possible if it is newer than the phone metadata.");

        private static Failure InvalidExtension(string extension, string paramName) => Problem(PhoneNumberProblem.InvalidExtension,
            $"The extension '{SensitiveText.MaskPhoneNumbers(Shorten(extension))}' is not valid: use up to {DtmfExtension.MaxLength} digits, '#', '*' and ',' (a pause), with at least one digit.", paramName);

        private static Failure Problem(PhoneNumberProblem reason, string message, string paramName = "phone") => new(reason, message, paramName);

        private static string InRegion(string? region) => region is null or "ZZ" or RegionMetadata.NonGeographical ? string.Empty : $" for region {region}";

        private static string Mask(string original) => SensitiveText.MaskPhone(Shorten(original));

        // The outcome of a failed normalization; an exception is only built when the caller wants one.
        private readonly struct Failure
        {
            public Failure(PhoneNumberProblem reason, string message, string paramName)
            {
                Reason = reason;
                Message = message;
                ParamName = paramName;
            }

            public PhoneNumberProblem Reason { get; }

            public string Message { get; }

            public string ParamName { get; }

            public InvalidPhoneNumberException ToException() => new(Reason, Message, ParamName);
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }
}
