using System;
using PhoneNumbers;

namespace PingOne.Generated
{
    /// <summary>How phone numbers are read and checked before they are sent to PingOne.</summary>
    public sealed class PhoneNormalizationOptions
    {
        private string? _defaultRegion;

        /// <summary>Strict validation and no default region: every number must carry its country code.</summary>
        public static PhoneNormalizationOptions Default { get; } = new();

        /// <summary>
        /// The ISO 3166-1 alpha-2 region (e.g. <c>US</c>, <c>GB</c>) that national numbers such as
        /// <c>(512) 555-1234</c> belong to. When <see langword="null"/> (the default), a number needs its
        /// country calling code.
        /// </summary>
        /// <exception cref="ArgumentException">The value is not a region libphonenumber knows.</exception>
        public string? DefaultRegion
        {
            get => _defaultRegion;
            init
            {
                if (value is null) { _defaultRegion = null; return; }
                var region = value.Trim().ToUpperInvariant();
                if (!PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region))
                    throw new ArgumentException($"'{value}' is not an ISO 3166-1 alpha-2 region with phone numbers, such as US or GB.", nameof(DefaultRegion));
                _defaultRegion = region;
            }
        }

        /// <summary>How strictly numbers are checked. Defaults to <see cref="PhoneValidation.Strict"/>.</summary>
        public PhoneValidation Validation { get; init; } = PhoneValidation.Strict;
    }
}
