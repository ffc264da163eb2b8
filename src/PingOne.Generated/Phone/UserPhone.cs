using System;
using System.Collections.Concurrent;
using PhoneNumbers;

namespace PingOne.Generated
{
    /// <summary>
    /// Reads the phone in a PingOne user's profile (<c>mobilePhone</c> or <c>primaryPhone</c>, stored in any spelling) through the
    /// phone layer (<see cref="PhoneNumberNormalizer"/>), with the user's own country as the region of a national number.
    /// </summary>
    public static class UserPhone
    {
        private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

        // One normalizer per (region, validation): a directory has few countries, and a normalizer is reused across threads.
        private static readonly ConcurrentDictionary<(string? Region, PhoneValidation Validation), PhoneNumberNormalizer> Normalizers = new();

        /// <summary>The wire name of an attribute: <c>mobilePhone</c> or <c>primaryPhone</c>.</summary>
        /// <param name="attribute">The attribute.</param>
        /// <returns>Its name in PingOne's user data model.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="attribute"/> is not a defined value.</exception>
        public static string NameOf(UserPhoneAttribute attribute) => attribute switch
        {
            UserPhoneAttribute.MobilePhone => "mobilePhone",
            UserPhoneAttribute.PrimaryPhone => "primaryPhone",
            _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Use MobilePhone or PrimaryPhone."),
        };

        /// <summary>The attribute's text as PingOne stored it, or <see langword="null"/> when the user has none.</summary>
        /// <param name="user">The user.</param>
        /// <param name="attribute">Which phone.</param>
        /// <returns>The stored text, unchanged.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="attribute"/> is not a defined value.</exception>
        public static string? ValueOf(PingOneUser user, UserPhoneAttribute attribute)
        {
            if (user is null) throw new ArgumentNullException(nameof(user));
            return attribute switch
            {
                UserPhoneAttribute.MobilePhone => user.MobilePhone,
                UserPhoneAttribute.PrimaryPhone => user.PrimaryPhone,
                _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Use MobilePhone or PrimaryPhone."),
            };
        }

        /// <summary>
        /// Reads a user's phone attribute into its canonical form. A number with its country calling code is read as it is; a national
        /// number (<c>(512) 555-1234</c>, <c>020 7946 0958</c>) is read in the user's country, <c>address.countryCode</c> (ISO 3166-1
        /// alpha-2), else in <paramref name="options"/>' <see cref="PhoneNormalizationOptions.DefaultRegion"/>. A country code
        /// libphonenumber does not know (e.g. <c>USA</c>, <c>XX</c>) counts as none.
        /// </summary>
        /// <param name="user">The user, e.g. from <see cref="PingOneMfaClient.ListUsersAsync"/>.</param>
        /// <param name="attribute">Which phone to read.</param>
        /// <param name="options">The fallback region and the validation level; <see langword="null"/> for <see cref="PhoneNormalizationOptions.Default"/> (strict, no region).</param>
        /// <param name="phone">The canonical number (E.164, extension apart) when the method returns <see langword="true"/>; otherwise <see langword="null"/>.</param>
        /// <param name="error">
        /// Why it cannot be used, when the method returns <see langword="false"/>: <see cref="InvalidPhoneNumberException.Reason"/> is
        /// <see cref="PhoneNumberProblem.Empty"/> when the user has no such attribute (absent, empty or white space; tell "absent" by
        /// <see cref="ValueOf"/> returning <see langword="null"/>), <see cref="PhoneNumberProblem.MissingCountryCode"/> for a national number
        /// without a country, and the phone layer's other reasons for an invalid number. <see cref="ArgumentException.ParamName"/> is the
        /// attribute's name; the message never holds the whole number.
        /// </param>
        /// <returns>Whether the attribute holds a usable phone number.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="attribute"/> is not a defined value.</exception>
        public static bool TryRead(PingOneUser user, UserPhoneAttribute attribute, PhoneNormalizationOptions? options, out NormalizedPhone? phone, out InvalidPhoneNumberException? error)
        {
            var name = NameOf(attribute);
            var text = ValueOf(user, attribute);
            phone = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                error = new InvalidPhoneNumberException(PhoneNumberProblem.Empty, $"The user has no {name}.", name);
                return false;
            }

            var userRegion = RegionOf(user);
            var region = userRegion ?? options?.DefaultRegion;
            var validation = options?.Validation ?? PhoneValidation.Strict;
            var normalizer = Normalizers.GetOrAdd((region, validation), static key => new PhoneNumberNormalizer(new PhoneNormalizationOptions { DefaultRegion = key.Region, Validation = key.Validation }));
            if (normalizer.TryNormalize(text!, null, out var normalized, out var failure))
            {
                phone = normalized;
                error = null;
                return true;
            }

            var where = failure!.Reason == PhoneNumberProblem.MissingCountryCode && region is null
                ? " The user has no address.countryCode and no default region was given, so a national number cannot be read."
                : string.Empty;
            error = new InvalidPhoneNumberException(failure.Reason, $"The user's {name} cannot be used: {StripParameter(failure.Message)}{where}", name);
            return false;
        }

        // The user's country as a region libphonenumber knows, or null.
        private static string? RegionOf(PingOneUser user)
        {
            var code = user.Address?.CountryCode?.Trim();
            if (code is not { Length: 2 }) return null;
            code = code.ToUpperInvariant();
            return Util.GetSupportedRegions().Contains(code) ? code : null;
        }

        // ArgumentException appends " (Parameter 'phone')" to its message on .NET Core; the attribute is named instead.
        private static string StripParameter(string message)
        {
            var at = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
            return at < 0 ? message : message.Substring(0, at);
        }
    }
}
