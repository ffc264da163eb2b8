using System.Text.RegularExpressions;

namespace PingOne.Generated.Tests.Safety;

/// <summary>The id check gives the answer of the plainest statement of what a UUID is, for every change of one character.</summary>
public class PingOneIdTests
{
    private static readonly Regex Uuid = new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);

    // Each position of a UUID replaced by each character up to U+024F (ASCII, Latin-1, Latin Extended: look-alikes such as
    // U+0131 dotless i included), by full-width digits and letters, and by surrogate halves; the UUID cut and lengthened.
    [Test]
    public void EveryOneCharacterChangeOfAUuid_GetsTheAnswerOfTheRegularExpression()
    {
        const string valid = "abfba8f6-49eb-49f5-A5D9-80AD5C98F9F6";
        var replacements = Enumerable.Range(0, 0x250).Concat(Enumerable.Range(0xFF10, 0x4A)).Append(0xD800).Append(0xDFFF).Select(c => (char)c).ToArray();
        var compared = 0;
        var accepted = 0;

        for (var position = 0; position < valid.Length; position++)
            foreach (var c in replacements)
            {
                var text = valid.Substring(0, position) + c + valid.Substring(position + 1);
                Assert.That(PingOneId.IsUuid(text), Is.EqualTo(Uuid.IsMatch(text)), $"U+{(int)c:X4} at {position}");
                compared++;
                if (Uuid.IsMatch(text)) accepted++;
            }

        Assert.That(compared, Is.GreaterThan(20_000));
        Assert.That(accepted, Is.EqualTo(32 * 22 + 4), "each hex position takes 22 characters, each dash only '-'");
        Assert.That(PingOneId.IsUuid(valid.Substring(0, valid.Length - 1)), Is.False);
        Assert.That(PingOneId.IsUuid(valid + "0"), Is.False);
    }

    // Inside a longer text (how log lines are scanned for ids): the 36 characters from the start, nothing before or after.
    [TestCase("id abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6.", 3, true)]
    [TestCase("id abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6.", 2, false)]
    [TestCase("id abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6", 4, false)]
    [TestCase("abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6", -1, false)]
    [TestCase("abfba8f6-49eb-49f5-a5d9-80ad5c98f9f", 0, false)]
    public void AUuidAtAPosition_IsFoundOnlyThere(string text, int start, bool expected)
    {
        Assert.That(PingOneId.IsUuidAt(text, start), Is.EqualTo(expected));
    }
}
