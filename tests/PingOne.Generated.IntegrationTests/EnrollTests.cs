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
        Assert.That(run.Output, Does.Contain("enrolled 1000 rows").And.Contain("created 900, existing 0, invalid 100, failed 0"));
        var results = File.ReadAllLines(csv + ".results.csv");
        Assert.That(results[0], Is.EqualTo("row,userId,status,deviceId,error"));
        Assert.That(results.Skip(1).Count(line => line.Contains(",created,", StringComparison.Ordinal)), Is.EqualTo(900));
        Assert.That(results.Skip(1).Count(line => line.Contains(",invalid,", StringComparison.Ordinal)), Is.EqualTo(100));
        AssertOneDevicePerValidRow(emulator, 1000, invalidEvery: 10);
    }

    [Test]
    public async Task SecondRunOverTheSameUsers_ReportsExistingDevices_AndCreatesNothing()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 20 });
        var csv = WriteCsv(20);
        await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--journal", Path.Combine(_folder, "first.jsonl") }, environment: Settings(emulator));

        var again = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--journal", Path.Combine(_folder, "second.jsonl") }, environment: Settings(emulator));

        Assert.That(again.ExitCode, Is.EqualTo(0), again.Output + again.Error);
        Assert.That(again.Output, Does.Contain("created 0, existing 20"));
        AssertOneDevicePerValidRow(emulator, 20);
    }

    [Test]
    public async Task UnderAnEmulatorRateLimit_429sSlowTheRunDown_AndEveryRowIsCreated()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 120, RateLimitPerSecond = 60 });
        var csv = WriteCsv(120);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId, "--concurrency", "16" }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("created 120, existing 0, invalid 0, failed 0"));
        var throttles = int.Parse(run.Output.Split("429 answers ")[1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(throttles, Is.GreaterThan(0), "the emulator's limit was reached");
        AssertOneDevicePerValidRow(emulator, 120);
    }

    [Test]
    public async Task ServerErrorsAfterCreating_LeaveNoDuplicates()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 200, ServerErrorAfterCreateRate = 0.3, RandomSeed = 42 });
        var csv = WriteCsv(200);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        AssertOneDevicePerValidRow(emulator, 200);
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
        Assert.That(run.Output, Does.Contain("created 1, existing 1, invalid 0, failed 0"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)).Single().Id, Is.EqualTo(stored));
        Assert.That(File.ReadAllLines(csv + ".results.csv")[1], Does.StartWith($"2,{EmulatorSeed.GeneratedUserId(0)},exists,{stored},"));
        AssertOneDevicePerValidRow(emulator, 2);
    }

    [Test]
    public async Task RowsPingOneRefuses_ExitTwo_WithoutAskingToRunAgain()
    {
        await using var emulator = await PingOneEmulator.StartAsync(); // no generated users: every row's user is unknown
        var csv = WriteCsv(2);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("created 0, existing 0, invalid 0, failed 2"));
        Assert.That(run.Output, Does.Contain("  line 2: failed: PingOne answered HTTP 404 NOT_FOUND"));
        Assert.That(run.Output, Does.Not.Contain("Run the same command again"));
        Assert.That(File.ReadAllText(csv + ".journal.jsonl"), Does.Contain("\"Kind\":\"Refused\""));
    }

    [Test]
    public async Task RowsPingOneCannotServe_ExitThree_AndAskToRunTheSameCommandAgain()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 1, ServerErrorRate = 1 });
        var csv = WriteCsv(1);

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("  line 2: failed: PingOne answered HTTP 500 UNEXPECTED_ERROR"));
        Assert.That(run.Output, Does.Contain("Run the same command again"));
        Assert.That(run.Output, Does.Not.Contain("SafeRetry"));
        Assert.That(File.ReadAllText(csv + ".journal.jsonl"), Does.Contain("\"Kind\":\"Unavailable\""));
        Assert.That(emulator.DevicesOf(EmulatorSeed.GeneratedUserId(0)), Is.Empty);
    }

    [TestCase(ExpectedResult = 0)]
    [TestCase("created", "exists", ExpectedResult = 0)]
    [TestCase("created", "invalid", ExpectedResult = 1)]
    [TestCase("invalid", "Refused", ExpectedResult = 2)]
    [TestCase("Refused", "Unavailable", ExpectedResult = 3)]
    [TestCase("RateLimited", ExpectedResult = 3)]
    [TestCase("Unreachable", ExpectedResult = 3)]
    [TestCase("TimedOut", ExpectedResult = 3)]
    [TestCase("OutcomeUnknown", ExpectedResult = 3)]
    [TestCase("InvalidResponse", ExpectedResult = 3)]
    public int ExitCode_ComesFromTheRowsStatusesAndFailureKinds(params string[] rows) =>
        EnrollCommand.ExitCode(rows.Select((row, i) => Enum.TryParse<PingOneFailureKind>(row, out var kind)
            ? new RowResult(i + 2, "u", RowStatus.Failed, Error: "PingOne could not be reached", Kind: kind) // the text must not matter
            : new RowResult(i + 2, "u", row)).ToList());

    [Test]
    public async Task WithTheEmulator_RowsWithoutAPolicyUseTheSeedPolicy()
    {
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone\n{EmulatorSeed.UserId},+1 (512) 555-1234\n{EmulatorSeed.SecondUserId},+44 20 7946 0958\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--emulator" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("created 2, existing 0, invalid 0, failed 0"));
        Assert.That(run.Error, Does.Contain("using the embedded emulator"));
    }

    [Test]
    public async Task DryRun_WithPhoneRegion_AcceptsNationalNumbers()
    {
        var csv = Path.Combine(_folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone,policyId\nu1,(512) 555-1234,{EmulatorSeed.PolicyId}\n");

        var without = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run" });
        var with = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run", "--phone-region", "US" });

        Assert.That(without.ExitCode, Is.EqualTo(1));
        Assert.That(with.ExitCode, Is.EqualTo(0), with.Output);
        Assert.That(with.Output, Does.Contain("1 valid, 0 invalid"));
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
        await WaitForJournalLinesAsync(journal, 60);
        stop.Cancel();
        try { await first; } catch (OperationCanceledException) { }
        var before = Enumerable.Range(0, 300).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count);
        Assert.That(before, Is.LessThan(300), "the first run stopped before the end");

        var resumed = await Cli.RunAsync(args, environment: Settings(emulator));

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Output + resumed.Error);
        AssertOneDevicePerValidRow(emulator, 300);
    }

    [Test]
    public async Task KilledProcess_ThenResumed_EndsWithOneDevicePerRow()
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
            await WaitForJournalLinesAsync(journal, 60);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.That(Enumerable.Range(0, 300).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count), Is.LessThan(300), "the process was killed before the end");

        var resumed = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: Settings(emulator));

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Output + resumed.Error);
        AssertOneDevicePerValidRow(emulator, 300);
    }

    [Test]
    public async Task DryRun_ReadsBomSemicolonsQuotesAndBlankLines_ReportsBadRowsByLine_AndSendsNothing()
    {
        var csv = Path.Combine(_folder, "hr-export.csv");
        var text = "userId;phone;extension;nickname;policyId\r\n" +
                   $"u1;\"+1 (512) 555-1234\";313#;\"Desk; main\";{EmulatorSeed.PolicyId}\r\n" +
                   "\r\n" +
                   $"u2;(512) 555-1234;;;{EmulatorSeed.PolicyId}\r\n" +
                   $";+15125551234;;;{EmulatorSeed.PolicyId}\r\n" +
                   $"u4;+44 20 7946 0958;31a;;{EmulatorSeed.PolicyId}\r\n";
        File.WriteAllText(csv, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--dry-run" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("line 4: MissingCountryCode"));
        Assert.That(lines[1], Does.StartWith("line 5: userId is empty"));
        Assert.That(lines[2], Does.StartWith("line 6: InvalidExtension"));
        Assert.That(lines[3], Does.StartWith("dry run: 4 rows, 1 valid, 3 invalid; nothing was sent."));
        Assert.That(run.Error, Does.Not.Contain("emulator"), "a dry run connects to nothing");
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

    private static async Task<string> CreateRawAsync(PingOneEmulator emulator, string userId, string phone, string extension)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.ApiBaseAddress, $"environments/{EmulatorSeed.EnvironmentId}/users/{userId}/devices"))
        {
            Content = new StringContent(new JObject { ["type"] = "VOICE", ["phone"] = phone, ["extension"] = extension, ["policy"] = new JObject { ["id"] = EmulatorSeed.PolicyId } }.ToString(), Encoding.UTF8, "application/json"),
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

    private static async Task WaitForJournalLinesAsync(string journal, int lines)
    {
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(journal))
            {
                using var stream = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                if ((await reader.ReadToEndAsync()).Split('\n').Length > lines) return;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"the journal never reached {lines} lines");
    }

    private static IReadOnlyDictionary<string, string> Settings(PingOneEmulator emulator) => emulator.EnvironmentVariables();
}
