using PingOne.Generated.Cli.Enroll;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// <c>pingone-voice enroll --from-directory</c> (issue 20, item 3) against the emulator's generated directory, whose mix the
/// emulator documents (<c>--generated-users</c>): what each kind of profile becomes, the dry run, the selection's own
/// journal, and the usage errors found before anything is sent.
/// </summary>
public class EnrollDirectoryTests
{
    private const string Contractors = EmulatorSeed.ContractorsPopulationId;
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pingone-enroll-from-directory-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    // What the emulator's documented mix makes of generated user i with --phone-attribute mobilePhone and no --phone-region.
    private static string Expected(int i) =>
        i % 25 == 24 ? "disabled"
        : (i % 20) switch { <= 10 or 19 => "created", 11 or 12 or 17 or 18 => "invalid", _ => "no-phone" };

    private string[] Args(params string[] more) =>
        new[] { "enroll", "--from-directory", "--phone-attribute", "mobilePhone", "--policy", EmulatorSeed.PolicyId,
            "--journal", Path.Combine(_folder, "j.jsonl"), "--results", Path.Combine(_folder, "r.csv") }.Concat(more).ToArray();

    [Test]
    public async Task Population_OfAHundredGeneratedUsers_EachProfileGetsItsStatus_AndOnlyEligibleUsersGetADevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 100 });
        var contractors = Enumerable.Range(0, 100).Where(i => i % 4 == 3).ToList();

        var run = await Cli.RunAsync(Args("--population", Contractors), environment: emulator.EnvironmentVariables());

        int Count(string status) => contractors.Count(i => Expected(i) == status);
        Assert.That(run.ExitCode, Is.EqualTo(1), "invalid profile phones: exit 1\n" + run.Error);
        Assert.That(run.Error, Does.Contain(
            $"enroll: 25 users of the mobilePhone of population {Contractors} in").And.Contain(
            $"s: created {Count("created")}, exists 0, no-phone {Count("no-phone")}, disabled {Count("disabled")}, invalid {Count("invalid")}, refused 0, failed 0;"));
        var results = EnrollFiles.ReadResultsFile(Path.Combine(_folder, "r.csv")).ToDictionary(r => r["userId"]);
        foreach (var i in Enumerable.Range(0, 100))
        {
            var id = EmulatorSeed.GeneratedUserId(i);
            var devices = emulator.DevicesOf(id);
            if (i % 4 != 3)
            {
                Assert.That(devices, Is.Empty, $"user {i} is not a contractor");
                continue;
            }
            Assert.That(results[id]["status"], Is.EqualTo(Expected(i)), $"user {i}: {results[id]["detail"]}");
            Assert.That(results[id]["identifier"], Is.EqualTo($"username:user{i:D6}"));
            Assert.That(devices, Has.Count.EqualTo(Expected(i) == "created" ? 1 : 0), $"user {i}");
        }
        Assert.That(results[EmulatorSeed.GeneratedUserId(15)]["detail"], Is.EqualTo("the user has no mobilePhone"));
        Assert.That(results[EmulatorSeed.GeneratedUserId(99)]["detail"], Is.EqualTo("the user is disabled in PingOne (enabled is false)"));
        Assert.That(results[EmulatorSeed.GeneratedUserId(11)]["detail"], Does.StartWith("MissingCountryCode: "));
        Assert.That((results[EmulatorSeed.GeneratedUserId(7)]["input"], results[EmulatorSeed.GeneratedUserId(7)]["phone"]), Is.EqualTo(("'+44 20 7946 0007", "'+442079460007")),
            "input: the profile's phone as stored; phone: what was sent");
        Assert.That(results[EmulatorSeed.GeneratedUserId(11)]["input"], Is.EqualTo("(512) 555-1011"), "the bad value, to find it in the directory");
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(7)).Single().Phone, Is.EqualTo("+442079460007"), "+44 20 7946 0007 from the profile");
    }

    [Test]
    public async Task NationalNumberWithoutACountry_IsReadWithPhoneRegion_AndWithoutItIsInvalidSayingSo()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 20 });
        var filter = "username eq \"user000011\"";

        var without = await Cli.RunAsync(Args("--filter", filter), environment: emulator.EnvironmentVariables());
        var with = await Cli.RunAsync(Args("--filter", filter, "--phone-region", "US"), environment: emulator.EnvironmentVariables());

        Assert.That(without.ExitCode, Is.EqualTo(1), without.Error);
        Assert.That(without.Error, Does.Contain("invalid: MissingCountryCode").And.Contain("no address.countryCode and no default region"));
        Assert.That(with.ExitCode, Is.EqualTo(0), with.Error);
        Assert.That(with.Error, Does.Contain("s: created 1, exists 0, no-phone 0, disabled 0, invalid 0,"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(11)).Single().Phone, Is.EqualTo("+15125551011"), "(512) 555-1011 read in the US");
    }

    [Test]
    public async Task DryRun_ReportsWhatWouldHappenPerStatus_AndCreatesNothing()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 100 });
        var contractors = Enumerable.Range(0, 100).Where(i => i % 4 == 3).ToList();
        emulator.AddDeviceOfType(EmulatorSeed.GeneratedUserId(3), "SMS");

        var run = await Cli.RunAsync(Args("--population", Contractors, "--dry-run"), environment: emulator.EnvironmentVariables());

        int Count(string status) => contractors.Count(i => Expected(i) == status);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain(
            $"dry run: 25 users of the mobilePhone of population {Contractors} in").And.Contain(
            $"s: ready {Count("created")}, exists 0, no-phone {Count("no-phone")}, disabled {Count("disabled")}, invalid {Count("invalid")}, refused 0, failed 0;").And.Contain("Nothing was created."));
        Assert.That(contractors.Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count), Is.EqualTo(1), "only the SMS device added before");
        Assert.That(File.Exists(Path.Combine(_folder, "j.jsonl")), Is.False, "a dry run keeps no journal");
    }

    [Test]
    public async Task SameSelectionAgain_ResumesFromItsJournal_AnotherSelectionIsRefusedThatJournal_NamingBoth()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 40 });

        var first = await Cli.RunAsync(Args("--population", Contractors), environment: emulator.EnvironmentVariables());
        var again = await Cli.RunAsync(Args("--population", Contractors), environment: emulator.EnvironmentVariables());
        var other = await Cli.RunAsync(Args("--filter", "username eq \"user000003\""), environment: emulator.EnvironmentVariables());

        Assert.That(first.Error, Does.Contain("s: created 6,"), first.Error);
        Assert.That(again.Error, Does.Contain("s: created 6, exists 0,").And.Contain("(6 users kept from the journal)"), again.Error);
        Assert.That(again.Error, Does.Contain("no user needed PingOne").Or.Contain("1 request"), "only the pre-flight and the pages: " + again.Error);
        Assert.That(other.ExitCode, Is.EqualTo(1), other.Error);
        Assert.That(other.Error, Does.Contain($"(mobilePhone of population {Contractors})").And.Contain("(mobilePhone of filter 'username eq \"user000003\"')"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(3)), Has.Count.EqualTo(1));
    }

    [Test]
    public void DefaultJournalAndResults_AreNamedAfterTheSelection()
    {
        var api = new Uri("https://api.pingone.com/v1/");
        var env = "11111111-2222-4333-8444-555555555555";
        DirectorySelection Select(UserPhoneAttribute attribute, string? population, string? filter) => new(attribute, population, filter);
        string Stem(DirectorySelection s) => s.FileStem(new EnrollmentTarget(api, env, s.ToString()));

        var contractors = Select(UserPhoneAttribute.MobilePhone, Contractors, null);

        Assert.That(Stem(contractors), Does.Match("^enroll-directory-mobilePhone-[0-9a-f]{8}$"));
        Assert.That(Stem(Select(UserPhoneAttribute.MobilePhone, Contractors, null)), Is.EqualTo(Stem(contractors)), "the same selection, the same files");
        Assert.That(Stem(Select(UserPhoneAttribute.PrimaryPhone, Contractors, null)), Is.Not.EqualTo(Stem(contractors)));
        Assert.That(Stem(Select(UserPhoneAttribute.MobilePhone, null, "username sw \"a\"")), Is.Not.EqualTo(Stem(contractors)));
        Assert.That(Select(UserPhoneAttribute.MobilePhone, Contractors, "email sw \"a\" or email sw \"b\"").ScimFilter,
            Is.EqualTo($"population.id eq \"{Contractors}\" and (email sw \"a\" or email sw \"b\")"), "the population binds the whole filter");
    }

    [Test]
    public async Task FilterPingOneDoesNotSupport_IsItsInvalidFilter_Exit2_BeforeAnyDevice()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 10 });

        var run = await Cli.RunAsync(Args("--filter", "nickname co \"x\""), environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain("INVALID_FILTER"));
        Assert.That(Enumerable.Range(0, 10).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count), Is.Zero);
    }

    [Test]
    public async Task CtrlC_StopsReadingAndCreating_Exit130_TheSameCommandThenFinishes_WithOneDevicePerEligibleUser()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 800, Latency = TimeSpan.FromMilliseconds(5) });
        using var ctrlC = new CancellationTokenSource();
        var journal = Path.Combine(_folder, "j.jsonl");

        var running = Cli.RunAsync(Args("--population", Contractors), environment: emulator.EnvironmentVariables(), cancellationToken: ctrlC.Token);
        await EnrollFiles.WaitForLinesAsync(journal, 60);
        ctrlC.Cancel(); // the caller's cancellation is the first Ctrl+C
        var first = await running;
        var second = await Cli.RunAsync(Args("--population", Contractors), environment: emulator.EnvironmentVariables());

        Assert.That(first.ExitCode, Is.EqualTo(130), first.Error);
        Assert.That(first.Error, Does.Contain("interrupted: run the same command again to resume"));
        var contractors = Enumerable.Range(0, 800).Where(i => i % 4 == 3).ToList();
        Assert.That(second.ExitCode, Is.EqualTo(1), "invalid profile phones remain: " + second.Error);
        Assert.That(second.Error, Does.Contain($"users kept from the journal"));
        foreach (var i in contractors)
            Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)), Has.Count.EqualTo(Expected(i) == "created" ? 1 : 0), $"user {i}");
        var results = EnrollFiles.ReadResultsFile(Path.Combine(_folder, "r.csv"));
        Assert.That(results, Has.Count.EqualTo(contractors.Count), "the rerun reports every user of the selection");
    }

    [Test]
    public async Task OutputJson_TheSummaryIsOneObjectOnStdout_WithTheSelectionAndEveryDirectoryStatus()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 100 });

        var run = await Cli.RunAsync(Args("--population", Contractors, "--output", "json"), environment: emulator.EnvironmentVariables());

        var summary = Newtonsoft.Json.Linq.JObject.Parse(run.Output);
        var contractors = Enumerable.Range(0, 100).Where(i => i % 4 == 3).ToList();
        Assert.That((string?)summary["selection"], Is.EqualTo($"mobilePhone of population {Contractors}"));
        Assert.That((int?)summary["rows"], Is.EqualTo(25));
        Assert.That((int?)summary["counts"]!["no-phone"], Is.EqualTo(contractors.Count(i => Expected(i) == "no-phone")));
        Assert.That((int?)summary["counts"]!["disabled"], Is.EqualTo(contractors.Count(i => Expected(i) == "disabled")));
        Assert.That((int?)summary["counts"]!["created"], Is.EqualTo(contractors.Count(i => Expected(i) == "created")));
        Assert.That((int?)summary["exitCode"], Is.EqualTo(run.ExitCode).And.EqualTo(1));
    }

    [TestCase(new[] { "--from-directory", "--phone-attribute", "mobilePhone" }, "--all-users")]
    [TestCase(new[] { "--from-directory", "--population", Contractors }, "--phone-attribute")]
    [TestCase(new[] { "--from-directory", "--phone-attribute", "mobilePhone", "--population", "contractors" }, "--population must be a PingOne id")]
    [TestCase(new[] { "--from-directory", "--phone-attribute", "mobilePhone", "--all-users", "--population", Contractors }, "--all-users selects every user")]
    [TestCase(new[] { "--from-directory", "--phone-attribute", "mobilePhone", "--all-users", "--csv", "x.csv" }, "leave out --csv")]
    [TestCase(new[] { "--from-directory", "--phone-attribute", "mobilePhone", "--filter", " " }, "--filter is empty")]
    [TestCase(new[] { "--from-directory", "--phone-attribute", "homePhone", "--all-users" }, "homePhone")]
    [TestCase(new[] { "--csv", "x.csv", "--population", Contractors }, "--population goes with --from-directory")]
    public async Task UsageErrors_Exit1_BeforeAnythingIsSent(string[] options, string message)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 10 });

        var run = await Cli.RunAsync(new[] { "enroll", "--policy", EmulatorSeed.PolicyId }.Concat(options).ToArray(), environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(Enumerable.Range(0, 10).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count), Is.Zero);
    }
}
