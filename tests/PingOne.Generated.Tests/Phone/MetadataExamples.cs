using PhoneNumbers;

namespace PingOne.Generated.Tests.Phone;

/// <summary>The example numbers of libphonenumber's metadata: the tests that compare our phone code with libphonenumber's start from them.</summary>
internal static class MetadataExamples
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Every region's example of every number type (regions in ordinal order), then every non-geographic calling code's example (region "001").</summary>
    public static IEnumerable<(string Region, PhoneNumber Number)> All()
    {
        foreach (var region in Util.GetSupportedRegions().OrderBy(r => r, StringComparer.Ordinal))
        {
            foreach (PhoneNumberType type in Enum.GetValues(typeof(PhoneNumberType)))
            {
                var number = Util.GetExampleNumberForType(region, type);
                if (number is not null) yield return (region, number);
            }
        }
        foreach (var callingCode in Util.GetSupportedGlobalNetworkCallingCodes().OrderBy(c => c))
        {
            var number = Util.GetExampleNumberForNonGeoEntity(callingCode);
            if (number is not null) yield return ("001", number);
        }
    }

    /// <summary>The example numbers alone.</summary>
    public static IEnumerable<PhoneNumber> Numbers() => All().Select(example => example.Number);
}
