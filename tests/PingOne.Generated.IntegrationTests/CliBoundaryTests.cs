using Newtonsoft.Json.Linq;
using PingOne.Generated.Cli;
using PingOne.Generated.Cli.Enroll;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>The command line as a boundary: one line per error in its own words, JSON for scripts, help that ends in examples.</summary>
public class CliBoundaryTests
{
    private static readonly string[] DotNetWords =
    {
        "(Parameter", "System.", "Exception", "PhoneNormalizationOptions", "PhoneValidation", "PingOne:", "DefaultRegion", "Nullable", "Usage:", "   at ",
    };

    [TestCase("create", "--emulator", "--phone", "(512) 555-1234", ExpectedResult = "--phone has no country calling code: write it with + and the country code (e.g. +1 512 555 1234), or pass --phone-region (e.g. --phone-region US) to accept national numbers.")]
    [TestCase("create", "--emulator", "--phone", "+1 201 000 0000", ExpectedResult = "--phone is not a valid number in its country (e.g. its area code does not exist): check it, or pass --validation possible if the number is newer than the phone metadata.")]
    [TestCase("create", "--emulator", "--phone", "5125551234", "--phone-region", "XX", ExpectedResult = "--phone-region: 'XX' is not an ISO 3166-1 alpha-2 region with phone numbers, such as US or GB.")]
    [TestCase("create", "--emulator", "--phone", "+15125551234", "--validation", "maybe", ExpectedResult = "--validation must be strict or possible; got 'maybe'. See 'pingone-voice create --help'.")]
    [TestCase("create", "--emulator", ExpectedResult = "Option '--phone' is required. See 'pingone-voice create --help'.")]
    [TestCase("enroll", "--csv", "x.csv", "--rate", "abc", ExpectedResult = "--rate must be a number above 0 (requests per second); got 'abc'. See 'pingone-voice enroll --help'.")]
    [TestCase("enroll", "--csv", "x.csv", "--concurrency", "0", ExpectedResult = "--concurrency must be a whole number from 1 to 1000; got '0'. See 'pingone-voice enroll --help'.")]
    [TestCase("emulator", "--port", "99999", ExpectedResult = "--port must be a TCP port from 0 to 65535 (0: any free port); got '99999'. See 'pingone-voice emulator --help'.")]
    [TestCase("emulator", "--lost-answers", "2", ExpectedResult = "--lost-answers must be a fraction from 0 to 1, such as 0.05; got '2'. See 'pingone-voice emulator --help'.")]
    [TestCase("list", "--emulator", "--limit", "many", ExpectedResult = "--limit must be a whole number, at least 1; got 'many'. See 'pingone-voice list --help'.")]
    [TestCase("activate", "--emulator", "--device", "0a6d3c4e-95b1-4a3a-9f2e-0c1d2e3f4a5b", "--otp", " ", ExpectedResult = "--otp is empty: give the one-time password the user received. See 'pingone-voice activate --help'.")]
    [TestCase("create", "--emulator", "--phone", "+15125551234", "--policy", "p", ExpectedResult = "--policy must be a PingOne id: a UUID such as 5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d. See 'pingone-voice create --help'.")]
    [TestCase("emulator", "--seed", "x", ExpectedResult = "--seed must be a whole number; got 'x'. See 'pingone-voice emulator --help'.")]
    [TestCase("enroll", "--csv", "", ExpectedResult = "--csv cannot take ''. See 'pingone-voice enroll --help'.")]
    [TestCase("bogus", ExpectedResult = "Required command was not provided; Unrecognized command or argument 'bogus'. See 'pingone-voice --help'.")]
    [TestCase("list", "--emulator", "--output", "yaml", ExpectedResult = "--output must be text or json; got 'yaml'. See 'pingone-voice list --help'.")]
    public async Task<string> EveryError_IsOneLineOnStderr_InTheCommandLinesWords_ExitOne_NothingStarted(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Output, Is.Empty, "no help dump on stdout");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        foreach (var word in DotNetWords) Assert.That(lines[0], Does.Not.Contain(word));
        Assert.That(lines[0], Does.StartWith("pingone-voice: "));
        return lines[0]["pingone-voice: ".Length..];
    }

    [Test]
    public async Task Create_WithANicknameOverTheLimit_IsRefusedLocally_LikeRename_AndNothingIsSent()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var nickname = new string('n', 101);

        var create = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.UserId, "--policy", EmulatorSeed.PolicyId, "--phone", "+15125551234", "--nickname", nickname }, environment: emulator.EnvironmentVariables());
        var rename = await Cli.RunAsync(new[] { "rename", "--user", EmulatorSeed.UserId, "--device", "0a6d3c4e-95b1-4a3a-9f2e-0c1d2e3f4a5b", "--nickname", nickname }, environment: emulator.EnvironmentVariables());

        Assert.That((create.ExitCode, rename.ExitCode), Is.EqualTo((1, 1)), create.Error + rename.Error);
        Assert.That(create.Error.Trim(), Is.EqualTo("pingone-voice: --nickname has 101 characters; PingOne takes at most 100. See 'pingone-voice create --help'."));
        Assert.That(rename.Error.Trim(), Is.EqualTo("pingone-voice: --nickname has 101 characters; PingOne takes at most 100. See 'pingone-voice rename --help'."));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
    }

    [Test]
    public async Task Unreachable_NamesTheHostAndPort_NotAnExceptionType()
    {
        var run = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.UserId, "--policy", EmulatorSeed.PolicyId, "--phone", "+15125551234",
            "--api-url", "http://127.0.0.1:9/v1/", "--environment", EmulatorSeed.EnvironmentId, "--access-token", "t" });

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Error.Trim(), Does.StartWith("pingone-voice: PingOne could not be reached: ").And.Contain("127.0.0.1:9"));
        Assert.That(run.Error, Does.Not.Contain("HttpRequestException").And.Not.Contain("*"));
    }

    [Test]
    public async Task OutputJson_ARefusal_IsOneJsonObjectOnStderr_WithKindStatusAndCode()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false });

        var run = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.UserId, "--policy", EmulatorSeed.PolicyId, "--phone", "+15125551234", "--extension", "9", "--output", "json" },
            environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Is.Empty);
        var error = (JObject)JObject.Parse(run.Error.Trim())["error"]!;
        Assert.That((string?)error["kind"], Is.EqualTo("refused"));
        Assert.That((int)error["status"]!, Is.EqualTo(400));
        Assert.That((string?)error["code"], Is.EqualTo("INVALID_DATA"));
        Assert.That((int)error["exitCode"]!, Is.EqualTo(2));
        Assert.That((string?)error["message"], Does.StartWith("PingOne answered HTTP 400 INVALID_DATA"));
        Assert.That(error["details"]!.Select(d => (string?)d["target"]), Does.Contain("extension"));
    }

    [Test]
    public async Task OutputJson_AUsageError_AndTheEmulatorNote_AreJsonLines()
    {
        var usage = await Cli.RunAsync(new[] { "create", "--emulator", "--output", "json", "--status", "NOPE", "--phone", "+15125551234" });
        var ok = await Cli.RunAsync(new[] { "create", "--emulator", "--output", "json", "--phone", "+15125551234" });

        Assert.That(usage.ExitCode, Is.EqualTo(1));
        Assert.That((string?)JObject.Parse(usage.Error.Trim())["error"]!["kind"], Is.EqualTo("usage"));
        Assert.That(ok.ExitCode, Is.EqualTo(0), ok.Error);
        Assert.That((string?)JObject.Parse(ok.Output)["phone"], Is.EqualTo("+15125551234"));
        Assert.That(ok.Output.Trim().Split('\n'), Has.Length.EqualTo(1), "one compact line with --output json");
        Assert.That((string?)JObject.Parse(ok.Error.Trim())["note"], Does.StartWith("--emulator: using the embedded emulator"));
    }

    [Test]
    public async Task Normalize_ReadsStdinAsEnrollReadsCells_BomCrlfSpacesAndBlankLines()
    {
        var run = await Cli.RunAsync(new[] { "normalize", "--phone-region", "US" }, input: "\uFEFF+1 512 555 1234\r\n\r\n   \r\n  (512) 555-1235  \r\n");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        Assert.That(lines.Select(l => ((int)l["line"]!, (string?)l["input"], (string?)l["phone"])), Is.EqualTo(new[]
        {
            (1, "+1 512 555 1234", "+15125551234"),
            (4, "(512) 555-1235", "+15125551235"),
        }));
    }

    [Test]
    public async Task Normalize_ABadLine_SaysWhyInTheCommandLinesWords()
    {
        var run = await Cli.RunAsync(new[] { "normalize" }, input: "(512) 555-1234\n");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var error = JObject.Parse(run.Output)["error"]!;
        Assert.That((string?)error["reason"], Is.EqualTo("MissingCountryCode"));
        Assert.That((string?)error["message"], Does.Contain("--phone-region").And.Not.Contain("PhoneNormalizationOptions"));
    }

    [Test]
    public async Task EveryCommandsHelp_EndsWithOneToThreeExamples()
    {
        var root = CliApp.Build(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, _ => null));
        foreach (var command in root.Subcommands.Select(c => new[] { c.Name }).Prepend(Array.Empty<string>()))
        {
            var run = await Cli.RunAsync(command.Append("--help").ToArray());

            var lines = run.Output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var at = lines.LastIndexOf("Examples:");
            Assert.That(at, Is.GreaterThan(0), string.Join(" ", command));
            Assert.That(lines.Skip(at + 1).ToList(), Has.Count.InRange(1, 3).And.All.StartsWith("  ").And.All.Contains("pingone-voice "), string.Join(" ", command));
        }
    }

    [Test]
    public async Task ACommandInterruptedBeforeItsRequest_ExitsOneThirty_WithOneLine()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel(); // in-process, the caller's cancellation is Ctrl+C

        var run = await Cli.RunAsync(new[] { "list", "--emulator" }, cancellationToken: stop.Token);

        Assert.That(run.ExitCode, Is.EqualTo(130), run.Error);
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.Trim(), Is.EqualTo("pingone-voice: interrupted (Ctrl+C)."));
    }

    [Test]
    public void Pace_CountsThisRunsRowsOnly()
    {
        // 4,900 rows kept from the journal ended at once; this run has ended 100 more in 10 s, and 15,000 are left.
        var (rate, eta) = EnrollProgress.Pace(doneThisRun: 100, left: 15_000, elapsed: TimeSpan.FromSeconds(10));

        Assert.That(rate, Is.EqualTo(10));
        Assert.That(eta, Is.EqualTo(TimeSpan.FromSeconds(1_500)));
    }
}
