using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
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
    /// Within a region, a number is valid when it matches the general description and any one number type:
    /// libphonenumber asks the rare types (premium rate, toll free, shared cost, VoIP, personal, pager, UAN,
    /// voicemail) before fixed line and mobile because it wants the type; for validity the order does not
    /// matter, so fixed line and mobile, where almost every number is, come first. Patterns are matched whole,
    /// as libphonenumber matches them.
    /// A test compares the two on every example number of the metadata and on random numbers.
    /// </remarks>
    internal static class ValidNumberCheck
    {
        private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
        private static readonly ConcurrentDictionary<string, Regex> LeadingDigits = new();
        private static readonly ConcurrentDictionary<string, TieredPattern> Patterns = new();

        public static bool IsValidNumber(PhoneNumber number)
        {
            var regions = Util.GetRegionCodesForCountryCode(number.CountryCode);
            if (regions.Count == 0) return false;
            var nationalNumber = Util.GetNationalSignificantNumber(number);
            if (regions.Count == 1) return IsValidForRegion(nationalNumber, MetadataOf(number.CountryCode, regions[0]));

            foreach (var region in regions)
            {
                var metadata = MetadataOf(number.CountryCode, region);
                if (metadata is null) continue;
                if (metadata.HasLeadingDigits)
                {
                    if (StartsWithLeadingDigits(metadata.LeadingDigits, nationalNumber)) return IsValidForRegion(nationalNumber, metadata);
                }
                else if (IsValidForRegion(nationalNumber, metadata))
                {
                    return true;
                }
            }
            return false;
        }

        // libphonenumber's metadata for a region, or for a non-geographic calling code (+800, +882...; region "001").
        private static PhoneMetadata? MetadataOf(int countryCode, string region) =>
            region == "001" ? Util.GetMetadataForNonGeographicalRegion(countryCode) : Util.GetMetadataForRegion(region);

        private static bool IsValidForRegion(string nationalNumber, PhoneMetadata? metadata) =>
            metadata is not null &&
            Matches(nationalNumber, metadata.GeneralDesc) &&
            (Matches(nationalNumber, metadata.FixedLine) || Matches(nationalNumber, metadata.Mobile) ||
             Matches(nationalNumber, metadata.TollFree) || Matches(nationalNumber, metadata.PremiumRate) ||
             Matches(nationalNumber, metadata.SharedCost) || Matches(nationalNumber, metadata.Voip) ||
             Matches(nationalNumber, metadata.PersonalNumber) || Matches(nationalNumber, metadata.Pager) ||
             Matches(nationalNumber, metadata.Uan) || Matches(nationalNumber, metadata.Voicemail));

        // libphonenumber's IsNumberMatchingDesc: a possible length of the description, then its whole pattern.
        private static bool Matches(string nationalNumber, PhoneNumberDesc? description)
        {
            if (description is null) return false;
            var lengths = description.PossibleLengthList;
            if (lengths.Count > 0 && !lengths.Contains(nationalNumber.Length)) return false;
            return Patterns.GetOrAdd(description.NationalNumberPattern ?? string.Empty, pattern => new TieredPattern(pattern)).IsMatch(nationalNumber);
        }

        // A whole-number pattern that starts interpreted (no compile cost for a one-off call, e.g. the CLI) and is
        // compiled in the background once it is in steady use: matching the big +1 and +44 patterns then takes
        // a third less time (docs/benchmarks.md).
        private sealed class TieredPattern
        {
            private const int UsesBeforeCompiling = 64;
            private readonly string _pattern;
            private Regex _regex;
            private int _uses;

            public TieredPattern(string pattern)
            {
                _pattern = "^(?:" + pattern + ")$";
                _regex = new Regex(_pattern, RegexOptions.CultureInvariant);
            }

            public bool IsMatch(string text)
            {
                if (Interlocked.Increment(ref _uses) == UsesBeforeCompiling)
                    Task.Run(() => Volatile.Write(ref _regex, new Regex(_pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled)));
                return Volatile.Read(ref _regex).IsMatch(text);
            }
        }

        // libphonenumber's "lookingAt": the pattern must match at the start, not the whole number.
        private static bool StartsWithLeadingDigits(string pattern, string nationalNumber) =>
            LeadingDigits.GetOrAdd(pattern, p => new Regex("^(?:" + p + ")", RegexOptions.CultureInvariant)).IsMatch(nationalNumber);
    }
}
