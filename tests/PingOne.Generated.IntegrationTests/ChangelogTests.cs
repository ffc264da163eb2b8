namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// CHANGELOG.md keeps up with the public API: its Unreleased section carries the fingerprint of every
/// PublicAPI.Unshipped.txt, written by build/changelog.py stamp once the entry is written (README, "Versions and releases").
/// </summary>
[Category("Release")]
public class ChangelogTests
{
    [Test]
    public void UnreleasedSection_WasUpdatedForTheCurrentPublicApi()
    {
        var (exitCode, output) = Command.Run(RepositoryRoot.Path, "python3", "build/changelog.py", "check");
        Assert.That(exitCode, Is.Zero, output);
    }
}
