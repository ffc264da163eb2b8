using System;

namespace PingOne.Generated
{
    /// <summary>Settings of a <see cref="PingOneMfaClient"/>.</summary>
    public class PingOneMfaClientOptions
    {
        /// <summary>The PingOne region whose API the client calls. Defaults to <see cref="PingOneRegion.NorthAmerica"/>.</summary>
        public PingOneRegion Region { get; set; } = PingOneRegion.NorthAmerica;

        /// <summary>
        /// A custom API base address (a custom domain, a local emulator) used instead of the region's;
        /// a missing trailing <c>/</c> is added.
        /// </summary>
        public Uri? ApiBaseAddress { get; set; }

        /// <summary>
        /// How phone numbers are read and checked before a request is sent: the default region for national
        /// numbers and the validation level. Defaults to strict validation with no default region.
        /// </summary>
        public PhoneNormalizationOptions PhoneNormalization { get; set; } = PhoneNormalizationOptions.Default;

        /// <summary>The API base address in effect: <see cref="ApiBaseAddress"/> if set, otherwise the region's.</summary>
        public Uri EffectiveApiBaseAddress => BaseAddress.WithTrailingSlash(ApiBaseAddress ?? Region.ApiBaseAddress);
    }
}
