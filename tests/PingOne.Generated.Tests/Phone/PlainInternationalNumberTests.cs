using PhoneNumbers;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Phone;

/// <summary>
/// The reader of plain international numbers gives exactly what libphonenumber's parser gives, or leaves the text to it.
/// </summary>
public class PlainInternationalNumberTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Test]
    public void EveryExampleNumberOfTheMetadata_AndItsNeighbours_InEveryPlainSpelling_ReadAsLibphonenumberParsesThem()
    {
        var read = 0;
        var compared = 0;
        var disagreements = new List<string>();
        foreach (var national in MetadataExamples.Numbers().SelectMany(NationalNeighbours))
        {
            foreach (var text in Spellings(national.CallingCode, national.Digits))
            {
                compared++;
                if (Compare(text, disagreements)) read++;
            }
        }

        TestContext.Out.WriteLine($"{read} of {compared} texts read without the general parser");
        Assert.That(compared, Is.GreaterThan(60_000), "every region's examples and their neighbours, four spellings each");
        Assert.That(disagreements, Is.Empty);
        // Most examples have no national prefix or leading zero to weigh: the reader must actually take them.
        Assert.That(read, Is.GreaterThan(compared * 9 / 10), $"read {read} of {compared}");
    }

    [Test]
    public void RandomText_ReadsAsLibphonenumberParsesIt_OrIsLeftToIt()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var callingCodes = Util.GetSupportedCallingCodes().ToArray();
        // The shape's own separators most of the time, and now and then a character that must send the text to the parser.
        const string Separators = " .-() .-";
        var others = new[] { "/", "x", "#", ",", ";", "~", "+", "*", "a", "\u00A0", "\t", "\uFF11", "\u0661", "ext", "\u2010" };
        var read = 0;
        var disagreements = new List<string>();

        for (var i = 0; i < 100_000; i++)
        {
            var digits = (random.Next(3) == 0 ? string.Empty : callingCodes[random.Next(callingCodes.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture))
                + new string(Enumerable.Range(0, random.Next(0, 19)).Select(_ => (char)('0' + random.Next(10))).ToArray());
            var text = new System.Text.StringBuilder("+");
            foreach (var digit in digits)
            {
                if (random.Next(5) == 0) text.Append(Separators[random.Next(Separators.Length)]);
                if (random.Next(60) == 0) text.Append(others[random.Next(others.Length)]);
                text.Append(digit);
            }
            if (random.Next(40) == 0) text.Append(others[random.Next(others.Length)]);
            if (Compare(text.ToString(), disagreements)) read++;
        }

        TestContext.Out.WriteLine($"{read} of 100000 random texts read without the general parser (seed {seed})");
        Assert.That(disagreements, Is.Empty, $"seed {seed}");
        Assert.That(read, Is.GreaterThan(20_000), $"the reader took random numbers too (seed {seed})");
    }

    [TestCase("+15125551234", 1, "5125551234")]
    [TestCase("+1.5125551234", 1, "5125551234")]
    [TestCase("+1.512.555.1234", 1, "5125551234")]
    [TestCase("+1 (512) 555-1234", 1, "5125551234")]
    [TestCase("+44 20 7946 0958", 44, "2079460958")]
    [TestCase("+80012345678", 800, "12345678")]
    public void PlainSpellings_AreRead(string text, int callingCode, string nationalNumber)
    {
        Assert.That(PlainInternationalNumber.TryRead(text, out var number, out var national), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(number!.CountryCode, Is.EqualTo(callingCode));
            Assert.That(national, Is.EqualTo(nationalNumber));
            Assert.That(number, Is.EqualTo(Util.Parse(text, "ZZ")));
        });
    }

    [TestCase("+1 1 512 555 1234", TestName = "A national prefix after the calling code: the parser strips it or not")]
    [TestCase("+39 06 6982 1234", TestName = "Italian leading zero")]
    [TestCase("+44 020 7946 0958", TestName = "A trunk zero after the calling code")]
    [TestCase("+999 512 555 1234", TestName = "No such calling code")]
    [TestCase("+1 512 555 1234 x313", TestName = "An extension")]
    [TestCase("+1 512 555 1234#", TestName = "A DTMF sign")]
    [TestCase("+1/512/555/1234", TestName = "Slashes")]
    [TestCase("+1\u00A0512\u00A0555\u00A01234", TestName = "No-break spaces")]
    [TestCase("++15125551234", TestName = "Two plus signs")]
    [TestCase("15125551234", TestName = "No plus sign")]
    [TestCase("(+1) 512 555 1234", TestName = "The calling code in parentheses")]
    [TestCase("+1 512 555 123-", TestName = "Ending in a separator")]
    [TestCase("+123", TestName = "Too few digits to weigh")]
    [TestCase("+1512555123412345678901", TestName = "More digits than any number")]
    public void OtherShapes_AreLeftToTheGeneralParser(string text)
    {
        Assert.That(PlainInternationalNumber.TryRead(text, out var number, out _), Is.False);
        Assert.That(number, Is.Null);
    }

    // Whether the reader took the text; a disagreement with the parser is added to the list.
    private static bool Compare(string text, List<string> disagreements)
    {
        if (!PlainInternationalNumber.TryRead(text, out var number, out var national)) return false;
        PhoneNumber expected;
        try
        {
            expected = Util.Parse(text, "ZZ");
        }
        catch (NumberParseException exception)
        {
            disagreements.Add($"{text}: read, but the parser says {exception.ErrorType}");
            return true;
        }
        if (!expected.Equals(number) || Util.GetNationalSignificantNumber(expected) != national)
            disagreements.Add($"{text}: read as +{number!.CountryCode} {national}, parsed as +{expected.CountryCode} {Util.GetNationalSignificantNumber(expected)}");
        return true;
    }

    // The number as E.164, with dots, as libphonenumber formats it internationally, and with the area in parentheses.
    private static IEnumerable<string> Spellings(int callingCode, string national)
    {
        yield return $"+{callingCode}{national}";
        yield return $"+{callingCode}.{national}";
        yield return national.Length > 6 ? $"+{callingCode} ({national.Substring(0, 3)}) {national.Substring(3, 3)}-{national.Substring(6)}" : $"+{callingCode} {national}";
        PhoneNumber? parsed = null;
        try { parsed = Util.Parse($"+{callingCode}{national}", "ZZ"); }
        catch (NumberParseException) { }
        if (parsed is not null) yield return Util.Format(parsed, PhoneNumberFormat.INTERNATIONAL);
    }

    // The example's national number, each last digit, one digit more and one less: numbers and near misses.
    private static IEnumerable<(int CallingCode, string Digits)> NationalNeighbours(PhoneNumber example)
    {
        var national = Util.GetNationalSignificantNumber(example);
        var stem = national.Substring(0, national.Length - 1);
        return Enumerable.Range(0, 10).Select(d => stem + d).Append(national + "5").Append(stem).Append(national)
            .Distinct().Select(digits => (example.CountryCode, digits));
    }
}
