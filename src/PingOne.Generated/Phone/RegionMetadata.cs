using PhoneNumbers;

namespace PingOne.Generated
{
    /// <summary>libphonenumber's metadata of one region of a calling code, geographic or not.</summary>
    internal static class RegionMetadata
    {
        /// <summary>The region libphonenumber gives the non-geographic calling codes (+800, +882, ...).</summary>
        public const string NonGeographical = "001";

        private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

        /// <summary>The metadata of <paramref name="region"/>, one of <paramref name="callingCode"/>'s regions; <see langword="null"/> when libphonenumber has none.</summary>
        public static PhoneMetadata? Of(int callingCode, string region) =>
            region == NonGeographical ? Util.GetMetadataForNonGeographicalRegion(callingCode) : Util.GetMetadataForRegion(region);
    }
}
