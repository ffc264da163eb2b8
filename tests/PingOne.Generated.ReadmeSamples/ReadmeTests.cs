using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PingOne.Generated;
using PingOne.Generated.Emulator;

namespace ReadmeSamples;

/// <summary>
/// Every README and doc shows exactly the samples that <see cref="ReadmeSamples"/> compiles and runs: file by file
/// (README.md, CONTRIBUTING.md, docs/*.md, each package's src/*/README.md), every ```csharp block, in order, equals the
/// next <c>#region &lt;file&gt;:&lt;name&gt;</c> of ReadmeSamples.cs for that file (<c>readme:</c> is README.md,
/// <c>docs/client.md:</c> is docs/client.md), compared line by line without indentation, trailing spaces or runs of
/// spaces, and without the region's lines marked <c>// readme:hidden</c>. The README's install-and-first-app files
/// (a block after <c>&lt;!-- install-test: file &lt;path&gt; --&gt;</c>) are whole programs: InstallTests writes them
/// into a new app, builds and runs it.
/// </summary>
public partial class ReadmeTests
{
    private const string HowToFix =
        "Every ```csharp block of a README or doc is a '#region <file>:<name>' in tests/PingOne.Generated.ReadmeSamples/ReadmeSamples.cs " +
        "('readme:<name>' for README.md, 'docs/client.md:<name>' for docs/client.md), in the file's order, where it compiles against the " +
        "public API and runs against the emulator. To change a snippet, edit both (then: dotnet test tests/PingOne.Generated.ReadmeSamples -c Release). " +
        "A block that is not C# gets another fence (```json, ```text).";

    private static string Root { get; } = FindRoot();
    private static string SamplesPath => Path.Combine(Root, "tests", "PingOne.Generated.ReadmeSamples", "ReadmeSamples.cs");

    /// <summary>The Markdown files whose C# blocks are samples, as paths from the repository root with '/'.</summary>
    internal static List<string> MarkdownFiles()
    {
        var files = new List<string> { "README.md", "CONTRIBUTING.md" };
        files.AddRange(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));
        files.AddRange(Directory.GetDirectories(Path.Combine(Root, "src")).Where(d => File.Exists(Path.Combine(d, "README.md")))
            .Select(d => $"src/{Path.GetFileName(d)}/README.md").Order(StringComparer.Ordinal));
        return files.Where(f => File.Exists(Path.Combine(Root, f))).ToList();
    }

    [Test]
    public void EveryCSharpBlockOfEveryReadmeAndDoc_IsASampleThatRuns()
    {
        var samplesText = File.ReadAllText(SamplesPath);
        var samples = SampleRegions(samplesText);
        var fileUsings = new HashSet<string>(UsingDirective().Matches(samplesText).Select(m => m.Value.Trim()));
        var files = MarkdownFiles();
        var problems = new List<string>();
        foreach (var orphan in samples.Where(sample => !files.Contains(sample.File)))
            problems.Add($"sample '{Tag(orphan)}' (ReadmeSamples.cs line {orphan.Line}) names {orphan.File}, which is not a README or doc: rename its region or delete it.");
        foreach (var file in files)
            problems.AddRange(Compare(file, ReadmeBlocks(File.ReadAllText(Path.Combine(Root, file)), file), samples.Where(x => x.File == file).ToList(), fileUsings));
        Assert.That(ReadmeBlocks(File.ReadAllText(Path.Combine(Root, "README.md")), "README.md"), Is.Not.Empty, "README.md has no ```csharp block: is the fence still ```csharp?");
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Prepend(HowToFix)));

        static string Tag((string File, string Name, int Line, List<string> Lines) sample) => $"{(sample.File == "README.md" ? "readme" : sample.File)}:{sample.Name}";
    }

    private static IEnumerable<string> Compare(string file, List<(int Line, List<string> Lines)> blocks, List<(string File, string Name, int Line, List<string> Lines)> samples, HashSet<string> fileUsings)
    {
        var tag = file == "README.md" ? "readme" : file;
        for (var i = 0; i < Math.Max(blocks.Count, samples.Count); i++)
        {
            if (i >= blocks.Count)
            {
                yield return $"sample '{tag}:{samples[i].Name}' (ReadmeSamples.cs line {samples[i].Line}) is in no block: {file} has only {blocks.Count} ```csharp blocks. Put it back in {file} or delete the region.";
                continue;
            }
            var block = blocks[i];
            var what = $"{file} line {block.Line}, ```csharp block {i + 1} (\"{block.Lines.FirstOrDefault()}\")";
            // C# allows using directives only at the top of a file: a block may start with them, and the samples file must have them.
            var usings = block.Lines.TakeWhile(l => UsingDirective().IsMatch(l) || l.Length == 0).Where(l => l.Length > 0).ToList();
            foreach (var missing in usings.Where(u => !fileUsings.Contains(u)))
                yield return $"{what} starts with '{missing}', which ReadmeSamples.cs does not have at its top: add it there.";
            var code = Trim(block.Lines.SkipWhile(l => UsingDirective().IsMatch(l) || l.Length == 0).ToList());
            if (i >= samples.Count)
            {
                var after = samples.Count > 0 ? $", after '{tag}:{samples[^1].Name}'" : string.Empty;
                yield return $"{what} has no sample: ReadmeSamples.cs has only {samples.Count} '{tag}:' regions. Add a test with a '#region {tag}:<name>' holding this block{after}.";
                continue;
            }
            var sample = samples[i];
            if (Difference(code, sample.Lines) is { } difference)
                yield return $"{what} is not sample '{tag}:{sample.Name}' (ReadmeSamples.cs line {sample.Line}), which is the {Ordinal(i + 1)} '{tag}:' region: {difference}";
        }
    }

    // Every relative link of the READMEs and docs points at a file that exists and, with a #fragment, at one of its headings
    // (GitHub's anchors: lower case, punctuation dropped, spaces as '-'): moving a section must not leave a dead link behind.
    [Test]
    public void EveryRelativeLinkOfEveryReadmeAndDoc_PointsAtAFileAndHeadingThatExist()
    {
        var problems = new List<string>();
        foreach (var file in MarkdownFiles())
        {
            var text = File.ReadAllText(Path.Combine(Root, file));
            foreach (Match link in MarkdownLink().Matches(WithoutCode(text)))
            {
                var target = link.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var fragment = hash < 0 ? null : target[(hash + 1)..];
                var resolved = path.Length == 0 ? Path.Combine(Root, file) : Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(file)!, path));
                if (!File.Exists(resolved) && !Directory.Exists(resolved)) { problems.Add($"{file}: link '{target}' points at {path}, which does not exist."); continue; }
                if (fragment is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(resolved)).Contains(fragment))
                    problems.Add($"{file}: link '{target}': {Path.GetRelativePath(Root, resolved)} has no heading with the anchor '#{fragment}'.");
            }
        }
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    private static HashSet<string> Anchors(string markdown) => new(
        WithoutCode(markdown).Split('\n').Where(l => l.StartsWith('#'))
            .Select(l => AnchorDrop().Replace(l.TrimStart('#').Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-')),
        StringComparer.Ordinal);

    // Markdown without its fenced blocks, where '#' lines are comments and [x](y) is code.
    private static string WithoutCode(string markdown) => FencedBlock().Replace(markdown.Replace("\r\n", "\n"), string.Empty);

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

    // The lines of each ```csharp block, with the line of its opening fence; a block after an install-test file marker
    // is a whole program the install test writes and runs, not a sample.
    internal static List<(int Line, List<string> Lines)> ReadmeBlocks(string readme, string file = "README.md")
    {
        var blocks = new List<(int, List<string>)>();
        var lines = readme.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++) body.Add(lines[i]);
            if (i == lines.Length) throw new InvalidOperationException($"{file} line {start + 1}: the ```csharp block is never closed.");
            if (start > 0 && lines[start - 1].TrimStart().StartsWith(InstallTestFileMarker, StringComparison.Ordinal)) continue;
            blocks.Add((start + 1, Normalize(body)));
        }
        return blocks;
    }

    /// <summary>The comment that marks the next block as a file of the README's example app (InstallTests writes and runs it).</summary>
    internal const string InstallTestFileMarker = "<!-- install-test: file ";

    // The text of each '#region <file>:<name>' ('readme:' is README.md), in file order, without its '// readme:hidden' lines.
    internal static List<(string File, string Name, int Line, List<string> Lines)> SampleRegions(string source)
    {
        var regions = new List<(string, string, int, List<string>)>();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = RegionStart().Match(lines[i]);
            if (!start.Success) continue;
            var first = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("#endregion", StringComparison.Ordinal); i++)
                if (!lines[i].TrimEnd().Contains("// readme:hidden", StringComparison.Ordinal)) body.Add(lines[i]);
            var file = start.Groups[1].Value == "readme" ? "README.md" : start.Groups[1].Value;
            regions.Add((file, start.Groups[2].Value, first + 1, Normalize(body)));
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

    [GeneratedRegex(@"^\s*#region\s+(readme|[\w./-]+\.md):(\S+)")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[^\p{L}\p{Nd} _-]")]
    private static partial Regex AnchorDrop();

    [GeneratedRegex(@"^ *```[^\n]*\n.*?^ *```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
