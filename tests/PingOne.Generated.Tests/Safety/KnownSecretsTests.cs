namespace PingOne.Generated.Tests.Safety;

/// <summary>The per-client memory of credentials: what it masks, in which spellings, and how much it keeps.</summary>
public class KnownSecretsTests
{
    [TestCase("before a/b+c é after", "before *** after")]
    [TestCase("before a%2Fb%2Bc%20%C3%A9 after", "before *** after")]
    [TestCase("before a%2fb%2bc+%c3%a9 after", "before *** after")]
    [TestCase("before a\\/b+c \\u00E9 after", "before *** after")]
    [TestCase("before \\u0061\\u002f\\u0062\\u002b\\u0063\\u0020\\u00e9 after", "before *** after")]
    [TestCase("before a\\\\/b+c \\\\u00e9 after", "before *** after")]
    [TestCase("twice: a/b+c é, a%2Fb%2Bc%20%C3%A9.", "twice: ***, ***.")]
    [TestCase("a/b+c", "a/b+c")]
    [TestCase("a/b+c è", "a/b+c è")]
    public void ACredential_IsMaskedInEverySpellingOfIt_AndOnlyWhole(string text, string expected)
    {
        var secrets = new KnownSecrets();
        secrets.RememberCredential("a/b+c é");

        Assert.That(secrets.Redact(text), Is.EqualTo(expected));
    }

    [Test]
    public void TheMostRecentTokens_AreRemembered_AndTheOldestBeyondTheBoundForgotten()
    {
        var secrets = new KnownSecrets();
        secrets.RememberCredential("static-credential");
        var tokens = Enumerable.Range(1, KnownSecrets.RememberedTokens + 1).Select(i => $"token-{i:D3}").ToList();
        foreach (var token in tokens) secrets.RememberToken(token);

        Assert.That(secrets.Redact(tokens[0]), Is.EqualTo(tokens[0]), "the oldest token is forgotten");
        Assert.That(tokens.Skip(1).Select(secrets.Redact), Has.All.EqualTo(KnownSecrets.Mask), "the most recent are all known");
        Assert.That(secrets.Redact("static-credential"), Is.EqualTo(KnownSecrets.Mask), "a credential is known for the client's life");
    }

    [Test]
    public void NothingKnown_ChangesNothing()
    {
        Assert.That(new KnownSecrets().Redact("a%2Fb \\u0061"), Is.EqualTo("a%2Fb \\u0061"));
    }
}
