using System.Runtime.ExceptionServices;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Phone;

/// <summary>Exceptions are for bad input: a good number is normalized without throwing and catching any.</summary>
[NonParallelizable]
public class PhoneNormalizationHappyPathTests
{
    [TestCaseSource(typeof(SeedSpellings), nameof(SeedSpellings.All))]
    [TestCase("+1 (512) 555-1234 ext. 313#")]
    public void SeedSpelling_ThrowsNoExceptionInternally(string spelling)
    {
        PhoneNumberNormalizer.Default.Normalize(spelling); // loads the metadata outside the count
        var thrown = new List<string>();
        void Count(object? sender, FirstChanceExceptionEventArgs e) => thrown.Add(e.Exception.GetType().Name + ": " + e.Exception.Message);
        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            PhoneNumberNormalizer.Default.Normalize(spelling);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.That(thrown, Is.Empty);
    }
}
