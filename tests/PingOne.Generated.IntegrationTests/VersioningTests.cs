namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// Versions come from git (MinVer), proven on a temporary clone of this repository with the working tree's
/// build files: two commits pack two versions, a vX.Y.Z tag packs X.Y.Z for all four packages, and a shallow
/// clone without tags still builds (as 0.0.0-alpha.0, which the README documents).
/// </summary>
[Category("Release")]
[NonParallelizable]
public class VersioningTests
{
    private static readonly string[] Packages =
    [
        "src/PingOne.Generated/PingOne.Generated.csproj",
        "src/PingOne.Generated.DependencyInjection/PingOne.Generated.DependencyInjection.csproj",
        "src/PingOne.Generated.Emulator/PingOne.Generated.Emulator.csproj",
        "src/PingOne.Generated.Cli/PingOne.Generated.Cli.csproj",
    ];

    private string _temp = null!;
    private string _clone = null!;

    [OneTimeSetUp]
    public void CloneTheRepository()
    {
        var root = RepositoryRoot.Path;
        if (!Directory.Exists(Path.Combine(root, ".git")) && !File.Exists(Path.Combine(root, ".git")))
            Assert.Ignore("not a git checkout: versions come from git, nothing to prove here");
        _temp = Directory.CreateTempSubdirectory("pingone-versioning-").FullName;
        _clone = Path.Combine(_temp, "clone");
        Git(_temp, "clone", "-q", "--no-local", root, _clone);
        // The build files as they are in the working tree, so the test proves uncommitted edits too.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "src/Directory.Build.props" }.Concat(Packages))
            File.Copy(Path.Combine(root, file), Path.Combine(_clone, file), overwrite: true);
        Git(_clone, "add", "-A");
        Git(_clone, "commit", "-q", "--allow-empty", "-m", "the working tree's build files");
        Git(_clone, "tag", "-l").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList().ForEach(tag => Git(_clone, "tag", "-d", tag));
    }

    [OneTimeTearDown]
    public void DeleteTheClone()
    {
        if (_temp is not null) Directory.Delete(_temp, recursive: true);
    }

    [Test, Order(1)]
    public void TwoCommits_PackTwoVersions_AndNoTagMeansAPreRelease()
    {
        var first = Version(Packages[0]);
        Git(_clone, "commit", "-q", "--allow-empty", "-m", "a second commit");
        var second = Version(Packages[0]);

        Assert.That(first, Does.Match(@"^0\.0\.0-alpha\.0\.\d+$"));
        Assert.That(second, Does.Match(@"^0\.0\.0-alpha\.0\.\d+$"));
        Assert.That(second, Is.Not.EqualTo(first), "every commit must pack a version of its own");
    }

    [Test, Order(2)]
    public void ATag_PacksItsVersion_ForAllFourPackages_AndTheNextCommitIsAPreReleaseOfTheNextPatch()
    {
        Git(_clone, "tag", "v1.2.3");
        Assert.That(Packages.Select(Version), Is.All.EqualTo("1.2.3"));
        Assert.That(Version(Packages[0], "AssemblyVersion"), Is.EqualTo("1.0.0.0"), "the assembly version moves with the major version only");

        Git(_clone, "commit", "-q", "--allow-empty", "-m", "after the release");
        Assert.That(Version(Packages[0]), Is.EqualTo("1.2.4-alpha.0.1"));
    }

    [Test, Order(3)]
    public void AShallowCloneWithoutTags_StillBuilds_AsTheDocumentedFallback()
    {
        var shallow = Path.Combine(_temp, "shallow");
        Git(_temp, "clone", "-q", "--depth", "1", "--no-tags", "file://" + _clone, shallow);
        var (exitCode, output) = Command.Run(shallow, "dotnet", "msbuild", Packages[0], "-restore", "-t:MinVer", "-getProperty:PackageVersion", "-warnaserror", "-nologo");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output.Trim(), Is.EqualTo("0.0.0-alpha.0"));
    }

    private string Version(string project) => Version(project, "PackageVersion");

    private string Version(string project, string property)
    {
        var (exitCode, output) = Command.Run(_clone, "dotnet", "msbuild", project, "-restore", "-t:MinVer", $"-getProperty:{property}", "-nologo");
        Assert.That(exitCode, Is.Zero, output);
        return output.Trim();
    }

    private static string Git(string directory, params string[] arguments)
    {
        var (exitCode, output) = Command.Run(directory, "git", ["-c", "user.name=versioning test", "-c", "user.email=test@example.invalid", .. arguments]);
        Assert.That(exitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {output}");
        return output;
    }
}
