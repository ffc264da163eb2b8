using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// The README's getting-started section works as written, for someone who has never seen the project: its blocks marked
/// <c>&lt;!-- install-test: … --&gt;</c> are run as they are, in order, in a temporary home folder, against a pack of a
/// copy of this working tree: pack the packages (<c>pack</c>), create a <c>dotnet new worker</c> app and add the package
/// from the local folder (<c>app</c>), write the app's files (<c>file &lt;path under ~&gt;</c>), start the emulator
/// (<c>emulator</c>) and run the app (<c>run</c>), which must create a device on the emulator. The app restores into a
/// NuGet package cache of its own, so a stale package of the same version cannot stand in for the fresh pack. The one
/// change made to the README's text: the emulator's port, 8080 there, is a free port here.
/// </summary>
[Category("Install")]
[NonParallelizable]
public sealed partial class InstallTests
{
    private const string ReadmePort = "8080";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    private string _temp = null!;

    [SetUp]
    public void CreateTemporaryFolder() => Directory.CreateDirectory(_temp = Path.Combine(Path.GetTempPath(), "pingone-install-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteTemporaryFolder()
    {
        try { Directory.Delete(_temp, recursive: true); }
        catch (IOException) { TestContext.Out.WriteLine($"left {_temp} behind"); }
    }

    [Test]
    public async Task TheReadmesGettingStarted_RunAsWritten_MakesANewWorkerAppThatCreatesADeviceOnTheEmulator()
    {
        var blocks = MarkedBlocks(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")));
        foreach (var step in new[] { "pack", "app", "emulator", "run", "file VoiceWorker/Program.cs", "file VoiceWorker/Worker.cs", "file VoiceWorker/appsettings.json" })
            Assert.That(blocks.Select(b => b.Step), Has.Member(step), $"README.md has no block marked <!-- install-test: {step} -->");

        var home = Directory.CreateDirectory(Path.Combine(_temp, "home")).FullName;
        var clone = CopyOfTheWorkingTree(Path.Combine(_temp, "clone"));
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var appCache = Path.Combine(_temp, "nuget-packages");
        // A new user's machine: a home of its own (~/pingone-packages, ~/VoiceWorker, a default NuGet.Config). Packing the
        // clone may use this machine's package cache (build tools only); the app gets an empty cache of its own.
        var machine = MachineNuGetFolders();
        var forPack = new Dictionary<string, string?> { ["HOME"] = home, ["NUGET_PACKAGES"] = machine.Packages, ["NUGET_HTTP_CACHE_PATH"] = machine.HttpCache, ["DOTNET_CLI_HOME"] = null };
        var forApp = new Dictionary<string, string?> { ["HOME"] = home, ["NUGET_PACKAGES"] = appCache, ["NUGET_HTTP_CACHE_PATH"] = machine.HttpCache, ["DOTNET_CLI_HOME"] = null };

        var pack = Bash(clone, Block(blocks, "pack"), forPack);
        Assert.That(pack.ExitCode, Is.EqualTo(0), "pack:\n" + pack.Output);
        var packed = Directory.GetFiles(Path.Combine(home, "pingone-packages"), "PingOne.Generated.DependencyInjection.*.nupkg").Single();
        var version = Path.GetFileNameWithoutExtension(packed)["PingOne.Generated.DependencyInjection.".Length..];

        var app = Bash(clone, Block(blocks, "app"), forApp);
        Assert.That(app.ExitCode, Is.EqualTo(0), "app:\n" + app.Output);
        foreach (var (step, text) in blocks.Where(b => b.Step.StartsWith("file ", StringComparison.Ordinal)))
            File.WriteAllText(Path.Combine(home, step["file ".Length..]), text.Replace(ReadmePort, port, StringComparison.Ordinal));

        var emulatorArguments = EmulatorCommand().Match(Block(blocks, "emulator").Trim());
        Assert.That(emulatorArguments.Success, Is.True, "the emulator block is one `dotnet run --project src/PingOne.Generated.Cli -- emulator …` command");
        using var stop = new CancellationTokenSource();
        var banner = new LineSignal(EmulatorBanner.LastLine);
        // The command the README runs, in this process (the same code `dotnet run --project src/PingOne.Generated.Cli` runs).
        var emulator = CliApp.RunAsync(emulatorArguments.Groups[1].Value.Replace(ReadmePort, port, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            TextReader.Null, banner, new StringWriter(), _ => null, stop.Token);
        try
        {
            await banner.Line.WaitAsync(TimeSpan.FromSeconds(60));
            var run = Bash(clone, Block(blocks, "run"), forApp);
            var cliSettings = banner.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("export PINGONE_", StringComparison.Ordinal))
                .Select(l => l["export ".Length..].Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
            var list = await Cli.RunAsync(new[] { "list", "--user", EmulatorSeed.UserId }, environment: cliSettings);

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(0), "run:\n" + run.Output);
                Assert.That(run.Output, Does.Match(@"Created voice device [0-9a-f-]{36} \(\+15125551234, ACTIVE\)"), run.Output);
                Assert.That(list.ExitCode, Is.EqualTo(0), list.Error);
                Assert.That(JArray.Parse(list.Output).Select(d => (string)d["phone"]!), Is.EqualTo(new[] { "+15125551234" }), "the app created one device on the emulator");
                Assert.That(Directory.Exists(Path.Combine(appCache, "pingone.generated", version)), Is.True,
                    $"the app restored PingOne.Generated {version}, the fresh pack, into its own cache");
                Assert.That(File.ReadAllText(Path.Combine(home, "VoiceWorker", "nuget.config")), Does.Contain(Path.Combine(home, "pingone-packages")));
            });
        }
        finally
        {
            stop.Cancel();
        }
        Assert.That(await emulator.WaitAsync(TimeSpan.FromSeconds(20)), Is.EqualTo(0));
    }

    [Test]
    public void EveryMarkedBlockOfTheReadme_IsAStepThisTestKnows()
    {
        var steps = MarkedBlocks(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"))).Select(b => b.Step).ToList();
        Assert.That(steps.Where(s => s is not ("pack" or "app" or "emulator" or "run") && !s.StartsWith("file VoiceWorker/", StringComparison.Ordinal)), Is.Empty);
        Assert.That(steps, Is.Unique);
    }

    // The README's blocks after an install-test marker, with their step ("pack", "file VoiceWorker/Program.cs", …), in order.
    internal static List<(string Step, string Text)> MarkedBlocks(string readme)
    {
        var blocks = new List<(string, string)>();
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (!marker.Success) continue;
            Assert.That(lines[i + 1], Does.StartWith("```"), $"README.md line {i + 1}: a fenced block follows its install-test marker");
            var body = lines.Skip(i + 2).TakeWhile(l => l.Trim() != "```").ToList();
            blocks.Add((marker.Groups[1].Value.Trim(), string.Join("\n", body) + "\n"));
        }
        return blocks;
    }

    private static string Block(List<(string Step, string Text)> blocks, string step) => blocks.Single(b => b.Step == step).Text;

    private (int ExitCode, string Output) Bash(string directory, string script, IReadOnlyDictionary<string, string?> environment)
    {
        var path = Path.Combine(_temp, $"step-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, script);
        TestContext.Out.WriteLine($"$ {script.Trim()}");
        var result = Command.Run(directory, StepTimeout, environment, "bash", "-euo", "pipefail", path);
        TestContext.Out.WriteLine(result.Output);
        return result;
    }

    // What a clone of this working tree would hold (tracked and new files, as they are now), as a git repository of one
    // commit, so that MinVer versions it (0.0.0-alpha.0) and the build never sees this checkout's bin/ and obj/.
    private static string CopyOfTheWorkingTree(string to)
    {
        var (code, listing) = Command.Run(RepositoryRoot.Path, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        Assert.That(code, Is.EqualTo(0), listing);
        foreach (var file in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\n', '\r')).Where(f => f.Length > 0))
        {
            var source = Path.Combine(RepositoryRoot.Path, file);
            if (!File.Exists(source)) continue; // deleted in the working tree
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        foreach (var arguments in new[] { new[] { "init", "-q" }, new[] { "add", "-A" }, new[] { "-c", "user.name=install test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "the working tree" } })
        {
            var (exit, output) = Command.Run(to, "git", arguments);
            Assert.That(exit, Is.EqualTo(0), output);
        }
        return to;
    }

    // This machine's NuGet package cache and HTTP cache, as `dotnet nuget locals` reports them for this process.
    private static (string Packages, string HttpCache) MachineNuGetFolders()
    {
        var (code, output) = Command.Run(RepositoryRoot.Path, "dotnet", "nuget", "locals", "all", "--list");
        Assert.That(code, Is.EqualTo(0), output);
        string Folder(string name) => Regex.Match(output, $@"^{name}: (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        return (Folder("global-packages"), Folder("http-cache"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s*<!-- install-test: (.+?) -->\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^dotnet run --project src/PingOne.Generated.Cli -- (emulator(?: [^\n]*)?)$")]
    private static partial Regex EmulatorCommand();
}
