using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// An outsider's tests of <c>pingone-voice enroll</c> (issue 13): an independently written messy spreadsheet, kills,
/// hostile files and options, the emulator command. Expectations come from the issue and the README, not the code.
/// </summary>
public class EnrollOutsiderTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pingone-enroll-outsider-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    // ---------------------------------------------------------------- the headline promise

    [Test]
    public async Task MessySpreadsheet_1500Rows_Concurrency16_FaultsAfterTheWrite_RerunUntilExit0_GivesOneDevicePerKey_AndResultsAgreeWithTheEmulator()
    {
        const int users = 900;
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions
        {
            GeneratedUsers = users, ServerErrorAfterCreateRate = 0.05, LostAnswerAfterCreateRate = 0.05, DropConnectionRate = 0.02, RandomSeed = 13,
        });
        var sheet = MessySheet.Write(Path.Combine(_folder, "hr export.csv"), users, rows: 1500, seed: 13);
        var args = new[] { "enroll", "--csv", sheet.Path, "--policy", EmulatorSeed.PolicyId, "--concurrency", "16" };

        var runs = new List<CliRun>();
        do runs.Add(await Cli.RunAsync(args, environment: Settings(emulator)));
        while (runs[^1].ExitCode == 3 && runs.Count < 3); // "3: run the same command again to finish"

        var last = runs[^1];
        Assert.That(last.ExitCode, Is.EqualTo(0), string.Join("\n---\n", runs.Select(r => r.ExitCode + "\n" + r.Output + r.Error)));
        Assert.That(last.Error, Does.Contain($"enroll: 1500 rows in"));
        Assert.That(last.Error, Does.Contain($"duplicate {1500 - sheet.Keys.Count}, invalid 0, refused 0, failed 0;"));

        // The emulator: every user has exactly the keys the sheet asks for, each once.
        for (var user = 0; user < users; user++)
        {
            var id = EmulatorSeed.GeneratedUserId(user);
            var held = emulator.DevicesOf(id).Select(d => (d.Phone, Extension: d.Extension ?? string.Empty)).ToList();
            var wanted = sheet.Keys.Where(k => k.User == id).Select(k => (Phone: (string?)k.Phone, k.Extension)).ToList();
            Assert.That(held, Is.EquivalentTo(wanted), $"user {user}: devices held vs keys in the sheet (a repeat means a duplicate device)");
        }

        // The results file agrees with the emulator, row by row.
        var results = EnrollFiles.ReadResults(sheet.Path);
        Assert.That(results.Select(r => int.Parse(r["line"], CultureInfo.InvariantCulture)), Is.EquivalentTo(sheet.LineOfRow), "one result per input row, on its line");
        var byLine = results.ToDictionary(r => int.Parse(r["line"], CultureInfo.InvariantCulture));
        foreach (var row in sheet.Rows)
        {
            var result = byLine[row.Line];
            var user = row.Key.User;
            Assert.That(result["phone"], Is.EqualTo("'" + row.Key.Phone), $"line {row.Line}: canonical phone, as text");
            Assert.That(result["extension"], Is.EqualTo(row.Key.Extension), $"line {row.Line}: canonical extension");
            if (result["status"] == "duplicate")
            {
                var first = int.Parse(result["detail"].Split("as line ")[1], CultureInfo.InvariantCulture);
                Assert.That(first, Is.LessThan(row.Line), $"line {row.Line}: a duplicate names an earlier line");
                Assert.That(sheet.Rows.Single(r => r.Line == first).Key, Is.EqualTo(row.Key), $"line {row.Line}: the line it names asks for the same key");
            }
            else
            {
                Assert.That(result["status"], Is.AnyOf("created", "exists"), $"line {row.Line}: {result["status"]} {result["detail"]}");
                var device = emulator.DevicesOf(user).SingleOrDefault(d => d.Phone == row.Key.Phone && (d.Extension ?? string.Empty) == row.Key.Extension);
                Assert.That(device, Is.Not.Null, $"line {row.Line}");
                Assert.That(result["deviceId"], Is.EqualTo(device!.Id), $"line {row.Line}: the results name the device the user holds");
            }
        }
        Assert.That(results.Count(r => r["status"] != "duplicate"), Is.EqualTo(sheet.Keys.Count), "one non-duplicate row per key");
    }

    [Test]
    public async Task KilledMidRun_WithLostAnswers_ThenResumed_GivesOneDevicePerUser()
    {
        const int users = 300;
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions
        {
            GeneratedUsers = users, LostAnswerAfterCreateRate = 0.2, Latency = TimeSpan.FromMilliseconds(5), RandomSeed = 7,
        });
        var csv = Path.Combine(_folder, "users.csv");
        var text = new StringBuilder("userId,phone\n");
        for (var i = 0; i < users; i++) text.Append(EmulatorSeed.GeneratedUserId(i)).Append(",+1 512 555 ").Append((i + 1000).ToString("D4", CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(csv, text.ToString());
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(TestContext.CurrentContext.TestDirectory, "pingone-voice.dll")}\" enroll --csv \"{csv}\" --policy {EmulatorSeed.PolicyId} --concurrency 8")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (name, value) in Settings(emulator)) start.Environment[name] = value;
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await EnrollFiles.WaitForLinesAsync(csv + ".journal.jsonl", 100);
            process.Kill(entireProcessTree: true); // SIGKILL: nothing is flushed or closed
            await process.WaitForExitAsync();
        }
        var before = Enumerable.Range(0, users).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count);
        Assert.That(before, Is.GreaterThan(0).And.LessThan(users), "killed mid-run");

        var runs = new List<CliRun>();
        do runs.Add(await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "8" }, environment: Settings(emulator)));
        while (runs[^1].ExitCode == 3 && runs.Count < 3);

        Assert.That(runs[^1].ExitCode, Is.EqualTo(0), string.Join("\n---\n", runs.Select(r => r.Output + r.Error)));
        for (var i = 0; i < users; i++)
            Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)), Has.Count.EqualTo(1), $"user {i}");
        Assert.That(EnrollFiles.ReadResults(csv).Select(r => r["status"]).Distinct(), Is.SubsetOf(new[] { "created", "exists" }));
    }

    // ---------------------------------------------------------------- hostile journals and paths

    [Test]
    public async Task JournalThatIsBinaryGarbage_IsRefusedWithExit1_LeftUntouched_AndNothingIsCreated()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        var csv = SimpleCsv(2);
        var garbage = new byte[4096];
        new Random(1).NextBytes(garbage);
        File.WriteAllBytes(csv + ".journal.jsonl", garbage);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("is not a journal").And.Contain("--new-journal"));
        Assert.That(File.ReadAllBytes(csv + ".journal.jsonl"), Is.EqualTo(garbage), "a file that is not a journal is not written to");
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
    }

    [Test]
    public async Task JournalOfTheRightTarget_WithMistypedEntriesAndATruncatedLastLine_ResumesTwiceWithoutADuplicate()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 4 });
        var csv = SimpleCsv(2);
        var journal = csv + ".journal.jsonl";
        var first = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        var u2 = EmulatorSeed.GeneratedUserId(2);
        File.AppendAllText(journal,
            "null\n[1,2,3]\n\"created\"\n{}\n" + new string('[', 500) + "\n" +
            $"{{\"user\":\"{u2}\",\"phone\":\"+15125550002\",\"extension\":null,\"status\":\"created\",\"deviceId\":{{\"x\":1}},\"line\":\"two\"}}\n" + // wrong types
            $"{{\"user\":[\"{u2}\"],\"phone\":7,\"status\":true,\"line\":2}}\n" +
            $"{{\"user\":\"{EmulatorSeed.GeneratedUserId(3)}\",\"phone\":\"+151255"); // cut off by a kill, no newline
        File.WriteAllText(csv, File.ReadAllText(csv) + $"{u2},+15125550002\n{EmulatorSeed.GeneratedUserId(3)},+15125550003\n");

        var second = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));
        var third = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(second.ExitCode, Is.EqualTo(0), second.Output + second.Error);
        Assert.That(second.Error, Does.Contain("created 4, exists 0,"), "users 0 and 1 kept from the journal, 2 and 3 created");
        Assert.That(third.ExitCode, Is.EqualTo(0), third.Output + third.Error);
        Assert.That(EnrollFiles.ReadResults(csv).Count(r => r["detail"] == "kept from the journal of an earlier run"), Is.EqualTo(4),
            "the third run still reads every entry the second run appended after the cut line");
        for (var i = 0; i < 4; i++) Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)), Has.Count.EqualTo(1), $"user {i}");
    }

    [Test]
    public async Task JournalThatIsOnlyABlankLine_IsStartedProperly_SoTheNextRunResumesFromIt()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 3 });
        var csv = SimpleCsv(3);
        File.WriteAllText(csv + ".journal.jsonl", "\n");

        var first = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));
        var second = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Output + second.Error);
        Assert.That(second.Error, Does.Contain("created 3, exists 0,"), "the rows the first run created are kept from its journal: " + File.ReadAllText(csv + ".journal.jsonl"));
        Assert.That(File.ReadLines(csv + ".journal.jsonl").First(line => line.Trim().Length > 0), Does.Contain(emulator.ApiBaseAddress.AbsoluteUri), "the journal names its target");
    }

    [Test]
    public async Task JournalPathThatIsADirectory_ExitsOne_NamingIt_AndCreatesNothing()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        var csv = SimpleCsv(2);
        var directory = Directory.CreateDirectory(Path.Combine(_folder, "journal.jsonl")).FullName;

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--journal", directory }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.StartWith("pingone-voice: ").And.Contain("journal.jsonl"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
    }

    [Test]
    public async Task ResultsPathInAMissingFolder_IsAUsageErrorBeforeAnythingIsCreated()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 2 });
        var csv = SimpleCsv(2);
        var results = Path.Combine(_folder, "no such folder", "results.csv");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--results", results }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("no such folder"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty,
            "a report that cannot be written is found out before devices are created, not after the run (whose summary is then lost)");
    }

    // ---------------------------------------------------------------- hostile spreadsheets and options

    [Test]
    public async Task CsvWithOnlyAHeader_ExitsZero_WithZeroRows_DryRunAndRealRun()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "\uFEFFuserId,phone\r\n\r\n\r\n");

        var dry = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--dry-run" });
        var real = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(dry.ExitCode, Is.EqualTo(0), dry.Output + dry.Error);
        Assert.That(dry.Error, Does.StartWith("pingone-voice: dry run: 0 rows:"));
        Assert.That(real.ExitCode, Is.EqualTo(0), real.Output + real.Error);
        Assert.That(real.Error, Does.Contain("enroll: 0 rows in"));
        Assert.That(File.ReadAllLines(csv + ".results.csv"), Is.EqualTo(new[] { "line,userId,input,phone,extension,status,deviceId,detail" }));
    }

    [Test]
    public async Task HostileUserIds_TraversalSlashesAndEncodings_AreInvalid_AndOnlyThePreflightIsSent()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });
        var user = EmulatorSeed.GeneratedUserId(0);
        var hostile = new[] { "..", "../" + user, user + "/..", "%2e%2e", user + "%2F..", "..%2f..%2fenvironments", "{" + user + "}", user + "/devices", user.Replace("-", string.Empty, StringComparison.Ordinal), "\u0660" + user[1..] };
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "userId,phone\n" + string.Concat(hostile.Select((id, i) => $"\"{id}\",+1 512 555 {i:D4}\n")));

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain($"invalid {hostile.Length}, refused 0, failed 0; 1 request, no row needed PingOne"), "the pre-flight only: no row reached the network");
        Assert.That(EnrollFiles.ReadResults(csv).Select(r => r["status"]), Is.All.EqualTo("invalid"));
        Assert.That(emulator.DevicesOf(user), Is.Empty);
    }

    [Test]
    public async Task FormulaCellsAndHugeCells_NeverComeOutAsFormulas_AndAreNotEchoedToTheConsole()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 3 });
        var huge = new string('9', 200_000);
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "userId,phone,extension,nickname\n" +
                               $"{EmulatorSeed.GeneratedUserId(0)},=1+1,,\n" +
                               $"{EmulatorSeed.GeneratedUserId(1)},\"+1 512 555 0001\",\"-313\",\n" +
                               $"{EmulatorSeed.GeneratedUserId(2)},{huge},,\n" +
                               $"\"\t=cmd|' /C calc'!A0\",+15125550003,,\n" +
                               $"{huge},+15125550004,,\n" +
                               $"{EmulatorSeed.GeneratedUserId(1)},+15125550005,,\"=HYPERLINK(\"\"http://evil.example\"\")\"\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Output.Length + run.Error.Length, Is.LessThan(5_000), "a 200,000-character cell is not echoed to the console");
        using var reader = new StreamReader(csv + ".results.csv");
        using var parser = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        while (parser.Read())
            foreach (var cell in parser.Record!)
                Assert.That(cell.Length == 0 || !"=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), Is.True, $"a cell starts a formula: {cell[..Math.Min(cell.Length, 60)]}");
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(2)), Is.Empty);
    }

    [TestCase("--rate", "0")]
    [TestCase("--rate", "-5")]
    [TestCase("--rate", "NaN")]
    [TestCase("--rate", "Infinity")]
    [TestCase("--concurrency", "0")]
    [TestCase("--concurrency", "-1")]
    public async Task NonsenseRateOrConcurrency_IsAUsageError_ExitOne_NamingTheOption_AndNothingIsSent(string option, string value)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });
        var csv = SimpleCsv(1);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, option, value }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain(option));
        Assert.That(File.Exists(csv + ".journal.jsonl"), Is.False);
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
    }

    [Test]
    public async Task PolicyOptionThatIsNotAnId_IsOneErrorUpFront_NotAnInvalidRowPerLine()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 50 });
        var csv = SimpleCsv(50);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", "default-policy" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("--policy"));
        Assert.That(run.Output, Is.Empty, "one error, not 50 invalid rows");
    }

    // ---------------------------------------------------------------- the pre-flight, duplicates, lines

    [Test]
    public async Task DryRun_Preflight_ExtensionsDisabled_UserAtTheLimit_Invalid_Duplicate_AllInOneFile_Exit2_NothingCreated()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 3, PhoneExtensionsEnabled = false, MaxDevicesPerUser = 2 });
        var (u0, u1, u2) = (EmulatorSeed.GeneratedUserId(0), EmulatorSeed.GeneratedUserId(1), EmulatorSeed.GeneratedUserId(2));
        emulator.AddDeviceOfType(u1, "EMAIL");
        emulator.AddDeviceOfType(u1, "TOTP");
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "userId,phone,extension\n" +
                               $"{u0},+15125550000,\n" +        // 2 ready
                               $"{u0},+1 512 555 0000,\n" +     // 3 duplicate of 2
                               $"{u0},+15125550001,313\n" +     // 4 refused: extensions disabled
                               $"{u1},+15125550002,\n" +        // 5 refused: at the limit (2 of 2)
                               $"{u2},12,\n" +                  // 6 invalid
                               $"{u2},+15125550003,\n" +        // 7 ready
                               $"{u2},+15125550004,\n" +        // 8 ready (2 of 2 after 7)
                               $"{u2},+15125550005,\n");        // 9 refused: the limit, counting the rows before it

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--dry-run" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(2), "refused beats invalid: " + run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("pre-flight: phone extensions disabled, at most 2 devices per user"));
        Assert.That(EnrollFiles.ReadResults(csv).Select(r => r["status"]), Is.EqualTo(new[] { "ready", "duplicate", "refused", "refused", "invalid", "ready", "ready", "refused" }));
        Assert.That(run.Error, Does.Contain("Nothing was created."));
        Assert.That(emulator.DevicesOf(u0), Is.Empty);
        Assert.That(emulator.DevicesOf(u2), Is.Empty);
        Assert.That(File.Exists(csv + ".journal.jsonl"), Is.False);
    }

    [Test]
    public async Task DuplicateWhoseFirstOccurrenceIsInvalid_TheValidRepeatIsCreated_AndTheInvalidOneReported()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });
        var user = EmulatorSeed.GeneratedUserId(0);
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "userId,phone,policyId\n" +
                               $"{user},+15125550000,not-a-policy\n" +
                               $"{user},+1 512 555 0000,{EmulatorSeed.PolicyId}\n" +
                               $"{user},+1.512.555.0000,{EmulatorSeed.PolicyId}\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        var results = EnrollFiles.ReadResults(csv);
        Assert.That(results.Select(r => r["status"]), Is.EqualTo(new[] { "invalid", "created", "duplicate" }));
        Assert.That(results[2]["detail"], Is.EqualTo("same user, phone and extension as line 3"), "a duplicate names the first row that can be sent, not the invalid one");
        Assert.That(emulator.DevicesOf(user), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RecordSpanningTwoLines_IsReportedOnTheLineItStartsOn()
    {
        var user = EmulatorSeed.GeneratedUserId(0);
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "userId,phone,nickname\r\n" +
                               $"{user},+15125550000,\"Desk\r\nfloor 3\"\r\n" + // line 2-3
                               $"{user},+1 512 555 0000,\r\n");                    // line 4

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--dry-run" });

        Assert.That(run.Error, Does.Contain("  line 4: duplicate: same user, phone and extension as line 2"), run.Output + run.Error);
        Assert.That(EnrollFiles.ReadResults(csv).Select(r => r["line"]), Is.EqualTo(new[] { "2", "4" }));
    }

    // ---------------------------------------------------------------- secrets and numbers in what a run leaves behind

    [Test]
    public async Task JournalResultsAndConsole_NeverCarryTheClientSecretOrAToken_AndTheConsoleMasksFailedRowsNumbers()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1 });
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, "userId,phone\n" +
                               $"{EmulatorSeed.GeneratedUserId(0)},+15125550100\n" +
                               $"{EmulatorSeed.GeneratedUserId(9)},+15125550199\n"); // an unknown user: refused by PingOne (404)

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        foreach (var (name, text) in new[] { ("journal", File.ReadAllText(csv + ".journal.jsonl")), ("results", File.ReadAllText(csv + ".results.csv")), ("console", run.Output + run.Error) })
        {
            Assert.That(text, Does.Not.Contain(EmulatorSeed.ClientSecret), name);
            Assert.That(text, Does.Not.Contain("Bearer").IgnoreCase, name);
            Assert.That(text, Does.Not.Contain("access_token").IgnoreCase, name);
        }
        Assert.That(run.Output + run.Error, Does.Not.Contain("5125550199"), "the console (CI logs) does not carry the full number of a failed row");
    }

    // ---------------------------------------------------------------- pingone-voice emulator

    [Test]
    public async Task EmulatorCommand_PrintsTheGeneratedUsersPattern_AndItsFaults_ServesThem_AndStopsOnCancel()
    {
        var port = FreePort();
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var running = CliApp.RunAsync(
            new[] { "emulator", "--port", port.ToString(CultureInfo.InvariantCulture), "--generated-users", "3", "--server-errors", "0.5", "--lost-answers", "0.25", "--rate-limit", "40", "--seed", "1" },
            new StringReader(string.Empty), output, error, _ => null, stop.Token);
        await WaitForPortAsync(port, running);
        await Task.Delay(300);

        // A generated user exists on the running emulator: enroll against it (500s are retried).
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone\n{EmulatorSeed.GeneratedUserId(2)},+15125550002\n");
        var environment = new Dictionary<string, string>
        {
            ["PINGONE_API_URL"] = $"http://127.0.0.1:{port}/v1/", ["PINGONE_AUTH_URL"] = $"http://127.0.0.1:{port}/",
            ["PINGONE_ENVIRONMENT_ID"] = EmulatorSeed.EnvironmentId, ["PINGONE_CLIENT_ID"] = EmulatorSeed.ClientId, ["PINGONE_CLIENT_SECRET"] = EmulatorSeed.ClientSecret,
        };
        CliRun enroll = null!;
        for (var attempt = 0; attempt < 4 && enroll?.ExitCode is not 0; attempt++)
            enroll = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: environment);
        stop.Cancel();
        var code = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(code, Is.EqualTo(0), output + "\n" + error);
        var banner = output.ToString();
        Assert.That(banner, Does.Contain($"PingOne emulator listening on http://127.0.0.1:{port}"));
        Assert.That(banner, Does.Contain($"generated users {EmulatorSeed.GeneratedUserId(0)} .. {EmulatorSeed.GeneratedUserId(2)}"));
        Assert.That(banner, Does.Match(@"faults: 40 requests/s then 429, 50% 500 before the write, 25% of creates' answers lost after the write, seed 1\."));
        Assert.That(enroll.ExitCode, Is.EqualTo(0), "a generated user can be enrolled on the command's emulator: " + enroll.Output + enroll.Error);
    }

    [TestCase("--lost-answers", "1.5")]
    [TestCase("--server-errors", "NaN")]
    [TestCase("--dropped-connections", "-0.1")]
    [TestCase("--server-errors-after-create", "Infinity")]
    public async Task EmulatorCommand_FractionOutsideZeroToOne_ExitsOne_NamingTheOption(string option, string value)
    {
        var port = FreePort();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)); // if it starts anyway, it stops

        var run = await Cli.RunAsync(new[] { "emulator", "--port", port.ToString(CultureInfo.InvariantCulture), option, value }, cancellationToken: stop.Token);

        Assert.That(stop.IsCancellationRequested, Is.False, "it refused to start instead of running");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain(option).And.Contain("fraction"));
        Assert.That(run.Error, Does.Not.Contain("listening"));
    }

    // ---------------------------------------------------------------- helpers

    private string SimpleCsv(int users)
    {
        var path = Path.Combine(_folder, "users.csv");
        var text = new StringBuilder("userId,phone\n");
        for (var i = 0; i < users; i++) text.Append(EmulatorSeed.GeneratedUserId(i)).Append(",+1512555").Append(i.ToString("D4", CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, Task<int> running)
    {
        for (var i = 0; i < 400; i++)
        {
            if (running.IsCompleted) Assert.Fail($"the emulator command ended with {await running}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        Assert.Fail($"nothing listened on port {port}");
    }

    private static IReadOnlyDictionary<string, string> Settings(PingOneEmulator emulator) => emulator.EnvironmentVariables();

    /// <summary>An HR export written the way people write them: one key in many spellings, repeats far apart, BOM, CRLF, blank lines, quoted commas.</summary>
    private sealed class MessySheet
    {
        public required string Path { get; init; }

        public required List<(int Line, Key Key)> Rows { get; init; }

        public required HashSet<Key> Keys { get; init; }

        public IEnumerable<int> LineOfRow => Rows.Select(r => r.Line);

        public sealed record Key(string User, string Phone, string Extension);

        public static MessySheet Write(string path, int users, int rows, int seed)
        {
            var random = new Random(seed);
            var keys = new List<Key>();
            var number = 0;
            for (var user = 0; user < users; user++)
            {
                var id = EmulatorSeed.GeneratedUserId(user);
                var count = user % 3 == 0 ? 2 : 1;
                for (var k = 0; k < count; k++, number++)
                {
                    var phone = number % 5 == 4 ? "+61412" + (300_000 + number).ToString(CultureInfo.InvariantCulture) : "+1512555" + number.ToString("D4", CultureInfo.InvariantCulture);
                    keys.Add(new Key(id, phone, number % 4 == 1 ? "313" : string.Empty));
                }
                if (user % 11 == 0) keys.Add(new Key(id, keys[^1].Phone, keys[^1].Extension.Length == 0 ? "42" : string.Empty)); // the same number, another extension
            }
            var ordered = keys.ToList();
            while (ordered.Count < rows) ordered.Add(keys[random.Next(keys.Count)]);
            ordered = ordered.OrderBy(_ => random.Next()).ToList();

            var text = new StringBuilder("\uFEFF userId , Phone ,EXTENSION, nickname\r\n");
            var line = 2;
            var placed = new List<(int, Key)>();
            foreach (var key in ordered)
            {
                if (random.Next(40) == 0)
                {
                    text.Append("\r\n");
                    line++;
                }
                var (phoneCell, extensionCell) = Spell(key, random);
                text.Append(SpellUser(key.User, random)).Append(',').Append(Quote(phoneCell)).Append(',').Append(Quote(extensionCell)).Append(',')
                    .Append(random.Next(3) switch { 0 => "\"Desk, floor 3\"", 1 => "\"Mobile \"\"work\"\"\"", _ => string.Empty }).Append("\r\n");
                placed.Add((line++, key));
            }
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)); // the BOM is in the text
            return new MessySheet { Path = path, Rows = placed, Keys = keys.ToHashSet() };
        }

        private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

        private static string SpellUser(string id, Random random) => random.Next(4) switch
        {
            0 => id.ToUpperInvariant(),
            1 => "  " + id + " ",
            2 => new string(id.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray()),
            _ => id,
        };

        private static (string Phone, string Extension) Spell(Key key, Random random)
        {
            string phone;
            if (key.Phone.StartsWith("+61", StringComparison.Ordinal))
            {
                var n = key.Phone[3..]; // 412xxxxxx
                phone = random.Next(5) switch
                {
                    0 => $"+61 {n[..3]} {n[3..6]} {n[6..]}",
                    1 => $"+61 (0){n[..3]} {n[3..6]} {n[6..]}",
                    2 => $"+61.{n[..3]}.{n[3..6]}.{n[6..]}",
                    3 => $"  +61-{n[..3]}-{n[3..6]}-{n[6..]}  ",
                    _ => key.Phone,
                };
            }
            else
            {
                var d = key.Phone[8..];
                phone = random.Next(6) switch
                {
                    0 => $"+1 (512) 555-{d}",
                    1 => $"+1.512.555.{d}",
                    2 => $"+1-512-555-{d}",
                    3 => $"  +1 512 555 {d} ",
                    4 => $"001 512 555 {d}",
                    _ => key.Phone,
                };
            }
            if (key.Extension.Length == 0) return (phone, random.Next(5) == 0 ? "  " : string.Empty);
            return random.Next(3) switch
            {
                0 => (phone + " ext. " + key.Extension, string.Empty),
                1 => (phone + " x" + key.Extension, string.Empty),
                _ => (phone, " " + key.Extension + " "),
            };
        }
    }
}
