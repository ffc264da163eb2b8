using System.Diagnostics;
using System.Globalization;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// An outsider's tests of issue 20's new enrollment inputs against the emulator, with users seeded through the Users
/// API as a person would (<c>POST …/users</c>): a messy directory enrolled straight from the profiles with a kill in
/// between, and a spreadsheet naming people by username and email. Expectations come from the issue and the docs.
/// </summary>
public class EnrollDirectoryOutsiderTests
{
    // The emulator knows two populations: the messy users go to Contractors, the untouched others (and the seed users) are Employees.
    private const string Population = EmulatorSeed.ContractorsPopulationId;
    private const string OtherPopulation = EmulatorSeed.PopulationId;
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("pingone-enroll-directory-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>What a seeded user should end as, and with which phone.</summary>
    private sealed record Seeded(string Id, string Kind, string? Phone, IReadOnlyList<VoiceDevice> Before);

    [Test]
    public async Task MessyDirectory_5200UsersOver27Pages_KilledMidRun_ThenRerun_GivesEachEligibleUserOneVoiceDeviceForTheirProfilePhone_AndNothingElse()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { RandomSeed = 20 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var env = EmulatorSeed.EnvironmentId;
        var seeded = new List<Seeded>();
        var others = new List<string>();
        var requests = Enumerable.Range(0, 5_200).Select(i => (i, Messy(i))).ToList();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (item, ct) =>
        {
            var (i, (request, kind, phone)) = item;
            var user = await client.CreateUserAsync(env, request, ct);
            if (kind == "exists") await client.CreateVoiceDeviceAsync(env, user.Id!, new CreateVoiceDeviceRequest { Phone = phone!, Policy = new DevicePolicyReference { Id = EmulatorSeed.PolicyId } }, ct);
            if (kind == "has-sms") emulator.AddDeviceOfType(user.Id!, "SMS");
            lock (seeded) seeded.Add(new Seeded(user.Id!, kind, phone, emulator.DevicesOf(user.Id!)));
        });
        for (var i = 0; i < 40; i++) // another population, with phones: not selected, never touched
        {
            var user = await client.CreateUserAsync(env, new CreateUserRequest
            {
                Username = $"other{i}", Email = $"other{i}@example.com", Population = new PopulationReference { Id = OtherPopulation }, MobilePhone = "+1 512 555 0" + (100 + i).ToString(CultureInfo.InvariantCulture),
            });
            others.Add(user.Id!);
        }

        var journal = Path.Combine(_folder, "directory.journal.jsonl");
        var results = Path.Combine(_folder, "directory.results.csv");
        var args = new[] { "enroll", "--from-directory", "--phone-attribute", "mobilePhone", "--population", Population, "--policy", EmulatorSeed.PolicyId, "--concurrency", "8", "--journal", journal, "--results", results };

        // Run 1: a separate process, killed (SIGKILL) once it has journaled 600 steps.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "pingone-voice.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in emulator.EnvironmentVariables()) start.Environment[name] = value;
        using (var process = Process.Start(start)!)
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await EnrollFiles.WaitForLinesAsync(journal, 600);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var eligible = seeded.Where(s => s.Kind is "e164" or "national-us" or "national-gb" or "shared-email" or "has-sms").ToList();
        var createdBefore = eligible.Count(s => emulator.DevicesOf(s.Id).Count > s.Before.Count);
        Assert.That(createdBefore, Is.GreaterThan(0).And.LessThan(eligible.Count), "killed mid-run");

        // Run 2 (and a third if PingOne was unreachable for some): the same command.
        var runs = new List<CliRun>();
        do runs.Add(await Cli.RunAsync(args, environment: emulator.EnvironmentVariables()));
        while (runs[^1].ExitCode == 3 && runs.Count < 3);
        var last = runs[^1];
        var log = string.Join("\n---\n", runs.Select(r => r.ExitCode + "\n" + r.Output + r.Error));

        // Invalid profile phones are reported, so the documented exit code is 1, with every other user done.
        Assert.That(last.ExitCode, Is.EqualTo(1), log);
        int Count(string kind) => seeded.Count(s => s.Kind == kind);
        Assert.That(last.Error, Does.Contain($"enroll: 5200 users of the mobilePhone of population {Population} in"), log);
        Assert.That(last.Error, Does.Contain(
            $"no-phone {Count("no-phone")}, disabled {Count("disabled")}, invalid {Count("national-no-country") + Count("bad")}, refused 0, failed 0"), log);
        // A create the kill cut off before its answer was journaled is found on the rerun: exists, not created twice.
        var counts = System.Text.RegularExpressions.Regex.Match(last.Error, @" s: created (\d+), exists (\d+),");
        Assert.That(int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture),
            Is.EqualTo(eligible.Count + Count("exists")), log);
        Assert.That(last.Error, Does.Contain("reading the mobilePhone of population " + Population));

        // The emulator: each eligible user has exactly what they had plus one voice device for their profile phone.
        foreach (var user in seeded)
        {
            var after = emulator.DevicesOf(user.Id);
            var added = after.Where(d => user.Before.All(b => b.Id != d.Id)).ToList();
            if (eligible.Contains(user))
            {
                Assert.That(added, Has.Count.EqualTo(1), $"{user.Kind} {user.Id}: one device added");
                Assert.That((added[0].Type, added[0].Phone), Is.EqualTo(("VOICE", user.Phone)), $"{user.Kind} {user.Id}: a voice device for the profile phone");
            }
            else Assert.That(added, Is.Empty, $"{user.Kind} {user.Id}: nothing created");
            Assert.That(after.Where(d => user.Before.Any(b => b.Id == d.Id)).Select(d => d.Id), Is.EquivalentTo(user.Before.Select(b => b.Id)), $"{user.Kind}: no device removed");
        }
        foreach (var id in others) Assert.That(emulator.DevicesOf(id), Is.Empty, "a user outside the selection is not touched");

        // The results file: one row per user of the population, with the status their profile calls for.
        var rows = EnrollFiles.ReadResultsFile(results);
        Assert.That(rows, Has.Count.EqualTo(5_200));
        var byUser = rows.ToDictionary(r => r["userId"]);
        foreach (var user in seeded)
        {
            var row = byUser[user.Id];
            var expected = user.Kind switch
            {
                "disabled" => "disabled",
                "no-phone" => "no-phone",
                "national-no-country" or "bad" => "invalid",
                "exists" => "exists",
                _ => "created",
            };
            Assert.That(row["status"], expected == "created" ? Is.AnyOf("created", "exists") : Is.EqualTo(expected), $"{user.Kind} {user.Id}: {row["detail"]}");
            Assert.That(row["identifier"], Does.StartWith("username:"));
            if (user.Kind == "national-no-country")
                Assert.That(row["detail"], Does.StartWith("MissingCountryCode: The user's mobilePhone cannot be used").And.Contain("no address.countryCode").And.Not.Contain("Parameter"));
            if (expected is "created" or "exists") Assert.That(row["phone"], Is.EqualTo("'" + user.Phone));
        }
    }

    // The user i of the messy population: what is sent to create it, what the run should make of it, and its canonical phone.
    private static (CreateUserRequest Request, string Kind, string? Phone) Messy(int i)
    {
        var n = (i % 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var request = new CreateUserRequest { Username = $"messy.user{i}", Email = $"messy.user{i}@example.com", Population = new PopulationReference { Id = Population } };
        switch (i % 10)
        {
            case 0:
                request.Enabled = false;
                request.MobilePhone = "+1 512 555 " + n;
                return (request, "disabled", null);
            case 1:
                request.PrimaryPhone = "+1 512 555 " + n; // the other attribute only
                return (request, "no-phone", null);
            case 2:
                request.MobilePhone = $"(737) 555-{n}";
                request.Address = new UserAddress { CountryCode = "US" };
                return (request, "national-us", "+1737555" + n);
            case 3:
                request.MobilePhone = $"(737) 555-{n}"; // national, and no country to read it with
                return (request, "national-no-country", null);
            case 4:
                request.MobilePhone = "020 7946 " + n;
                request.Address = new UserAddress { CountryCode = "GB" };
                return (request, "national-gb", "+4420794" + "6" + n);
            case 5:
                request.Email = "shared.mailbox@example.com"; // many users, one email
                request.MobilePhone = "+1-512-555-" + n;
                return (request, "shared-email", "+1512555" + n);
            case 6:
                request.MobilePhone = "12";
                return (request, "bad", null);
            case 7:
                request.MobilePhone = "+1.512.555." + n;
                return (request, "exists", "+1512555" + n);
            case 8:
                request.MobilePhone = "+1 512 555 " + n;
                return (request, "has-sms", "+1512555" + n);
            default:
                request.MobilePhone = "+15125550" + (i % 1000).ToString("D3", CultureInfo.InvariantCulture);
                return (request, "e164", "+15125550" + (i % 1000).ToString("D3", CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public async Task SpreadsheetOfUsernamesAndEmails_ResolvesEachRowToItsUser_ReportsTheRestInvalid_AndTheJournalResumesByUserId()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { RandomSeed = 21 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var env = EmulatorSeed.EnvironmentId;
        async Task<string> Seed(string username, string email) =>
            (await client.CreateUserAsync(env, new CreateUserRequest { Username = username, Email = email, Population = new PopulationReference { Id = Population } })).Id!;
        var ada = await Seed("ada.lovelace", "ada@example.com");
        var alan = await Seed("alan.turing", "alan@example.com");
        var quoted = await Seed("o\"brien\\x", "obrien@example.com"); // a " and a \ in the username
        await Seed("grace", "team@example.com");
        await Seed("hopper", "team@example.com");
        var csv = Path.Combine(_folder, "people.csv");
        File.WriteAllText(csv,
            "Username,EMAIL,phone\n" +
            "ADA.LOVELACE,,+1 512 555 0001\n" +            // 2: username, in another case
            ",alan@example.com,+1 512 555 0002\n" +         // 3: email
            "\"o\"\"brien\\x\",,+1 512 555 0003\n" +         // 4: the quoted username
            "nobody,,+1 512 555 0004\n" +                   // 5: unknown
            ",team@example.com,+1 512 555 0005\n" +         // 6: shared email
            "ada.lovelace,alan@example.com,+1 512 555 0006\n" + // 7: columns disagree
            "ada.lovelace,ada@example.com,+1 512 555 0001\n"); // 8: the same key as line 2
        var args = new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId };

        var first = await Cli.RunAsync(args, environment: emulator.EnvironmentVariables());
        var second = await Cli.RunAsync(args, environment: emulator.EnvironmentVariables());

        Assert.That(first.ExitCode, Is.EqualTo(1), first.Output + first.Error);
        Assert.That(first.Error, Does.Contain("resolved 6 distinct usernames/emails by reading the directory (8 users, 1 page of up to 200)."));
        Assert.That(first.Error, Does.Contain("enroll: 7 rows in").And.Contain("created 3, exists 0, duplicate 1, invalid 3, refused 0, failed 0;"));
        Assert.That(first.Output + first.Error, Does.Not.Contain("nobody").And.Not.Contain("team@example.com"), "identifier values stay in the results file");
        Assert.That(emulator.DevicesOf(ada).Single().Phone, Is.EqualTo("+15125550001"));
        Assert.That(emulator.DevicesOf(alan).Single().Phone, Is.EqualTo("+15125550002"));
        Assert.That(emulator.DevicesOf(quoted).Single().Phone, Is.EqualTo("+15125550003"));

        var results = EnrollFiles.ReadResults(csv).ToDictionary(r => r["line"]);
        Assert.That(File.ReadLines(csv + ".results.csv").First(), Is.EqualTo("line,userId,identifier,input,phone,extension,status,deviceId,detail"));
        Assert.That((results["2"]["identifier"], results["2"]["userId"], results["2"]["status"]), Is.EqualTo(("username:ADA.LOVELACE", ada, "created")));
        Assert.That((results["3"]["identifier"], results["3"]["userId"]), Is.EqualTo(("email:alan@example.com", alan)));
        Assert.That(results["4"]["userId"], Is.EqualTo(quoted));
        Assert.That((results["5"]["status"], results["5"]["detail"]), Is.EqualTo(("invalid", "no user with this username")));
        Assert.That(results["6"]["detail"], Is.EqualTo("2 users share this email; name the user by username or userId"));
        Assert.That(results["7"]["detail"], Is.EqualTo("username and email name different users; leave one column or correct it"));
        Assert.That((results["8"]["status"], results["8"]["detail"]), Is.EqualTo(("duplicate", "same user, phone and extension as line 2")));
        var journal = File.ReadAllLines(csv + ".journal.jsonl");
        Assert.That(journal.Any(line => line.Contains($"\"user\":\"{ada}\"", StringComparison.Ordinal) && line.Contains("\"identifier\":\"username:ADA.LOVELACE\"", StringComparison.Ordinal)), string.Join("\n", journal));

        Assert.That(second.ExitCode, Is.EqualTo(1), second.Output + second.Error);
        Assert.That(second.Error, Does.Contain("created 3, exists 0, duplicate 1, invalid 3,"), "kept from the journal by resolved user id");
        Assert.That(EnrollFiles.ReadResults(csv).Count(r => r["detail"] == "kept from the journal of an earlier run"), Is.EqualTo(3));
        Assert.That(emulator.DevicesOf(ada), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task HostileUsernameInALargeDirectory_IsLookedUpWithAnEscapedFilter_AndOnlyItsUserGetsADevice()
    {
        // 3,000 users: one page read does not find the name, so it is looked up: username eq "…" with the value escaped.
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 3_000 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        const string hostile = "x\" or username sw \"user\\";
        var target = (await client.CreateUserAsync(EmulatorSeed.EnvironmentId, new CreateUserRequest { Username = hostile, Email = "hostile@example.com" })).Id!;
        var csv = Path.Combine(_folder, "one.csv");
        File.WriteAllText(csv, "username,phone\n\"x\"\" or username sw \"\"user\\\",+1 512 555 0199\n");

        var run = await Cli.RunAsync(new[] { "enroll", "--csv", csv, "--policy", EmulatorSeed.PolicyId }, environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Does.Contain("resolved 1 distinct usernames/emails by 1 filtered look-up after reading 1 page of the directory"));
        Assert.That(emulator.DevicesOf(target).Single().Phone, Is.EqualTo("+15125550199"));
        Assert.That(Enumerable.Range(0, 3_000).Sum(i => emulator.DevicesOf(EmulatorSeed.GeneratedUserId(i)).Count), Is.Zero, "an unescaped filter would have matched every user000…");
    }
}
