using PingOne.Generated;

namespace PingOne.Generated.Tests.Transport;

public class RegionTests
{
    [TestCase("NorthAmerica", "NA", "com")]
    [TestCase("Canada", "CA", "ca")]
    [TestCase("Europe", "EU", "eu")]
    [TestCase("Australia", "AU", "com.au")]
    [TestCase("Singapore", "SG", "sg")]
    [TestCase("AsiaPacific", "AP", "asia")]
    public void Region_GivesItsApiAndAuthBases_AndParsesFromNameCodeOrDomain(string name, string code, string tld)
    {
        foreach (var text in new[] { name, code, tld, name.ToLowerInvariant(), " " + code.ToLowerInvariant() + " " })
        {
            var region = PingOneRegion.Parse(text);

            Assert.That(region.Name, Is.EqualTo(name));
            Assert.That(region.ApiBaseAddress.AbsoluteUri, Is.EqualTo($"https://api.pingone.{tld}/v1/"));
            Assert.That(region.AuthBaseAddress.AbsoluteUri, Is.EqualTo($"https://auth.pingone.{tld}/"));
        }
    }

    [Test]
    public void UnknownRegion_IsRejectedWithTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => PingOneRegion.Parse("Mars"));

        Assert.That(error!.Message, Does.Contain("'Mars'").And.Contain("Europe (EU, eu)"));
    }

    [TestCase("https://auth.example.com", "https://auth.example.com/")]
    [TestCase("https://example.com/auth", "https://example.com/auth/")]
    [TestCase("https://example.com/auth/", "https://example.com/auth/")]
    public void CustomBaseAddresses_AlwaysEndWithASlash(string configured, string effective)
    {
        var options = new PingOneMfaClientOptions { ApiBaseAddress = new Uri(configured), AuthBaseAddress = new Uri(configured) };

        Assert.That(options.EffectiveApiBaseAddress.AbsoluteUri, Is.EqualTo(effective));
        Assert.That(options.EffectiveAuthBaseAddress.AbsoluteUri, Is.EqualTo(effective));
    }
}
