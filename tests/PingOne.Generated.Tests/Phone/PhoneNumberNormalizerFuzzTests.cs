using System.Text;
using System.Text.RegularExpressions;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Phone;

/// <summary>Whatever the input, normalization either gives E.164 or throws <see cref="InvalidPhoneNumberException"/>.</summary>
public class PhoneNumberNormalizerFuzzTests
{
    private const int Inputs = 100_000;
    // 6 to 15 digits: E.164's 7 to 15, and the few shorter numbers libphonenumber finds valid (+98 9601).
    private static readonly Regex E164 = new(@"^\+[1-9][0-9]{5,14}$", RegexOptions.CultureInvariant);
    private static readonly Regex Extension = new(@"^(?=.*[0-9])[0-9#*,]{1,20}$", RegexOptions.CultureInvariant);
    private static readonly string[] Separators = { " ", ".", "-", "(", ")", "/", "\u00A0", "\u2013", "", "", "" };
    private static readonly string[] Labels = { " ext. ", " x", ";ext=", " extension ", ",,", " # ", " ext ", "x" };
    private static readonly string[] Seeds = { "+1.5125551234", "+1 (512) 555-1234 ext. 313#", "+44 (0)20 7946 0958", "15125551234", "tel:+1-512-555-1234;ext=313", "+39 06 6982 1234" };

    [Test]
    public void RandomInput_GivesE164OrInvalidPhoneNumberException()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var normalizers = new[]
        {
            PhoneNumberNormalizer.Default,
            new PhoneNumberNormalizer(new PhoneNormalizationOptions { Validation = PhoneValidation.Possible }),
            new PhoneNumberNormalizer(new PhoneNormalizationOptions { DefaultRegion = "US", Validation = PhoneValidation.Possible }),
        };
        var accepted = 0;

        for (var i = 0; i < Inputs; i++)
        {
            var input = (i % 5) switch
            {
                0 => RandomUnicode(random, random.Next(0, 40)),
                1 => DigitsWithSeparators(random),
                2 => RandomUnicode(random, random.Next(100, 2_000)),
                3 => ControlCharacters(random),
                _ => Mutate(random, Seeds[random.Next(Seeds.Length)]),
            };
            var extension = random.Next(4) == 0 ? DigitsWithSeparators(random) : null;
            var normalizer = normalizers[i % normalizers.Length];
            NormalizedPhone normalized;
            try
            {
                normalized = normalizer.Normalize(input, extension);
            }
            catch (InvalidPhoneNumberException error) when (error.ParamName is "phone" or "extension")
            {
                continue;
            }
            catch (Exception error)
            {
                Assert.Fail($"seed {seed}, input #{i} {Escape(input)} threw {error.GetType().Name}: {error.Message}");
                throw;
            }
            accepted++;
            if (!E164.IsMatch(normalized.Phone) || (normalized.Extension is not null && !Extension.IsMatch(normalized.Extension)))
                Assert.Fail($"seed {seed}, input #{i} {Escape(input)} gave {Escape(normalized.Phone)} / {Escape(normalized.Extension ?? "-")}");
        }

        TestContext.Out.WriteLine($"seed {seed}: {accepted} of {Inputs} inputs accepted");
        Assert.That(accepted, Is.GreaterThan(Inputs / 50), "the generator should produce some valid numbers too");
    }

    private static string RandomUnicode(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append((char)random.Next(0, 0x10000));
        return text.ToString();
    }

    private static string DigitsWithSeparators(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(3) > 0) text.Append('+');
        var digits = random.Next(1, 18);
        for (var i = 0; i < digits; i++)
        {
            text.Append((char)('0' + random.Next(10)));
            if (random.Next(4) == 0) text.Append(Separators[random.Next(Separators.Length)]);
        }
        if (random.Next(5) == 0) text.Append(Labels[random.Next(Labels.Length)]).Append(random.Next(1, 100_000)).Append(random.Next(2) == 0 ? "#" : "");
        return text.ToString();
    }

    private static string ControlCharacters(Random random)
    {
        var text = new StringBuilder("+1 512 555 1234");
        for (var i = random.Next(1, 6); i > 0; i--) text.Insert(random.Next(text.Length + 1), (char)random.Next(0, 32));
        return text.ToString();
    }

    private static string Mutate(Random random, string seed)
    {
        var text = new StringBuilder(seed);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, (char)random.Next(0x20, 0x7F)); break;
                default: text[at] = (char)('0' + random.Next(10)); break;
            }
            if (text.Length == 0) break;
        }
        return text.ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder("\"");
        foreach (var c in text.Length > 120 ? text.Substring(0, 120) : text)
            escaped.Append(c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}");
        return escaped.Append('"').ToString();
    }
}
