using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace PingOne.Generated
{
    /// <summary>
    /// <see cref="PhoneNumberUtil.IsValidNumber"/> in one pass over libphonenumber's own metadata, with the same answer.
    /// </summary>
    /// <remarks>
    /// For a calling code shared by several regions (+1, +44, +7, +39...), <c>IsValidNumber</c> first finds the
    /// number's region by matching it against each region's number types, then matches it against that
    /// region's types again to validate it: twice the work for every number of the main region, which is most
    /// of them. A region found by that type match is already a valid one, so here the first match is the answer.
    /// Regions with leading digits are still chosen by their leading digits and validated once, as libphonenumber does.
    /// A test compares the two on every example number of the metadata and on random numbers.
    /// </remarks>
    internal static class ValidNumberCheck
    {
        private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
        private static readonly ConcurrentDictionary<string, Regex> LeadingDigits = new();

        public static bool IsValidNumber(PhoneNumber number)
        {
            var regions = Util.GetRegionCodesForCountryCode(number.CountryCode);
            if (regions.Count == 0) return false;
            if (regions.Count == 1) return Util.IsValidNumberForRegion(number, regions[0]);

            string? nationalNumber = null;
            foreach (var region in regions)
            {
                var metadata = Util.GetMetadataForRegion(region);
                if (metadata.HasLeadingDigits)
                {
                    nationalNumber ??= Util.GetNationalSignificantNumber(number);
                    if (StartsWithLeadingDigits(metadata.LeadingDigits, nationalNumber)) return Util.IsValidNumberForRegion(number, region);
                }
                else if (Util.IsValidNumberForRegion(number, region))
                {
                    return true;
                }
            }
            return false;
        }

        // libphonenumber's "lookingAt": the pattern must match at the start, not the whole number.
        private static bool StartsWithLeadingDigits(string pattern, string nationalNumber) =>
            LeadingDigits.GetOrAdd(pattern, p => new Regex("^(?:" + p + ")", RegexOptions.CultureInvariant)).IsMatch(nationalNumber);
    }
}
