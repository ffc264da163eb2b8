using PingOne.Generated;

namespace PingOne.Generated.Tests.Phone;

/// <summary>Every spelling of a number becomes one canonical value; a bad one says why.</summary>
public class PhoneNumberNormalizerTests
{
    private static readonly PhoneNumberNormalizer Strict = PhoneNumberNormalizer.Default;
    private static readonly PhoneNumberNormalizer Possible = new(new PhoneNormalizationOptions { Validation = PhoneValidation.Possible });
    private static readonly PhoneNumberNormalizer StrictUs = new(new PhoneNormalizationOptions { DefaultRegion = "US" });

    [TestCaseSource(typeof(SeedSpellings), nameof(SeedSpellings.All))]
    public void SeedSpelling_BecomesE164(string spelling)
    {
        var normalized = Strict.Normalize(spelling);

        Assert.That(normalized.Phone, Is.EqualTo("+15125551234"));
        Assert.That(normalized.Extension, Is.Null);
    }

    [TestCase("  +1 512 555 1234\t")]
    [TestCase("\uFF0B\uFF11 \uFF15\uFF11\uFF12 \uFF15\uFF15\uFF15 \uFF11\uFF12\uFF13\uFF14", TestName = "FullWidthDigitsAndPlus_BecomeE164")]
    [TestCase("+1\u00A0512\u00A0555\u00A01234", TestName = "NoBreakSpaces_BecomeE164")]
    [TestCase("+1 512\u2013555\u20131234", TestName = "EnDashes_BecomeE164")]
    [TestCase("tel:+1-512-555-1234", TestName = "TelUri_BecomesE164")]
    [TestCase("001 512 555 1234", TestName = "InternationalPrefix00_BecomesE164")]
    public void OtherSpellings_BecomeE164(string spelling)
    {
        Assert.That(Strict.Normalize(spelling).Phone, Is.EqualTo("+15125551234"));
    }

    [TestCase("+1 (512) 555-1234 ext. 313", "313")]
    [TestCase("+1 (512) 555-1234 ext 313", "313")]
    [TestCase("+1 (512) 555-1234 EXT. 313", "313")]
    [TestCase("+1 (512) 555-1234 x313", "313")]
    [TestCase("+1 (512) 555-1234 X 313", "313")]
    [TestCase("+1.5125551234;ext=313", "313")]
    [TestCase("+1 512 555 1234 extension 313", "313")]
    [TestCase("+1 512 555 1234 extn: 313", "313")]
    [TestCase("tel:+1-512-555-1234;ext=313", "313")]
    [TestCase("+1 (512) 555-1234 ext. 313#", "313#")]
    [TestCase("+1 (512) 555-1234 x313#", "313#")]
    [TestCase("+1 (512) 555-1234 ext. 313,,*9#", "313,,*9#")]
    [TestCase("+1 512 555 1234,,313", "313")]
    public void ExtensionInsideThePhoneText_MovesToExtension(string spelling, string extension)
    {
        var normalized = Strict.Normalize(spelling);

        Assert.That(normalized.Phone, Is.EqualTo("+15125551234"));
        Assert.That(normalized.Extension, Is.EqualTo(extension));
    }

    [TestCase("313#", "313#")]
    [TestCase("  313#  ", "313#")]
    [TestCase("1,,2*#", "1,,2*#")]
    [TestCase("\uFF13\uFF11\uFF13\uFF03", "313#")]
    [TestCase("12345678901234567890", "12345678901234567890")]
    public void SeparateExtension_KeepsItsDtmfCharacters(string given, string expected)
    {
        var normalized = Strict.Normalize("+1.5125551111", given);

        Assert.That(normalized.Phone, Is.EqualTo("+15125551111"));
        Assert.That(normalized.Extension, Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void MissingOrBlankSeparateExtension_MeansNone(string? given)
    {
        Assert.That(Strict.Normalize("+15125551111", given).Extension, Is.Null);
    }

    [TestCase("+1 512 555 1234 ext. 313#", "313#")]
    [TestCase("+1 512 555 1234 ext. 313", " 313 ")]
    [TestCase("+1 512 555 1234,,313", "313#")]
    public void SameExtensionGivenBothWays_IsAcceptedOnce(string phone, string extension)
    {
        var normalized = Strict.Normalize(phone, extension);

        Assert.That(normalized.Extension, Is.EqualTo(extension.Trim()));
    }

    [TestCase("+1 512 555 1234 ext. 313", "314")]
    [TestCase("+1 512 555 1234 ext. 313#", "313")]
    [TestCase("+1 512 555 1234,,313", "314")]
    public void TwoDifferentExtensions_AreAnError(string phone, string extension)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Strict.Normalize(phone, extension));

        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.ConflictingExtensions));
        Assert.That(error.ParamName, Is.EqualTo("extension"));
    }

    [TestCase("31a")]
    [TestCase("#")]
    [TestCase("3-1-3")]
    [TestCase("123456789012345678901")]
    public void InvalidSeparateExtension_NamesTheExtension(string extension)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Strict.Normalize("+15125551234", extension));

        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.InvalidExtension));
        Assert.That(error.ParamName, Is.EqualTo("extension"));
        Assert.That(error.Message, Does.Contain("at least one digit"));
    }

    [TestCase("+1 512 555 1234 ext. 31a")]
    [TestCase("+1 512 555 1234 ext.")]
    [TestCase("+1 512 555 1234 x 123456789012345678901")]
    public void InvalidExtensionInsideThePhoneText_NamesThePhone(string phone)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Strict.Normalize(phone));

        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.InvalidExtension));
        Assert.That(error.ParamName, Is.EqualTo("phone"));
    }

    [TestCase("(512) 555-1234")]
    [TestCase("512-555-1234")]
    [TestCase("512.555.1234")]
    public void NationalNumber_WithDefaultRegion_IsAccepted(string national)
    {
        Assert.That(StrictUs.Normalize(national).Phone, Is.EqualTo("+15125551234"));
    }

    [Test]
    public void BritishNationalNumberWithExtension_WithDefaultRegionGB_IsAccepted()
    {
        var normalizer = new PhoneNumberNormalizer(new PhoneNormalizationOptions { DefaultRegion = "GB" });

        Assert.That(normalizer.TryNormalize("020 7946 0958 x12", null, out var phone, out _), Is.True);
        Assert.That(phone.Phone, Is.EqualTo("+442079460958"));
        Assert.That(phone.Extension, Is.EqualTo("12"));
    }

    [Test]
    public void InternationalNumber_WithDefaultRegion_KeepsItsOwnCountry()
    {
        Assert.That(StrictUs.Normalize("+44 20 7946 0958").Phone, Is.EqualTo("+442079460958"));
        Assert.That(StrictUs.Normalize("15125551234").Phone, Is.EqualTo("+15125551234"));
    }

    [TestCase("(512) 555-1234")]
    [TestCase("(020) 7946 0958")]
    public void NationalNumber_WithoutDefaultRegion_IsMissingItsCountryCode(string national)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Strict.Normalize(national));

        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.MissingCountryCode));
        Assert.That(error.ParamName, Is.EqualTo("phone"));
        Assert.That(error.Message, Does.Contain("country calling code").And.Contain("DefaultRegion"));
    }

    [TestCase("+44 20 7946 0958", "+442079460958", TestName = "UnitedKingdom_London")]
    [TestCase("+44 (0)20 7946 0958", "+442079460958", TestName = "UnitedKingdom_TrunkPrefixInParentheses_IsDropped")]
    [TestCase("+39 06 6982 1234", "+390669821234", TestName = "Italy_KeepsItsLeadingZero")]
    [TestCase("+49 30 123456", "+4930123456", TestName = "Germany_Berlin")]
    [TestCase("+81 3-1234-5678", "+81312345678", TestName = "Japan_Tokyo")]
    [TestCase("+55 11 91234-5678", "+5511912345678", TestName = "Brazil_Mobile")]
    [TestCase("+91 98765 43210", "+919876543210", TestName = "India_Mobile")]
    [TestCase("+61 2 9374 4000", "+61293744000", TestName = "Australia_Sydney")]
    [TestCase("+33 1 42 68 53 00", "+33142685300", TestName = "France_Paris")]
    [TestCase("+1 242 357 1234", "+12423571234", TestName = "Bahamas_WithinPlusOne")]
    [TestCase("+46 8 123 456 78", "+46812345678", TestName = "Sweden_Stockholm")]
    [TestCase("+27 21 123 4567", "+27211234567", TestName = "SouthAfrica_CapeTown")]
    [TestCase("+64 9 309 1234", "+6493091234", TestName = "NewZealand_Auckland")]
    [TestCase("+52 55 1234 5678", "+525512345678", TestName = "Mexico_MexicoCity")]
    public void NumbersFromAroundTheWorld_BecomeE164(string spelling, string e164)
    {
        Assert.That(Strict.Normalize(spelling).Phone, Is.EqualTo(e164));
    }

    [Test]
    public void InvalidAreaCode_IsRejectedUnderStrict_AndAcceptedUnderPossible()
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Strict.Normalize("+1 123 456 7890"));

        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.InvalidForRegion));
        Assert.That(error.Message, Does.Contain("PhoneValidation.Possible"));
        Assert.That(Possible.Normalize("+1 123 456 7890").Phone, Is.EqualTo("+11234567890"));
    }

    [TestCase("+1 512 555", PhoneNumberProblem.TooShort)]
    [TestCase("+44 20 79", PhoneNumberProblem.TooShort)]
    [TestCase("+1 512 555 1234 5678", PhoneNumberProblem.TooLong)]
    [TestCase("+49 30 1234 5678 9012 3456", PhoneNumberProblem.TooLong)]
    [TestCase("+999 123 4567", PhoneNumberProblem.InvalidCountryCode)]
    [TestCase("+80 123 4567", PhoneNumberProblem.InvalidCountryCode)]
    [TestCase("call me maybe", PhoneNumberProblem.NotANumber)]
    [TestCase("+1 800 FLOWERS", PhoneNumberProblem.NotANumber)]
    [TestCase("+1 512 555 1234 !", PhoneNumberProblem.NotANumber)]
    [TestCase("+", PhoneNumberProblem.NotANumber)]
    [TestCase("", PhoneNumberProblem.Empty)]
    [TestCase("   \t ", PhoneNumberProblem.Empty)]
    public void BadNumber_SaysWhy(string phone, PhoneNumberProblem reason)
    {
        foreach (var normalizer in new[] { Strict, Possible })
        {
            var error = Assert.Throws<InvalidPhoneNumberException>(() => normalizer.Normalize(phone));

            Assert.That(error!.Reason, Is.EqualTo(reason), phone);
            Assert.That(error.ParamName, Is.EqualTo("phone"));
        }
    }

    [Test]
    public void Null_IsAnArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Strict.Normalize(null!));

        Assert.That(error!.ParamName, Is.EqualTo("phone"));
    }

    [TestCase("+1 123 456 7890", "90")]
    [TestCase("(512) 555-1234", "34")]
    [TestCase("+1 512 555 1234 5678", "78")]
    [TestCase("+999 123 4567", "67")]
    public void ErrorMessage_ShowsOnlyTheLastTwoDigits(string phone, string lastTwo)
    {
        var error = Assert.Throws<InvalidPhoneNumberException>(() => Strict.Normalize(phone));

        var quoted = error!.Message.Split('\'')[1];
        Assert.That(new string(quoted.Where(char.IsDigit).ToArray()), Is.EqualTo(lastTwo));
        Assert.That(quoted.Length, Is.EqualTo(phone.Length));
        Assert.That(error.Message, Does.Not.Contain(phone));
    }

    [Test]
    public void TryNormalize_ReportsWithoutThrowing()
    {
        Assert.That(Strict.TryNormalize("+1 512 555 1234 x9", null, out var ok, out var none), Is.True);
        Assert.That(ok, Is.EqualTo(Strict.Normalize("+15125551234", "9")));
        Assert.That(none, Is.Null);

        Assert.That(Strict.TryNormalize("12", null, out _, out var error), Is.False);
        Assert.That(error!.Reason, Is.EqualTo(PhoneNumberProblem.TooShort));
    }

    [Test]
    public void NormalizedPhone_ToString_IsMaskedForLogs()
    {
        var normalized = Strict.Normalize("+1 512 555 1234 ext. 313#");

        Assert.That(normalized.ToString(), Is.EqualTo("+*********34 ext. 313#"));
    }

    [Test]
    public void NormalizingTheCanonicalForm_GivesItBack()
    {
        var once = Strict.Normalize("+1 (512) 555-1234 ext. 313#");

        Assert.That(Strict.Normalize(once.Phone, once.Extension), Is.EqualTo(once));
    }

    [TestCase("ZZZ")]
    [TestCase("USA")]
    [TestCase("")]
    public void UnknownDefaultRegion_IsRejectedWhenConfigured(string region)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new PhoneNormalizationOptions { DefaultRegion = region });

        Assert.That(error!.ParamName, Is.EqualTo("DefaultRegion"));
    }

    [Test]
    public void DefaultRegion_IsCaseInsensitive()
    {
        Assert.That(new PhoneNormalizationOptions { DefaultRegion = " gb " }.DefaultRegion, Is.EqualTo("GB"));
    }
}
