using PhoneNumbers;
using PingOne.Generated;

namespace PingOne.Generated.Tests.Phone;

/// <summary>The one-pass validity check gives libphonenumber's own <c>IsValidNumber</c> answer for every number.</summary>
public class ValidNumberCheckTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Test]
    public void EveryExampleNumberOfTheMetadata_AndItsNeighbours_GetLibphonenumbersAnswer()
    {
        var numbers = MetadataExamples.Numbers().SelectMany(Neighbours).ToList();

        var disagreements = numbers.Where(n => ValidNumberCheck.IsValidNumber(n) != Util.IsValidNumber(n)).Select(Util.GetNationalSignificantNumber).Take(5).ToList();

        Assert.That(numbers, Has.Count.GreaterThan(15_000), "every region's examples and their neighbours");
        Assert.That(numbers.Count(Util.IsValidNumber), Is.GreaterThan(2_000), "valid and invalid numbers are both compared");
        Assert.That(disagreements, Is.Empty);
    }

    [Test]
    public void RandomNumbersInEveryCallingCode_GetLibphonenumbersAnswer()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var callingCodes = Util.GetSupportedCallingCodes().ToArray();
        var compared = 0;
        var valid = 0;

        for (var i = 0; i < 100_000; i++)
        {
            var callingCode = callingCodes[random.Next(callingCodes.Length)];
            var digits = new string(Enumerable.Range(0, random.Next(4, 15)).Select(_ => (char)('0' + random.Next(10))).ToArray());
            PhoneNumber number;
            try { number = Util.Parse($"+{callingCode}{digits}", "ZZ"); }
            catch (NumberParseException) { continue; }
            var expected = Util.IsValidNumber(number);
            Assert.That(ValidNumberCheck.IsValidNumber(number), Is.EqualTo(expected), $"+{callingCode} {digits} (seed {seed})");
            compared++;
            if (expected) valid++;
        }

        Assert.That(compared, Is.GreaterThan(90_000));
        Assert.That(valid, Is.GreaterThan(1_000), "random numbers include valid ones");
    }

    // Callers on every core at once, long enough for the patterns in steady use to be compiled and spread over the
    // processors: each still gets libphonenumber's answer.
    [Test]
    public void ManyCallersAtOnce_EachGetLibphonenumbersAnswer()
    {
        var numbers = MetadataExamples.Numbers().SelectMany(Neighbours).ToArray();
        var expected = numbers.Select(Util.IsValidNumber).ToArray();
        var disagreements = 0;

        Parallel.For(0, Environment.ProcessorCount * 4, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 4 }, caller =>
        {
            for (var round = 0; round < 3; round++)
                for (var i = caller % numbers.Length; i < numbers.Length; i += 7)
                    if (ValidNumberCheck.IsValidNumber(numbers[i]) != expected[i]) Interlocked.Increment(ref disagreements);
        });

        Assert.That(disagreements, Is.Zero);
    }

    [TestCase("+15125551234", true)]   // US, the main region of +1
    [TestCase("+12423571234", true)]   // Bahamas: chosen by leading digits 242
    [TestCase("+16135550123", true)]   // Canada: found after the US by type match
    [TestCase("+11234567890", false)]  // no +1 region has area code 123
    [TestCase("+442079460958", true)]  // UK, main region of +44
    [TestCase("+441481256789", true)]  // Guernsey, within +44
    [TestCase("+390669821234", true)]  // Italy, leading zero
    [TestCase("+79123456789", true)]   // Russia, main region of +7
    [TestCase("+80012345678", true)]   // international freephone, a non-geographic calling code
    public void KnownNumbers_GetTheExpectedAnswer(string e164, bool valid)
    {
        var number = Util.Parse(e164, "ZZ");

        Assert.That(Util.IsValidNumber(number), Is.EqualTo(valid), "libphonenumber's answer");
        Assert.That(ValidNumberCheck.IsValidNumber(number), Is.EqualTo(valid));
    }

    // The example, each last digit, one digit more and one less: valid numbers and near misses.
    private static IEnumerable<PhoneNumber> Neighbours(PhoneNumber example)
    {
        var national = Util.GetNationalSignificantNumber(example);
        var texts = Enumerable.Range(0, 10).Select(d => national[..^1] + d)
            .Append(national + "5").Append(national[..^1]).Append(national);
        foreach (var text in texts.Distinct())
        {
            PhoneNumber? number = null;
            try { number = Util.Parse($"+{example.CountryCode}{text}", "ZZ"); }
            catch (NumberParseException) { }
            if (number is not null) yield return number;
        }
    }
}
