using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PingOne.Generated;
using PingOne.Generated.Emulator;

namespace ReadmeSamples;

/// <summary>
/// README.md shows exactly the samples that <see cref="ReadmeSamples"/> compiles and runs: every ```csharp block, in
/// order, equals the next <c>#region readme:&lt;name&gt;</c> of ReadmeSamples.cs, compared line by line without
/// indentation, trailing spaces or runs of spaces, and without the region's lines marked <c>// readme:hidden</c>.
/// </summary>
public partial class ReadmeTests
{
    private const string HowToFix =
        "Every ```csharp block of README.md is a '#region readme:<name>' in tests/PingOne.Generated.ReadmeSamples/ReadmeSamples.cs, " +
        "in the same order, where it compiles against the public API and runs against the emulator. To change a README snippet, " +
        "edit both (then: dotnet test tests/PingOne.Generated.ReadmeSamples -c Release). A block that is not C# gets another fence (```json, ```text).";

    private static string Root { get; } = FindRoot();
    private static string SamplesPath => Path.Combine(Root, "tests", "PingOne.Generated.ReadmeSamples", "ReadmeSamples.cs");

    [Test]
    public void EveryCSharpBlockOfTheReadme_IsASampleThatRuns()
    {
        var blocks = ReadmeBlocks(File.ReadAllText(Path.Combine(Root, "README.md")));
        var samplesText = File.ReadAllText(SamplesPath);
        var samples = SampleRegions(samplesText);
        var fileUsings = new HashSet<string>(UsingDirective().Matches(samplesText).Select(m => m.Value.Trim()));
        Assert.That(blocks, Is.Not.Empty, "README.md has no ```csharp block: is the fence still ```csharp?");

        var problems = new List<string>();
        for (var i = 0; i < Math.Max(blocks.Count, samples.Count); i++)
        {
            if (i >= blocks.Count)
            {
                problems.Add($"sample 'readme:{samples[i].Name}' (ReadmeSamples.cs line {samples[i].Line}) is in no README block: README.md has only {blocks.Count} ```csharp blocks. Put it back in README.md or delete the region.");
                continue;
            }
            var block = blocks[i];
            var what = $"README.md line {block.Line}, ```csharp block {i + 1} (\"{block.Lines.FirstOrDefault()}\")";
            // C# allows using directives only at the top of a file: a block may start with them, and the samples file must have them.
            var usings = block.Lines.TakeWhile(l => UsingDirective().IsMatch(l) || l.Length == 0).Where(l => l.Length > 0).ToList();
            foreach (var missing in usings.Where(u => !fileUsings.Contains(u)))
                problems.Add($"{what} starts with '{missing}', which ReadmeSamples.cs does not have at its top: add it there.");
            var code = Trim(block.Lines.SkipWhile(l => UsingDirective().IsMatch(l) || l.Length == 0).ToList());
            if (i >= samples.Count)
            {
                problems.Add($"{what} has no sample: ReadmeSamples.cs has only {samples.Count} 'readme:' regions. Add a test with a '#region readme:<name>' holding this block, after 'readme:{samples[^1].Name}'.");
                continue;
            }
            var sample = samples[i];
            if (Difference(code, sample.Lines) is { } difference)
                problems.Add($"{what} is not sample 'readme:{sample.Name}' (ReadmeSamples.cs line {sample.Line}), which is the {Ordinal(i + 1)} region: {difference}");
        }
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Prepend(HowToFix)));
    }

    [Test]
    public void EverySampleHasItsOwnName()
    {
        var duplicates = SampleRegions(File.ReadAllText(SamplesPath)).GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(duplicates, Is.Empty);
    }

    // The samples compile against the public API only: no package grants this assembly its internals.
    [Test]
    public void NoPackageGivesTheSamplesItsInternals()
    {
        var samples = typeof(ReadmeTests).Assembly.GetName().Name!;
        foreach (var assembly in new[] { typeof(PingOneMfaClient).Assembly, typeof(PingOneServiceCollectionExtensions).Assembly, typeof(PingOneEmulator).Assembly })
        {
            var friends = assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0].Trim());
            Assert.That(friends, Has.No.Member(samples), assembly.GetName().Name);
        }
    }

    // The lines of each ```csharp block, with the README line of its opening fence.
    internal static List<(int Line, List<string> Lines)> ReadmeBlocks(string readme)
    {
        var blocks = new List<(int, List<string>)>();
        var lines = readme.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++) body.Add(lines[i]);
            if (i == lines.Length) throw new InvalidOperationException($"README.md line {start + 1}: the ```csharp block is never closed.");
            blocks.Add((start + 1, Normalize(body)));
        }
        return blocks;
    }

    // The text of each '#region readme:<name>', in file order, without its '// readme:hidden' lines.
    internal static List<(string Name, int Line, List<string> Lines)> SampleRegions(string source)
    {
        var regions = new List<(string, int, List<string>)>();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = RegionStart().Match(lines[i]);
            if (!start.Success) continue;
            var first = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("#endregion", StringComparison.Ordinal); i++)
                if (!lines[i].TrimEnd().Contains("// readme:hidden", StringComparison.Ordinal)) body.Add(lines[i]);
            regions.Add((start.Groups[1].Value, first + 1, Normalize(body)));
        }
        return regions;
    }

    // Indentation, trailing white space and runs of spaces do not count; neither do blank lines at either end.
    private static List<string> Normalize(List<string> lines) =>
        Trim(lines.Select(l => Spaces().Replace(l.Trim(), " ")).ToList());

    private static List<string> Trim(List<string> lines) =>
        lines.SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToList();

    private static string? Difference(List<string> readme, List<string> sample)
    {
        for (var i = 0; i < Math.Max(readme.Count, sample.Count); i++)
        {
            var r = i < readme.Count ? readme[i] : null;
            var s = i < sample.Count ? sample[i] : null;
            if (r != s) return $"its line {i + 1} is {Show(r)} in README.md and {Show(s)} in the sample.";
        }
        return null;
    }

    private static string Show(string? line) => line is null ? "missing" : $"\"{line}\"";

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "PingOne.Generated.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root was not found above the test directory.");
    }

    [GeneratedRegex(@"^\s*using\s+[A-Za-z_][\w.]*\s*;\s*$", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*#region\s+readme:(\S+)")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
