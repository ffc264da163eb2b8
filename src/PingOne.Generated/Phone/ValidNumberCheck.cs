using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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
    /// What a calling code's regions need (their metadata, lengths and patterns) is gathered once per calling code and
    /// looked up by the code: looking patterns up by their text on every call hashed the +1 patterns, thousands of
    /// characters, each time (a fifth of a normalization, docs/benchmarks.md).
    /// A test compares the two on every example number of the metadata and on random numbers.
    /// </remarks>
    internal static class ValidNumberCheck
    {
        private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
        private static readonly ConcurrentDictionary<int, RegionRules[]> RulesByCallingCode = new();
        // Shared by the regions that use the same pattern (many descriptions repeat the general one).
        private static readonly ConcurrentDictionary<string, TieredPattern> Patterns = new();

        public static bool IsValidNumber(PhoneNumber number) => IsValidNumber(number, Util.GetNationalSignificantNumber(number));

        /// <param name="number">The parsed number.</param>
        /// <param name="nationalNumber">Its national significant number, as <see cref="PhoneNumberUtil.GetNationalSignificantNumber"/> gives it.</param>
        public static bool IsValidNumber(PhoneNumber number, string nationalNumber)
        {
            var regions = RulesByCallingCode.GetOrAdd(number.CountryCode, RulesFor);
            if (regions.Length == 1) return regions[0].IsValid(nationalNumber);

            foreach (var region in regions)
            {
                if (region.HasLeadingDigits)
                {
                    if (region.StartsWithLeadingDigits(nationalNumber)) return region.IsValid(nationalNumber);
                }
                else if (region.IsValid(nationalNumber))
                {
                    return true;
                }
            }
            return false;
        }

        // The regions of a calling code in libphonenumber's order, those without metadata left out (as IsValidNumber skips them).
        private static RegionRules[] RulesFor(int callingCode) =>
            Util.GetRegionCodesForCountryCode(callingCode)
                .Select(region => RegionMetadata.Of(callingCode, region))
                .OfType<PhoneMetadata>()
                .Select(metadata => new RegionRules(metadata))
                .ToArray();

        // One region's general description and number types: valid when the number matches the first and any of the others.
        private sealed class RegionRules
        {
            private readonly Description? _general;
            private readonly Description[] _types;
            private readonly string? _leadingDigits;
            private Regex? _leadingDigitsRegex;

            public RegionRules(PhoneMetadata metadata)
            {
                _general = metadata.GeneralDesc is null ? null : new Description(metadata.GeneralDesc);
                _types = new[]
                {
                    metadata.FixedLine, metadata.Mobile, metadata.TollFree, metadata.PremiumRate, metadata.SharedCost, metadata.Voip,
                    metadata.PersonalNumber, metadata.Pager, metadata.Uan, metadata.Voicemail,
                }.Where(d => d is not null).Select(d => new Description(d)).ToArray();
                if (metadata.HasLeadingDigits) _leadingDigits = "^(?:" + metadata.LeadingDigits + ")";
            }

            public bool HasLeadingDigits => _leadingDigits is not null;

            // libphonenumber's "lookingAt": the pattern must match at the start, not the whole number. Built on first use
            // (two callers may both build it; either instance will do).
            public bool StartsWithLeadingDigits(string nationalNumber) =>
                (_leadingDigitsRegex ??= new Regex(_leadingDigits!, RegexOptions.CultureInvariant)).IsMatch(nationalNumber);

            public bool IsValid(string nationalNumber)
            {
                if (_general is null || !_general.Matches(nationalNumber)) return false;
                foreach (var type in _types)
                    if (type.Matches(nationalNumber)) return true;
                return false;
            }
        }

        // libphonenumber's IsNumberMatchingDesc: a possible length of the description, then its whole pattern.
        private sealed class Description
        {
            private readonly HashSet<int> _lengths;
            private readonly TieredPattern _pattern;

            public Description(PhoneNumberDesc description)
            {
                _lengths = new HashSet<int>(description.PossibleLengthList);
                _pattern = Patterns.GetOrAdd(description.NationalNumberPattern ?? string.Empty, pattern => new TieredPattern(pattern));
            }

            public bool Matches(string nationalNumber) =>
                (_lengths.Count == 0 || _lengths.Contains(nationalNumber.Length)) && _pattern.IsMatch(nationalNumber);
        }

        // A whole-number pattern that starts interpreted (no compile cost for a one-off call, e.g. the CLI) and is
        // compiled in the background once it is in steady use: matching the big +1 and +44 patterns then takes
        // a third less time (docs/benchmarks.md). Compiled, it is one instance per stripe of processors: a Regex lends
        // its one cached runner to one match at a time, so callers on several cores matching the same pattern (the +1
        // fixed-line one, nearly always) take that runner from each other's caches, or build a new one, on every match.
        private sealed class TieredPattern
        {
            private const int UsesBeforeCompiling = 64;
            private static readonly int Stripes = System.Math.Min(System.Environment.ProcessorCount, 4);
            private readonly string _pattern;
            private Regex[]? _regexes;
            private int _uses;

            // Nothing is built until the first match: a calling code's rules name every pattern of every one of its regions
            // (25 regions for +1), most of which a process never matches against.
            public TieredPattern(string pattern) => _pattern = "^(?:" + pattern + ")$";

            public bool IsMatch(string text)
            {
                // Counted until the threshold only: past it, callers on many cores only read, and share no written cache line.
                // Compiled on a thread of its own, not a pool thread: compiling a big pattern takes long enough to hold up
                // the callers' own work queued on the pool.
                if (Volatile.Read(ref _uses) < UsesBeforeCompiling && Interlocked.Increment(ref _uses) == UsesBeforeCompiling)
                    Task.Factory.StartNew(
                        () => Volatile.Write(ref _regexes, Enumerable.Range(0, Stripes).Select(_ => new Regex(_pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled)).ToArray()),
                        CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                var regexes = Volatile.Read(ref _regexes) ?? Interpreted();
                return regexes[regexes.Length == 1 ? 0 : CurrentStripe() % regexes.Length].IsMatch(text);
            }

            private Regex[] Interpreted()
            {
                Interlocked.CompareExchange(ref _regexes, new[] { new Regex(_pattern, RegexOptions.CultureInvariant) }, null);
                return Volatile.Read(ref _regexes)!;
            }

#if NET5_0_OR_GREATER
            private static int CurrentStripe() => Thread.GetCurrentProcessorId();
#else
            private static int CurrentStripe() => System.Environment.CurrentManagedThreadId;
#endif
        }
    }
}
