using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Cli;
using PingOne.Generated.Cli.Enroll;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary><c>pingone-voice enroll</c> against the emulator: bulk runs, rate limits, faults, and resuming.</summary>
public class EnrollTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pingone-enroll-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task ThousandRows_WithInvalidRowsMixedIn_CreatesEachValidRowOnce()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1000 });
        var csv = WriteCsv(1000, invalidEvery: 10);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), "invalid rows make the run exit 1");
        Assert.That(run.Error, Does.Contain("enroll: 1000 rows in").And.Contain("created 900, exists 0, duplicate 0, invalid 100, refused 0, failed 0;"));
        Assert.That(run.Error, Does.Contain("1801 requests for 900 rows checked with PingOne (2.00 per row)"), "the pre-flight, then one device list per user and one create per row");
        var results = EnrollFiles.ReadResults(csv);
        Assert.That(results.Count(r => r["status"] == "created"), Is.EqualTo(900));
        Assert.That(results.Count(r => r["status"] == "invalid"), Is.EqualTo(100));
        AssertOneDevicePerValidRow(emulator, 1000, invalidEvery: 10);
    }

    [Test]
    public async Task ResultsFile_HasTheCanonicalPhoneAndExtension_ForEveryRowThatNormalized()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone,extension\n{EmulatorSeed.GeneratedUserId(0)},+1 (512) 555-0100 ext. 313,\n{EmulatorSeed.GeneratedUserId(1)},12,\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(File.ReadAllLines(csv + ".results.csv")[0], Is.EqualTo("line,userId,input,phone,extension,status,deviceId,detail"));
        var results = EnrollFiles.ReadResults(csv);
        Assert.That(results[0]["phone"], Is.EqualTo("'+15125550100"), "written as text (see ResultsFile_CannotCarryAFormula_AndPhonesStayText)");
        Assert.That(results[0]["extension"], Is.EqualTo("313"));
        Assert.That(results[0]["deviceId"], Is.EqualTo(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)).Single().Id));
        Assert.That(results[1]["phone"], Is.Empty);
        Assert.That(results[1]["input"], Is.EqualTo("12"), "the bad value as the file gave it, so the admin can find it");
        Assert.That(results[0]["input"], Is.EqualTo("'+1 (512) 555-0100 ext. 313"), "as given, escaped like every cell that starts with +");
        Assert.That(results[1]["status"], Is.EqualTo("invalid"));
    }

    [Test]
    public async Task OneNumberInManySpellings_AtConcurrency32_GivesOneDevicePerKey_AndTheRepeatsAreDuplicates()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 64, Latency = TimeSpan.FromMilliseconds(2) });
        var spellings = new[] { "+61.412.343.322", "+61412343322", "  +61 412 343 322 ", "+61 (0)412 343 322", "+61-412-343-322" };
        var csv = Path.Combine(_folder, "users.csv");
        var text = new StringBuilder("userId,phone,extension\n");
        for (var user = 0; user < 64; user++)
        {
            foreach (var spelling in spellings) text.Append(EmulatorSeed.GeneratedUserId(user)).Append(",\"").Append(spelling).Append("\",\n");
            text.Append(EmulatorSeed.GeneratedUserId(user).ToUpperInvariant()).Append(",+61412343322,\n"); // the same user, spelled in capitals
            text.Append(EmulatorSeed.GeneratedUserId(user)).Append(",+61412343322,313\n"); // another key: the extension differs
        }
        File.WriteAllText(csv, text.ToString());

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "32" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("created 128, exists 0, duplicate 320, invalid 0, refused 0, failed 0;"));
        Assert.That(run.Error, Does.Contain("193 requests for 128 rows checked with PingOne (1.51 per row)"), "the pre-flight, one list per user, one create per key");
        for (var user = 0; user < 64; user++)
        {
            var devices = emulator.DevicesOf(EmulatorSeed.GeneratedUserId(user));
            Assert.That(devices.Select(d => (d.Phone, d.Extension)), Is.EquivalentTo(new[] { ("+61412343322", (string?)null), ("+61412343322", "313") }), $"user {user}");
        }
        var results = EnrollFiles.ReadResults(csv);
        Assert.That(results[1]["status"], Is.EqualTo("duplicate"));
        Assert.That(results[1]["detail"], Is.EqualTo("same user, phone and extension as line 2"));
        Assert.That(results[5]["detail"], Is.EqualTo("same user, phone and extension as line 2"), "user ids are read without case");
        Assert.That(results[6]["status"], Is.EqualTo("created"));
    }

    [Test]
    public async Task DryRun_ReportsDuplicatesToo_AndNamesTheFirstLine()
    {
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone\n{EmulatorSeed.UserId},+1 512 555 1234\n{EmulatorSeed.UserId},1-512-555-1234\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run", "--policy", EmulatorSeed.PolicyId });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("ready 1, exists 0, duplicate 1, invalid 0, refused 0, failed 0"));
        Assert.That(run.Error, Does.Contain("  line 3: duplicate: same user, phone and extension as line 2"));
    }

    [Test]
    public async Task SecondRunOverTheSameUsers_ReportsExistingDevices_AndCreatesNothing()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 20 });
        var csv = WriteCsv(20);
        await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--journal", Path.Combine(_folder, "first.jsonl") }, environment: Settings(emulator));

        var again = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--journal", Path.Combine(_folder, "second.jsonl") }, environment: Settings(emulator));

        Assert.That(again.ExitCode, Is.EqualTo(0), again.Output + again.Error);
        Assert.That(again.Error, Does.Contain("created 0, exists 20,"));
        AssertOneDevicePerValidRow(emulator, 20);
    }

    [Test]
    public async Task UnderAnEmulatorRateLimit_429sSlowTheRunDown_AndEveryRowIsCreated()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 120, RateLimitPerSecond = 60 });
        var csv = WriteCsv(120);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "16" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("created 120, exists 0, duplicate 0, invalid 0, refused 0, failed 0;"));
        var throttles = int.Parse(run.Error.Split("429 answers: ")[1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(throttles, Is.GreaterThan(0), "the emulator's limit was reached");
        AssertOneDevicePerValidRow(emulator, 120);
    }

    [TestCase(0.3, 0.0)]
    [TestCase(0.0, 0.3)]
    [TestCase(0.2, 0.2)]
    public async Task FaultsAfterTheWrite_ServerErrorsAndLostAnswers_LeaveNoDuplicates(double serverErrorsAfterCreate, double lostAnswers)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions
        {
            GeneratedUsers = 200, ServerErrorAfterCreateRate = serverErrorsAfterCreate, LostAnswerAfterCreateRate = lostAnswers, RandomSeed = 42,
        });
        var csv = WriteCsv(200);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "16" }, environment: Settings(emulator));
        if (run.ExitCode == 3) run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator)); // what the README says to do

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        AssertOneDevicePerValidRow(emulator, 200);
        Assert.That(EnrollFiles.ReadResults(csv).Select(r => r["deviceId"]), Is.EquivalentTo(Enumerable.Range(0, 200).Select(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Single().Id)),
            "every row reports the device the user has");
    }

    [Test]
    public async Task ExistingDeviceStoredInAnotherSpelling_CountsAsEnrolled()
    {
        // The emulator stores phones exactly as sent; the duplicate check reads any spelling PingOne may hold.
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        var stored = await CreateRawAsync(emulator, EmulatorSeed.GeneratedUserId(0), "+1.512.555.0000", "313#");
        var csv = WriteCsv(2);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("created 1, exists 1,"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)).Single().Id, Is.EqualTo(stored));
        Assert.That(EnrollFiles.ReadResults(csv)[0]["status"], Is.EqualTo("exists"));
        Assert.That(EnrollFiles.ReadResults(csv)[0]["deviceId"], Is.EqualTo(stored));
        AssertOneDevicePerValidRow(emulator, 2);
    }

    [Test]
    public async Task RowsPingOneRefuses_AreRefused_ExitTwo_WithoutAskingToRunAgain()
    {
        await using var emulator = await PingOneEmulator.StartAsync(); // no generated users: every row's user is unknown
        var csv = WriteCsv(2);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("created 0, exists 0, duplicate 0, invalid 0, refused 2, failed 0;"));
        Assert.That(run.Error, Does.Contain("  line 2: refused: PingOne answered HTTP 404 NOT_FOUND"));
        Assert.That(run.Error, Does.Not.Contain("Run the same command again"));
    }

    [Test]
    public async Task RowsPingOneCannotServe_Fail_ExitThree_AndAskToRunTheSameCommandAgain()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1, ServerErrorRate = 1 });
        var csv = WriteCsv(1);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--skip-preflight" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("  line 2: failed: PingOne answered HTTP 500 UNEXPECTED_ERROR"));
        Assert.That(run.Error, Does.Contain("Run the same command again"));
        Assert.That(run.Error, Does.Not.Contain("SafeRetry"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
    }

    [Test]
    public async Task PreflightThatCannotReachTheSettings_StopsTheRunBeforeAnyRow_ExitThree()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1, ServerErrorRate = 1 });
        var csv = WriteCsv(1);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("pingone-voice: PingOne answered HTTP 500"));
        Assert.That(File.ReadAllLines(csv + ".journal.jsonl"), Has.Length.EqualTo(1), "the journal holds its target line and no row");
    }

    [Test]
    public async Task Preflight_ExtensionsDisabled_RowsWithAnExtensionAreRefused_AndNothingIsSentForThem()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 6, PhoneExtensionsEnabled = false });
        var csv = WriteCsv(6); // rows 0 and 3 have the extension 313#

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("pre-flight: phone extensions disabled, at most 5 devices per user"));
        Assert.That(run.Error, Does.Contain("created 4, exists 0, duplicate 0, invalid 0, refused 2, failed 0; 9 requests for 4 rows"), "the pre-flight, then nothing for the refused rows: their users were not even listed");
        Assert.That(run.Error, Does.Contain("  line 2: refused: phone extensions are disabled in the environment's MFA settings (phoneExtensions.enabled is false)"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(1)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Preflight_UserAtTheDeviceLimit_RowsBeyondItAreRefused_CountedFromTheListTheRunReads()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2, MaxDevicesPerUser = 3 });
        var user = EmulatorSeed.GeneratedUserId(0);
        emulator.AddDeviceOfType(user, "EMAIL");
        emulator.AddDeviceOfType(user, "SMS");
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone\n{user},+15125550001\n{user},+15125550002\n{user},+15125550003\n{EmulatorSeed.GeneratedUserId(1)},+15125550004\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("created 2, exists 0, duplicate 0, invalid 0, refused 2, failed 0; 5 requests for 4 rows"), "the pre-flight, two lists and two creates; nothing sent for the refused rows");
        Assert.That(run.Error, Does.Contain("  line 3: refused: the user has 3 MFA devices, the most the environment allows (pairing.maxAllowedDevices is 3)"));
        Assert.That(emulator.DevicesOf(user), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task DryRun_WithSettings_RunsThePreflightAgainstTheTenant_AndCreatesNothing()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 3, PhoneExtensionsEnabled = false, MaxDevicesPerUser = 1 });
        await CreateRawAsync(emulator, EmulatorSeed.GeneratedUserId(1), "+15125550001", null);
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone,extension\n{EmulatorSeed.GeneratedUserId(0)},+15125550000,\n{EmulatorSeed.GeneratedUserId(1)},+1 512 555 0001,\n" +
                               $"{EmulatorSeed.GeneratedUserId(1)},+15125550009,\n{EmulatorSeed.GeneratedUserId(2)},+15125550002,313\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--dry-run" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("dry run: 4 rows in").And.Contain("ready 1, exists 1, duplicate 0, invalid 0, refused 2, failed 0;").And.Contain("Nothing was created."));
        Assert.That(EnrollFiles.ReadResults(csv).Select(r => r["status"]), Is.EqualTo(new[] { "ready", "exists", "refused", "refused" }));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
        Assert.That(File.Exists(csv + ".journal.jsonl"), Is.False, "a dry run keeps no journal");
    }

    [Test]
    public async Task NoPolicyAnywhere_IsOneErrorBeforeAnyRow()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 3 });
        var csv = WriteCsv(3);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.Trim(), Is.EqualTo($"pingone-voice: No device authentication policy: {csv} has no policyId column and --policy was not given. Pass --policy <id> for every row, or add a policyId column."));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
    }

    [TestCase(ExpectedResult = 0)]
    [TestCase("created", "exists", "duplicate", ExpectedResult = 0)]
    [TestCase("ready", "exists", ExpectedResult = 0)]
    [TestCase("created", "invalid", ExpectedResult = 1)]
    [TestCase("invalid", "refused", ExpectedResult = 2)]
    [TestCase("refused", "failed", ExpectedResult = 3)]
    [TestCase("invalid", "failed", "duplicate", ExpectedResult = 3)]
    public int ExitCode_IsTheHighestThatApplies(params string[] statuses) =>
        EnrollCommand.ExitCode(statuses.Select((status, i) => new RowResult(i + 2, "u", null, null, status, Detail: "PingOne could not be reached")).ToList()); // the text must not matter

    [Test]
    public async Task EveryExitCode_EndToEnd()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });
        var user = EmulatorSeed.GeneratedUserId(0);
        async Task<int> Run(string rows, params string[] extra)
        {
            var csv = Path.Combine(_folder, Guid.NewGuid() + ".csv");
            File.WriteAllText(csv, "userId,phone\n" + rows);
            return (await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }.Concat(extra).ToArray(), environment: Settings(emulator))).ExitCode;
        }

        Assert.That(await Run($"{user},+15125550000\n{user},+1 512 555 0000\n"), Is.EqualTo(0), "created, and a duplicate");
        Assert.That(await Run($"{user},+15125550000\n"), Is.EqualTo(0), "exists");
        Assert.That(await Run($"{user},12\n{user},+15125550000\n"), Is.EqualTo(1), "an invalid row; the valid one still ran (exists)");
        Assert.That(await Run($"{user},+15125550000\n", "--concurrency", "0"), Is.EqualTo(1), "a usage error");
        Assert.That(await Run($"{EmulatorSeed.GeneratedUserId(7)},+15125550000\n{user},12\n"), Is.EqualTo(2), "refused (an unknown user) beats invalid");
        await using var failing = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1, ServerErrorRate = 1 });
        var csv = Path.Combine(_folder, "fails.csv");
        File.WriteAllText(csv, $"userId,phone\n{user},+15125550000\n{EmulatorSeed.GeneratedUserId(7)},12\n");
        Assert.That((await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--skip-preflight" }, environment: Settings(failing))).ExitCode, Is.EqualTo(3), "failed beats invalid");
    }

    [Test]
    public async Task WithTheEmulator_RowsWithoutAPolicyUseTheSeedPolicy()
    {
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone\n{EmulatorSeed.UserId},+1 (512) 555-1234\n{EmulatorSeed.SecondUserId},+44 20 7946 0958\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--emulator" });
        var again = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--emulator" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("created 2, exists 0,"));
        Assert.That(run.Error, Does.Contain("using the embedded emulator"));
        Assert.That(again.Error, Does.Contain("created 2, exists 0,"), "the embedded emulator starts empty, so its journal starts afresh: " + again.Error);
    }

    [Test]
    public async Task DryRun_WithPhoneRegion_AcceptsNationalNumbers()
    {
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone,policyId\n{EmulatorSeed.UserId},(512) 555-1234,{EmulatorSeed.PolicyId}\n");

        var without = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run" });
        var with = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run", "--phone-region", "US" });

        Assert.That(without.ExitCode, Is.EqualTo(1));
        Assert.That(with.ExitCode, Is.EqualTo(0), with.Output);
        Assert.That(with.Error, Does.Contain("ready 1, exists 0, duplicate 0, invalid 0"));
    }

    [Test]
    public async Task CancelledMidway_ThenResumed_EndsWithOneDevicePerRow()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 300, Latency = TimeSpan.FromMilliseconds(5) });
        var csv = WriteCsv(300);
        var journal = csv + ".journal.jsonl";
        using var stop = new CancellationTokenSource();
        var args = new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "4" };

        var first = Cli.RunAsync(args, environment: Settings(emulator), cancellationToken: stop.Token);
        await EnrollFiles.WaitForLinesAsync(journal, 60);
        stop.Cancel();
        try { await first; } catch (OperationCanceledException) { }
        var before = Enumerable.Range(0, 300).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count);
        Assert.That(before, Is.LessThan(300), "the first run stopped before the end");

        var resumed = await Cli.RunAsync(args, environment: Settings(emulator));

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Output + resumed.Error);
        AssertOneDevicePerValidRow(emulator, 300);
    }

    [Test]
    public async Task KilledProcess_ThenResumed_EndsWithOneDevicePerRow_AndKeepsWhatTheJournalRecorded()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 300, Latency = TimeSpan.FromMilliseconds(5) });
        var csv = WriteCsv(300);
        var journal = csv + ".journal.jsonl";
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(TestContext.CurrentContext.TestDirectory, "pingone-voice.dll")}\" enroll --csv \"{csv}\" --policy {EmulatorSeed.PolicyId} --concurrency 4")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in Settings(emulator)) start.Environment[name] = value;
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await EnrollFiles.WaitForLinesAsync(journal, 60);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var createdBefore = Enumerable.Range(0, 300).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count);
        Assert.That(createdBefore, Is.LessThan(300), "the process was killed before the end");

        var resumed = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Output + resumed.Error);
        AssertOneDevicePerValidRow(emulator, 300);
        var kept = EnrollFiles.ReadResults(csv).Count(r => r["detail"] == "kept from the journal of an earlier run");
        Assert.That(kept, Is.GreaterThan(0).And.LessThanOrEqualTo(createdBefore), "rows the killed run finished are kept without a request");
    }

    [Test]
    public async Task TheSameCommandAgain_KeepsEveryEndedRowFromTheJournal_AndSendsOnlyThePreflight()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 30 });
        var csv = WriteCsv(30, invalidEvery: 10);
        var args = new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId };
        var first = await Cli.RunAsync(args, environment: Settings(emulator));
        var firstResults = EnrollFiles.ReadResults(csv);

        var again = await Cli.RunAsync(args, environment: Settings(emulator));

        Assert.That(first.ExitCode, Is.EqualTo(1), first.Output);
        Assert.That(again.ExitCode, Is.EqualTo(1), again.Output);
        Assert.That(again.Error, Does.Contain("created 27, exists 0, duplicate 0, invalid 3, refused 0, failed 0 (27 rows kept from the journal); 1 request, no row needed PingOne, 429 answers: 0."));
        Assert.That(EnrollFiles.ReadResults(csv).Select(r => r["deviceId"]), Is.EqualTo(firstResults.Select(r => r["deviceId"])), "the same devices reported");
        AssertOneDevicePerValidRow(emulator, 30, invalidEvery: 10);
    }

    [Test]
    public async Task EditedCsv_ResumedWithTheOldJournal_JudgesRowsByWhatTheyAskFor_NotByTheirLine()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 4 });
        var csv = Path.Combine(_folder, "users.csv");
        string Row(int user, string phone) => $"{EmulatorSeed.GeneratedUserId(user)},{phone}\n";
        File.WriteAllText(csv, "userId,phone\n" + Row(0, "+15125550000") + Row(1, "+15125550001") + Row(2, "+15125550002"));
        var first = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);

        // A new user inserted on line 2, user 1's row deleted, user 2's number corrected.
        File.WriteAllText(csv, "userId,phone\n" + Row(3, "+15125550003") + Row(0, "+1 512 555 0000") + Row(2, "+15125550022"));
        var second = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(second.ExitCode, Is.EqualTo(0), second.Output + second.Error);
        var results = EnrollFiles.ReadResults(csv);
        Assert.That(results[0]["status"], Is.EqualTo("created"), "the new user on line 2 is created, not skipped for the old line 2");
        Assert.That(results[0]["deviceId"], Is.EqualTo(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(3)).Single().Id));
        Assert.That(results[1]["status"], Is.EqualTo("created"));
        Assert.That(results[1]["detail"], Is.EqualTo("kept from the journal of an earlier run"), "the same key in another spelling and on another line");
        Assert.That(results[1]["deviceId"], Is.EqualTo(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)).Single().Id));
        Assert.That(results[2]["status"], Is.EqualTo("created"), "the corrected number is a new key");
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(2)).Select(d => d.Phone), Is.EquivalentTo(new[] { "+15125550002", "+15125550022" }));
    }

    [Test]
    public async Task JournalFromAnotherTarget_IsRefused_UntilNewJournalSetsItAside()
    {
        await using var first = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        await using var other = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        var csv = WriteCsv(2);
        Assert.That((await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(first))).ExitCode, Is.EqualTo(0));

        var refused = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(other));

        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Error, Does.Contain($"was written against {first.ApiBaseAddress.AbsoluteUri} environment {EmulatorSeed.EnvironmentId}; this run targets {other.ApiBaseAddress.AbsoluteUri} environment"));
        Assert.That(refused.Error, Does.Contain("--new-journal"));
        Assert.That(other.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty, "nothing was sent");

        var afresh = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--new-journal" }, environment: Settings(other));

        Assert.That(afresh.ExitCode, Is.EqualTo(0), afresh.Output + afresh.Error);
        Assert.That(afresh.Error, Does.Contain("created 2, exists 0,"), "nothing kept from the other target's journal");
        Assert.That(Directory.GetFiles(_folder, "users.csv.journal.jsonl.*.old"), Has.Length.EqualTo(1), "the old journal was set aside, not deleted");
        AssertOneDevicePerValidRow(other, 2);
    }

    [TestCase("{\"journal\":\"pingone-voice enr")]
    [TestCase("{\"journal\":\"pingone-voice enroll journal\",\"version\":2,\"api\":\"http://127.0.")]
    public async Task JournalWhoseHeaderAKillCutShort_StartsAfresh_SinceNothingWasSentYet(string cutHeader)
    {
        var csv = WriteCsv(2);
        File.WriteAllText(csv + ".journal.jsonl", cutHeader);
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(File.ReadLines(csv + ".journal.jsonl").First(), Does.StartWith("{\"journal\":\"pingone-voice enroll journal\",\"version\":2,"));
        AssertOneDevicePerValidRow(emulator, 2);
    }

    [Test]
    public async Task JournalOfAnOlderVersion_IsRefused_WithTheWayOut()
    {
        var csv = WriteCsv(1);
        File.WriteAllText(csv + ".journal.jsonl", "{\"Line\":2,\"UserId\":\"u\",\"Status\":\"created\",\"DeviceId\":\"d\"}\n");
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("is not a journal of this version of pingone-voice enroll").And.Contain("--new-journal"));
    }

    [Test]
    public async Task ResultsFile_CannotCarryAFormula_AndPhonesStayText()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "userId,phone,nickname\n" +
                               "\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"open\"\")\",+15125550000,\n" +
                               "@SUM(1+1),+15125550001,\n" +
                               "-2+3,+15125550002,\n" +
                               $"{EmulatorSeed.GeneratedUserId(0)},+1 512 555 0003,\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        var cells = File.ReadAllLines(csv + ".results.csv").Skip(1).SelectMany(SplitCsvLine).ToList();
        Assert.That(cells.Where(cell => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)), Is.Empty, "no cell starts a formula");
        var results = EnrollFiles.ReadResults(csv);
        Assert.That(results[0]["userId"], Is.EqualTo("'=HYPERLINK(\"http://evil.example/\",\"open\")"));
        Assert.That(results[1]["userId"], Is.EqualTo("'@SUM(1+1)"));
        Assert.That(results[2]["userId"], Is.EqualTo("'-2+3"));
        Assert.That(results[3]["phone"], Is.EqualTo("'+15125550003"), "a phone is text in a spreadsheet, not the number 15125550003");
    }

    [Test]
    public async Task Help_ListsEnrollsExitCodes()
    {
        // enroll's codes say more than the other commands' (CliTests.Help_OfTheRootAndEveryCommandThatTalksToPingOne_ListsTheExitCodes).
        var run = await Cli.RunAsync(new[] { "enroll", "--help" });

        Assert.That(run.Output, Does.Contain("Exit codes (the highest that applies wins):"));
        Assert.That(run.Output, Does.Contain("3  some outcomes unknown or PingOne unreachable: run the same command again to finish"));
    }

    [Test]
    public async Task DryRun_ReadsBomSemicolonsQuotesAndBlankLines_ReportsBadRowsByLine_AndSendsNothing()
    {
        var csv = Path.Combine(_folder, "hr-export.csv");
        var (u1, u2, u4) = (EmulatorSeed.UserId, EmulatorSeed.SecondUserId, EmulatorSeed.ThirdUserId);
        var text = "userId;phone;extension;nickname;policyId\r\n" +
                   $"{u1};\"+1 (512) 555-1234\";313#;\"Desk; main\";{EmulatorSeed.PolicyId}\r\n" +
                   "\r\n" +
                   $"{u2};(512) 555-1234;;;{EmulatorSeed.PolicyId}\r\n" +
                   $";+15125551234;;;{EmulatorSeed.PolicyId}\r\n" +
                   $"{u4};+44 20 7946 0958;31a;;{EmulatorSeed.PolicyId}\r\n" +
                   $"u5;+44 20 7946 0958;;;{EmulatorSeed.PolicyId}\r\n";
        File.WriteAllText(csv, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty, "a person's summary goes to stderr; stdout is for data (--output json)");
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("pingone-voice: dry run: 5 rows: ready 1, exists 0, duplicate 0, invalid 4, refused 0, failed 0. Nothing was sent"));
        Assert.That(lines[1], Does.StartWith("  line 4: invalid: phone has no country calling code: write it with + and the country code (e.g. +1 512 555 1234), or pass --phone-region"));
        Assert.That(lines[2], Does.StartWith("  line 5: invalid: userId is empty"));
        Assert.That(lines[3], Does.StartWith("  line 6: invalid: the extension column is not a valid extension"));
        Assert.That(lines[4], Does.StartWith("  line 7: invalid: userId is not a PingOne user id"));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"), "a dry run without settings connects to nothing");
    }

    [Test]
    public async Task MissingColumns_AreNamed()
    {
        var csv = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(csv, "user,number\nu1,+15125551234\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("no userid or phone column"));
    }

    [TestCase("INT", 130, "SIGINT")]
    [TestCase("TERM", 143, "SIGTERM")]
    public async Task SignalMidRun_FinishesWhatIsInFlight_WritesResultsAndSummary_ExitsWithTheSignalsCode_AndTheRerunResumes(string signal, int exitCode, string name)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 300, Latency = TimeSpan.FromMilliseconds(20) });
        var csv = WriteCsv(300);
        var journal = csv + ".journal.jsonl";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "pingone-voice.dll"), "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "4" })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in Settings(emulator)) start.Environment[key] = value;
        string stderr;
        int code;
        using (var process = Process.Start(start)!)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            await EnrollFiles.WaitForLinesAsync(journal, 40);
            using (var kill = Process.Start("kill", new[] { "-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })) await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            code = process.ExitCode;
            stderr = await error;
            Assert.That(await output, Is.Empty, "a person's summary goes to stderr");
        }
        var created = Enumerable.Range(0, 300).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count);
        var results = EnrollFiles.ReadResults(csv);

        Assert.That(code, Is.EqualTo(exitCode), stderr);
        Assert.That(created, Is.GreaterThan(0).And.LessThan(300), "stopped mid-run");
        Assert.That(stderr, Does.Contain("enroll: 300 rows in").And.Contain("not started"));
        Assert.That(stderr, Does.Contain("pingone-voice: enroll: interrupted: run the same command again to resume."));
        Assert.That(results.Count(r => r["status"] == "created"), Is.EqualTo(created), "every create that was in flight finished and is in the results: " + stderr);
        Assert.That(results.Where(r => r["status"] != "created").Select(r => r["status"] + ": " + r["detail"]), Is.Empty, "one Ctrl+C abandons no create in flight");
        Assert.That(File.ReadAllLines(journal).Count(l => l.Contains("\"status\":\"created\"", StringComparison.Ordinal)), Is.EqualTo(created), "and in the journal");

        var resumed = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        Assert.That(resumed.Error, Does.Contain($"pingone-voice: enroll: resuming: {created} rows kept from the journal {journal}"));
        Assert.That(resumed.Error, Does.Contain($"created 300, exists 0,").And.Contain($"({created} rows kept from the journal)"));
        AssertOneDevicePerValidRow(emulator, 300);
        _ = name;
    }

    [Test]
    public async Task OutputJson_PrintsOneSummaryObjectOnStdout_AndJsonLinesOnStderr()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 3 });
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone\n{EmulatorSeed.GeneratedUserId(0)},+15125550100\n{EmulatorSeed.GeneratedUserId(1)},12\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--output", "json" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        var summary = JObject.Parse(run.Output);
        Assert.That(run.Output.Trim().Split('\n'), Has.Length.EqualTo(1), "one object on one line");
        Assert.That((int)summary["exitCode"]!, Is.EqualTo(run.ExitCode));
        Assert.That((int)summary["rows"]!, Is.EqualTo(2));
        Assert.That((int)summary["counts"]!["created"]!, Is.EqualTo(1));
        Assert.That((int)summary["counts"]!["invalid"]!, Is.EqualTo(1));
        Assert.That((int)summary["counts"]!["failed"]!, Is.EqualTo(0));
        Assert.That((long)summary["requests"]!, Is.EqualTo(3), "the pre-flight, one list, one create");
        Assert.That((int)summary["throttled"]!, Is.EqualTo(0));
        Assert.That((string?)summary["results"], Is.EqualTo(csv + ".results.csv"));
        Assert.That(summary["interrupted"], Is.Null);
        foreach (var line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Assert.That(() => JObject.Parse(line), Throws.Nothing, line);
    }

    [Test]
    public async Task ResultsJsonl_HasEveryRowAsGiven_WithoutSpreadsheetEscapes_AndPluralsAreRight()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        var csv = Path.Combine(_folder, "users.csv");
        var results = Path.Combine(_folder, "out.jsonl");
        File.WriteAllText(csv, $"userId,phone\n{EmulatorSeed.GeneratedUserId(0)},+1 (512) 555-0100\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--results", results }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var row = JObject.Parse(File.ReadAllLines(results).Single());
        Assert.That(row.Properties().Select(p => p.Name), Is.EqualTo(new[] { "line", "userId", "input", "phone", "extension", "status", "deviceId", "detail" }));
        Assert.That((string?)row["input"], Is.EqualTo("+1 (512) 555-0100"));
        Assert.That((string?)row["phone"], Is.EqualTo("+15125550100"), "no apostrophe: JSON Lines are for programs");
        Assert.That(row["extension"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(run.Error, Does.Contain("enroll: 1 row in").And.Contain("3 requests for 1 row checked with PingOne"));
        Assert.That(File.Exists(csv + ".results.csv"), Is.False);
    }

    private string WriteCsv(int rows, int invalidEvery = 0)
    {
        var path = Path.Combine(_folder, "users.csv");
        var text = new StringBuilder("userId,phone,extension,nickname\n");
        for (var i = 0; i < rows; i++)
        {
            var phone = invalidEvery > 0 && i % invalidEvery == 0 ? "12" : $"+1 512 555 {i % 10000:D4}";
            text.Append(EmulatorSeed.GeneratedUserId(i)).Append(',').Append(phone).Append(',').Append(i % 3 == 0 ? "313#" : "").Append(",Row ").Append(i).Append('\n');
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static IEnumerable<string> SplitCsvLine(string line)
    {
        using var parser = new CsvHelper.CsvParser(new StringReader(line), System.Globalization.CultureInfo.InvariantCulture);
        return parser.Read() ? parser.Record! : Array.Empty<string>();
    }

    private static async Task<string> CreateRawAsync(PingOneEmulator emulator, string userId, string phone, string? extension)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseAddress, $"environments/{EmulatorSeed.EnvironmentId}/users/{userId}/devices"))
        {
            Content = new StringContent(new JObject { ["type"] = "VOICE", ["phone"] = phone, ["policy"] = new JObject { ["id"] = EmulatorSeed.PolicyId } }.With("extension", extension).ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        using var response = await http.SendAsync(request);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToString());
        Assert.That(body["phone"]!.Value<string>(), Is.EqualTo(phone));
        return body["id"]!.Value<string>()!;
    }

    private static void AssertOneDevicePerValidRow(PingOneEmulator emulator, int rows, int invalidEvery = 0)
    {
        for (var i = 0; i < rows; i++)
        {
            var expected = invalidEvery > 0 && i % invalidEvery == 0 ? 0 : 1;
            Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)), Has.Count.EqualTo(expected), $"user {i}");
        }
    }

    private static IReadOnlyDictionary<string, string> Settings(PingOneEmulator emulator) => emulator.EnvironmentVariables();
}

internal static class JObjectExtensions
{
    public static JObject With(this JObject body, string name, string? value)
    {
        if (value is not null) body[name] = value;
        return body;
    }
}
