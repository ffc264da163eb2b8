using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Phone;

/// <summary>
/// Every example number of libphonenumber's metadata (every region, every number type, every non-geographic
/// calling code), written the ways people write it, normalizes to the example's E.164 and extension: the
/// normalizer never refuses a spelling that libphonenumber itself reads.
/// </summary>
/// <remarks>
/// Spellings: international format, E.164, RFC 3966, the international groups joined by dots, dashes, spaces or
/// no-break spaces, parentheses around the area code (<c>+44 (20) 7946 0958</c>) and around the calling code
/// (<c>(+44) 20 7946 0958</c>), a <c>(0)</c> trunk prefix where the region's national prefix is 0, and the national
/// format read with the example's region as <see cref="PhoneNormalizationOptions.DefaultRegion"/>; each without an
/// extension and with extension 313 after every marker the normalizer reads (<c> ext. </c>, <c> x</c>, <c>;ext=</c>,
/// <c> extension </c>, <c>,,</c>; a <c>tel:</c> URI only takes <c>;ext=</c>).
/// Valid examples are normalized with <see cref="PhoneValidation.Strict"/>. The few examples libphonenumber itself
/// does not find valid are normalized with <see cref="PhoneValidation.Possible"/>, which is what accepts them.
/// A spelling libphonenumber does not read back to the example is not held against the normalizer (it only adds
/// to what libphonenumber reads); such spellings are counted and shown, and kept to a handful.
/// </remarks>
public class EverySpellingPropertyTests
{
    private const string ExtensionDigits = "313";
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly Lazy<IReadOnlyList<Outcome>> Outcomes = new(Compute);

    private static readonly (string Name, string Marker)[] ExtensionMarkers =
    {
        ("", ""), (" ext. ", " ext. "), (" x", " x"), (";ext=", ";ext="), (" extension ", " extension "), (",,", ",,"),
    };

    [Test]
    public void EverySpellingOfEveryExampleNumber_NormalizesToTheExamplesE164AndExtension()
    {
        var outcomes = Outcomes.Value;
        var read = outcomes.Where(o => o.LibraryReadsExample).ToList();
        var wrong = read.Where(o => !o.OursGivesExample).ToList();
        var notReadByLibrary = outcomes.Where(o => !o.LibraryReadsExample).ToList();

        TestContext.Out.WriteLine($"{outcomes.Select(o => o.Example).Distinct().Count()} example numbers, {outcomes.Count} spellings; libphonenumber reads {read.Count} back to their example.");
        TestContext.Out.WriteLine("Spellings compared per kind (compared / refused or different):");
        foreach (var kind in outcomes.GroupBy(o => o.Spelling.Kind))
            TestContext.Out.WriteLine($"  {kind.Key,-28} {kind.Count(o => o.LibraryReadsExample),6} / {kind.Count(o => o.LibraryReadsExample && !o.OursGivesExample)}");
        if (notReadByLibrary.Count > 0)
            TestContext.Out.WriteLine("Not read back to the example by libphonenumber itself (not held against the normalizer):" + Environment.NewLine + Report(notReadByLibrary));

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Select(o => o.Example).Distinct().Count(), Is.GreaterThan(1_000), "every region's and every non-geographic example");
            Assert.That(read.Count, Is.GreaterThan(outcomes.Count * 99 / 100), "libphonenumber reads nearly every spelling the test writes");
            Assert.That(read.Count(o => o.Spelling.Kind.StartsWith("(+CC) rest", StringComparison.Ordinal)), Is.GreaterThan(1_000), "the parenthesized calling code is compared");
            Assert.That(read.Count(o => o.Spelling.Kind.StartsWith("+CC (0) rest", StringComparison.Ordinal)), Is.GreaterThan(500), "the (0) trunk prefix is compared");
            Assert.That(read.Count(o => o.Spelling.Kind.StartsWith("national", StringComparison.Ordinal)), Is.GreaterThan(1_000), "national formats are compared");
            Assert.That(wrong, Is.Empty, "spellings libphonenumber reads to the example but the normalizer refuses or reads differently:" + Environment.NewLine + Report(wrong));
        });
    }

    [Test]
    public void EverySpellingLibphonenumberReadsAsAValidNumber_IsAcceptedWithTheSameE164()
    {
        var outcomes = Outcomes.Value;
        var valid = outcomes.Where(o => o.LibraryValid).ToList();
        var wrong = valid.Where(o => !o.StrictAgreesWithLibrary).ToList();

        TestContext.Out.WriteLine($"{valid.Count} of {outcomes.Count} spellings parse to a valid number with PhoneNumberUtil.Parse (region ZZ, or the default region for national spellings).");
        foreach (var kind in valid.GroupBy(o => o.Spelling.Kind))
            TestContext.Out.WriteLine($"  {kind.Key,-28} {kind.Count(),6} / {kind.Count(o => !o.StrictAgreesWithLibrary)}");

        Assert.Multiple(() =>
        {
            Assert.That(valid.Count, Is.GreaterThan(50_000));
            Assert.That(wrong, Is.Empty, "spellings libphonenumber parses to a valid number that the strict normalizer refuses or reads differently:" + Environment.NewLine + Report(wrong));
        });
    }

    // The known spellings of the issue, spelled out so a failure names them.
    [TestCase("(+44) 20 7946 0958", "+442079460958")]
    [TestCase("(+1) 512-555-1234", "+15125551234")]
    [TestCase("(+1) 512-555-1234 ext. 313", "+15125551234", "313")]
    [TestCase("(+49) 30 123456", "+4930123456")]
    [TestCase("( +44 ) 20 7946 0958", "+442079460958")]
    public void CallingCodeInParentheses_IsAccepted(string spelling, string e164, string? extension = null)
    {
        var libraryReading = Util.Parse(spelling, "ZZ");
        Assert.That(Util.IsValidNumber(libraryReading), Is.True, "libphonenumber reads it as a valid number");

        foreach (var normalizer in new[] { PhoneNumberNormalizer.Default, new PhoneNumberNormalizer(new PhoneNormalizationOptions { DefaultRegion = "FR" }) })
        {
            var normalized = normalizer.Normalize(spelling);

            Assert.That(normalized.Phone, Is.EqualTo(e164), normalizer.Options.DefaultRegion ?? "no default region");
            Assert.That(normalized.Extension, Is.EqualTo(extension));
        }
    }

    // What the fix must not open: a national number in parentheses still needs a country code or a default region,
    // and a + anywhere but first (after opening parentheses) is still not a number.
    [TestCase("(512) 555-1234", PhoneNumberProblem.MissingCountryCode)]
    [TestCase("(020) 7946 0958", PhoneNumberProblem.MissingCountryCode)]
    [TestCase("(1+) 512-555-1234", PhoneNumberProblem.NotANumber)]
    [TestCase("+(+1) 512-555-1234", PhoneNumberProblem.NotANumber)]
    [TestCase("(+1) 512-555-FLOWERS", PhoneNumberProblem.NotANumber)]
    [TestCase("(+)", PhoneNumberProblem.NotANumber)]
    public void ParenthesesWithoutALeadingCallingCode_AreStillRefused(string spelling, PhoneNumberProblem reason)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => PhoneNumberNormalizer.Default.Normalize(spelling));

        Assert.That(error!.Reason, Is.EqualTo(reason));
    }

    private sealed record Example(string Region, PhoneNumber Number, string E164, bool Valid);

    private sealed record Spelling(string Kind, string Text, string? DefaultRegion, string? Extension);

    private sealed record Outcome(Example Example, Spelling Spelling, string? Ours, string? LibraryReading, bool LibraryReadsExample, bool LibraryValid, bool OursGivesExample, bool StrictAgreesWithLibrary);

    private static IReadOnlyList<Outcome> Compute()
    {
        var normalizers = new Dictionary<(string?, PhoneValidation), PhoneNumberNormalizer>();
        PhoneNumberNormalizer NormalizerFor(string? region, PhoneValidation validation)
        {
            if (!normalizers.TryGetValue((region, validation), out var normalizer))
                normalizers[(region, validation)] = normalizer = new PhoneNumberNormalizer(new PhoneNormalizationOptions { DefaultRegion = region, Validation = validation });
            return normalizer;
        }

        var outcomes = new List<Outcome>();
        foreach (var example in Examples())
        {
            foreach (var spelling in SpellingsOf(example))
            {
                var expected = Show(example.E164, spelling.Extension);

                var validation = example.Valid ? PhoneValidation.Strict : PhoneValidation.Possible;
                var ours = Normalize(NormalizerFor(spelling.DefaultRegion, validation), spelling.Text);

                PhoneNumber? library = null;
                try { library = Util.Parse(spelling.Text, spelling.DefaultRegion ?? "ZZ"); }
                catch (NumberParseException) { }
                var libraryReading = library is null ? null : Show(Util.Format(library, PhoneNumberFormat.E164), library.HasExtension ? library.Extension : null);
                var libraryReadsExample = libraryReading == expected && (example.Valid ? Util.IsValidNumber(library) : Util.IsPossibleNumber(library));
                var libraryValid = library is not null && Util.IsValidNumber(library);

                // The strict normalizer, with the region libphonenumber was given, reads a valid number as libphonenumber does.
                var strictAgrees = !libraryValid ||
                    (validation == PhoneValidation.Strict ? ours : Normalize(NormalizerFor(spelling.DefaultRegion, PhoneValidation.Strict), spelling.Text)) == libraryReading;

                outcomes.Add(new Outcome(example, spelling, ours, libraryReading, libraryReadsExample, libraryValid, ours == expected, strictAgrees));
            }
        }
        return outcomes;
    }

    // Every region's example of every number type and every non-geographic calling code's example, once each.
    private static IEnumerable<Example> Examples()
    {
        var seen = new HashSet<(string, string)>();
        foreach (var (region, number) in MetadataExamples.All())
            if (region == "001" || seen.Add((region, Util.Format(number, PhoneNumberFormat.E164)))) yield return ExampleOf(region, number);
    }

    private static Example ExampleOf(string region, PhoneNumber number) =>
        new(region, number, Util.Format(number, PhoneNumberFormat.E164), Util.IsValidNumber(number));

    private static IEnumerable<Spelling> SpellingsOf(Example example)
    {
        var number = example.Number;
        var callingCode = "+" + number.CountryCode;
        var international = Util.Format(number, PhoneNumberFormat.INTERNATIONAL);
        if (!international.StartsWith(callingCode + " ", StringComparison.Ordinal))
            throw new InvalidOperationException($"unexpected international format {international}");
        var rest = international.Substring(callingCode.Length + 1);
        var groups = Regex.Matches(rest, "[0-9]+").Select(m => m.Value).ToArray();

        var bases = new List<(string Kind, string Text)>
        {
            ("international", international),
            ("E.164", example.E164),
            ("dots", callingCode + "." + string.Join(".", groups)),
            ("dashes", callingCode + "-" + string.Join("-", groups)),
            ("spaces", callingCode + " " + string.Join(" ", groups)),
            ("no-break spaces", callingCode + "\u00A0" + string.Join("\u00A0", groups)),
            ("(+CC) rest", "(" + callingCode + ") " + rest),
        };
        if (groups.Length >= 2)
            bases.Add(("+CC (area) rest", callingCode + " (" + groups[0] + ") " + rest.Substring(groups[0].Length).TrimStart(' ', '-')));
        if (example.Region != "001" && Util.GetMetadataForRegion(example.Region)?.NationalPrefix == "0")
            bases.Add(("+CC (0) rest", callingCode + " (0) " + rest));

        foreach (var (kind, text) in bases)
        {
            foreach (var (name, marker) in ExtensionMarkers)
                yield return name.Length == 0 ? new Spelling(kind, text, null, null) : new Spelling($"{kind} +{name}{ExtensionDigits}", text + marker + ExtensionDigits, null, ExtensionDigits);
        }

        var uri = Util.Format(number, PhoneNumberFormat.RFC3966);
        yield return new Spelling("RFC 3966", uri, null, null);
        yield return new Spelling($"RFC 3966 +;ext={ExtensionDigits}", uri + ";ext=" + ExtensionDigits, null, ExtensionDigits);

        if (example.Region != "001")
        {
            var national = Util.Format(number, PhoneNumberFormat.NATIONAL);
            foreach (var (name, marker) in ExtensionMarkers)
                yield return name.Length == 0 ? new Spelling("national", national, example.Region, null) : new Spelling($"national +{name}{ExtensionDigits}", national + marker + ExtensionDigits, example.Region, ExtensionDigits);
        }
    }

    private static string Normalize(PhoneNumberNormalizer normalizer, string text) =>
        normalizer.TryNormalize(text, null, out var normalized, out var error) ? Show(normalized.Phone, normalized.Extension) : "refused: " + error!.Reason;

    private static string Show(string phone, string? extension) => extension is null ? phone : phone + " ext " + extension;

    // Disagreements grouped by spelling kind, a few examples each.
    private static string Report(IReadOnlyCollection<Outcome> outcomes)
    {
        var report = new StringBuilder($"  {outcomes.Count} spellings of {outcomes.Select(o => o.Example).Distinct().Count()} example numbers").AppendLine();
        foreach (var kind in outcomes.GroupBy(o => o.Spelling.Kind).OrderByDescending(g => g.Count()))
        {
            report.AppendLine($"  {kind.Key}: {kind.Count()}");
            foreach (var o in kind.Take(3))
                report.AppendLine($"    {o.Example.Region} {Escape(o.Spelling.Text)}{(o.Spelling.DefaultRegion is null ? "" : " (default region " + o.Spelling.DefaultRegion + ")")}: expected {o.Example.E164}, libphonenumber {o.LibraryReading ?? "refuses"}, normalizer {o.Ours}");
        }
        return report.ToString();
    }

    private static string Escape(string text) => "\"" + text.Replace("\u00A0", "\\u00A0", StringComparison.Ordinal) + "\"";
}
