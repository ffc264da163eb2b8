using Newtonsoft.Json.Linq;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary><c>pingone-voice</c> run in-process: its output and exit codes.</summary>
public class CliTests
{
    private const string Device = "0a6d3c4e-95b1-4a3a-9f2e-0c1d2e3f4a5b";

    [Test]
    public async Task TheReadmesMainCommand_CreatesTheDeviceInTheEmbeddedEmulator_AndPrintsIt()
    {
        // dotnet run --project src/PingOne.Generated.Cli -- create --emulator --phone "+1 (512) 555-1234" --extension "313#"
        var run = await Cli.RunAsync(new[] { "create", "--emulator", "--phone", "+1 (512) 555-1234", "--extension", "313#" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var device = JObject.Parse(run.Output);
        Assert.That(device["phone"]!.Value<string>(), Is.EqualTo("+15125551234"), "the client sends E.164 and the emulator echoes what it was sent");
        Assert.That(device["extension"]!.Value<string>(), Is.EqualTo("313#"));
        Assert.That(device["type"]!.Value<string>(), Is.EqualTo("VOICE"));
        Assert.That(device["status"]!.Value<string>(), Is.EqualTo("ACTIVE"));
        Assert.That(device["user"]!["id"]!.Value<string>(), Is.EqualTo(EmulatorSeed.UserId));
        Assert.That(run.Error.Trim(), Does.StartWith("pingone-voice: --emulator: using the embedded emulator at http://127.0.0.1:"));
    }

    [TestCase("create", "--phone", "+15125551234")]
    [TestCase("get", "--device", Device)]
    [TestCase("list")]
    [TestCase("rename", "--device", Device, "--nickname", "Desk")]
    [TestCase("activate", "--device", Device, "--otp", "123456")]
    [TestCase("delete", "--device", Device)]
    [TestCase("order", "--device", Device, "--first")]
    [TestCase("block", "--device", Device)]
    [TestCase("unblock", "--device", Device)]
    [TestCase("unlock", "--device", Device)]
    [TestCase("enroll", "--csv", "{csv}")]
    public async Task WithNeitherSettingsNorEmulator_ExitsOne_WithOneLineNamingTheSettingsAndTheEmulatorOption(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("pingone-cli-").FullName;
        var csv = Path.Combine(folder, "users.csv");
        File.WriteAllText(csv, $"userId,phone,policyId\n{EmulatorSeed.UserId},+15125551234,{EmulatorSeed.PolicyId}\n");

        CliRun run;
        bool journalWritten;
        try
        {
            run = await Cli.RunAsync(args.Select(a => a.Replace("{csv}", csv, StringComparison.Ordinal)).ToArray());
            journalWritten = File.Exists(csv + ".journal.jsonl");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Does.StartWith("pingone-voice: No PingOne settings given"));
        foreach (var name in new[] { "PINGONE_ENVIRONMENT_ID", "PINGONE_CLIENT_ID", "PINGONE_CLIENT_SECRET", "PINGONE_ACCESS_TOKEN", "--emulator" })
            Assert.That(lines[0], Does.Contain(name));
        Assert.That(journalWritten, Is.False, "nothing was started");
    }

    [Test]
    public async Task Emulator_IgnoresPingOneVariables_AndSaysSo()
    {
        await using var elsewhere = await PingOneEmulator.StartAsync();
        var environment = elsewhere.EnvironmentVariables();

        var run = await Cli.RunAsync(new[] { "create", "--emulator", "--phone", "+15125551234" }, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Does.Contain("pingone-voice: --emulator: ignoring PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET, PINGONE_API_URL, PINGONE_AUTH_URL from the environment."));
        Assert.That(run.Error, Does.Contain("using the embedded emulator"));
        Assert.That(JObject.Parse(run.Output)["user"]!["id"]!.Value<string>(), Is.EqualTo(EmulatorSeed.UserId));
        Assert.That(elsewhere.DevicesOf(EmulatorSeed.UserId), Is.Empty, "the server the variables point at was not called");
    }

    [Test]
    public async Task Emulator_WithoutPingOneVariables_SaysNothingAboutThem()
    {
        var run = await Cli.RunAsync(new[] { "list", "--emulator" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Does.Not.Contain("ignoring"));
        Assert.That(JArray.Parse(run.Output), Is.Empty);
    }

    [TestCase("--environment", EmulatorSeed.EnvironmentId)]
    [TestCase("--client-id", EmulatorSeed.ClientId)]
    [TestCase("--client-secret", EmulatorSeed.ClientSecret)]
    [TestCase("--access-token", "t")]
    [TestCase("--pingone-region", "EU")]
    [TestCase("--api-url", "http://127.0.0.1:9/v1/")]
    [TestCase("--auth-url", "http://127.0.0.1:9/")]
    public async Task Emulator_WithAPingOneOption_ExitsOneNamingIt(string option, string value)
    {
        var run = await Cli.RunAsync(new[] { "create", "--emulator", "--phone", "+15125551234", option, value });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error.Trim(), Does.StartWith($"pingone-voice: --emulator cannot be combined with {option}:"));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"));
    }

    [TestCase("create", "--phone", "+15125551234", "--policy", EmulatorSeed.PolicyId, ExpectedResult = "--user is required")]
    [TestCase("create", "--phone", "+15125551234", "--user", EmulatorSeed.UserId, ExpectedResult = "--policy is required")]
    [TestCase("list", ExpectedResult = "--user is required")]
    [TestCase("delete", "--device", Device, ExpectedResult = "--user is required")]
    public async Task<string> WithoutTheEmulator_UserAndPolicyHaveNoDefault(params string[] args)
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var run = await Cli.RunAsync(args, environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Is.Empty);
        return run.Error.Trim().Replace("pingone-voice: ", string.Empty, StringComparison.Ordinal).Split(" (")[0];
    }

    [Test]
    public async Task CredentialOptions_ReplaceTheCredentialVariables()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var environment = emulator.EnvironmentVariables().Where(v => v.Key is not ("PINGONE_CLIENT_ID" or "PINGONE_CLIENT_SECRET"))
            .Append(new KeyValuePair<string, string>("PINGONE_ACCESS_TOKEN", "stale-token")).ToDictionary(v => v.Key, v => v.Value);

        var run = await Cli.RunAsync(new[] { "list", "--user", EmulatorSeed.UserId, "--client-id", EmulatorSeed.ClientId, "--client-secret", EmulatorSeed.ClientSecret }, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [TestCase("--api-url", "http://example.com/v1/", "--api-url / PINGONE_API_URL")]
    [TestCase("--api-url", "https://api.example.com/v1/?x=1", "--api-url / PINGONE_API_URL")]
    [TestCase("--pingone-region", "XX", "--pingone-region / PINGONE_REGION")]
    [TestCase("--environment", " ", "--environment or PINGONE_ENVIRONMENT_ID")]
    [TestCase("--environment", "e", "--environment / PINGONE_ENVIRONMENT_ID must be a PingOne id")]
    public async Task UnusableSettings_ExitOneNamingTheOption(string option, string value, string named)
    {
        var settings = new Dictionary<string, string> { ["--environment"] = EmulatorSeed.EnvironmentId, ["--access-token"] = "t", [option] = value };

        var run = await Cli.RunAsync(new[] { "list", "--user", EmulatorSeed.UserId }.Concat(settings.SelectMany(s => new[] { s.Key, s.Value })).ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain(named));
        Assert.That(run.Error, Does.Not.Contain("PingOne:"), "the CLI names its options and variables, not the library's configuration keys");
    }

    [Test]
    public async Task Create_WithEnvironmentVariables_TalksToThatServer()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var environment = emulator.EnvironmentVariables();

        var run = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.SecondUserId, "--policy", EmulatorSeed.PolicyId, "--phone", "15125551234", "--nickname", "Desk" }, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(emulator.DevicesOf(EmulatorSeed.SecondUserId).Single().Nickname, Is.EqualTo("Desk"));
        Assert.That(emulator.DevicesOf(EmulatorSeed.SecondUserId).Single().Phone, Is.EqualTo("+15125551234"));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public async Task Create_WithABadPhone_ExitsOneWithOneLine()
    {
        var run = await Cli.RunAsync(new[] { "create", "--emulator", "--phone", "(512) 555-1234" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), run.Error);
        Assert.That(lines[0], Is.EqualTo("pingone-voice: --phone has no country calling code: write it with + and the country code (e.g. +1 512 555 1234), or pass --phone-region (e.g. --phone-region US) to accept national numbers."));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"), "the phone is checked before anything starts");
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task Create_RefusedByPingOne_ExitsTwoNamingTheCodeAndField()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false });

        var run = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.UserId, "--policy", EmulatorSeed.PolicyId, "--phone", "+15125551234", "--extension", "9",
            "--api-url", emulator.ApiBaseAddress.ToString(), "--auth-url", emulator.BaseAddress.ToString(), "--environment", EmulatorSeed.EnvironmentId,
            "--client-id", EmulatorSeed.ClientId, "--client-secret", EmulatorSeed.ClientSecret });

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim(), Does.StartWith("pingone-voice: PingOne answered HTTP 400 INVALID_DATA").And.Contain("[extension]"));
    }

    [Test]
    public async Task Create_WhenPingOneFailsWhileCreating_ExitsThree_SayingTheDeviceMayExist()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { ServerErrorRate = 1 });

        var run = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.UserId, "--policy", EmulatorSeed.PolicyId, "--phone", "+15125551234" }, environment: emulator.EnvironmentVariables());

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Error.Trim(), Does.StartWith("pingone-voice: PingOne answered HTTP 500 UNEXPECTED_ERROR").And.Contain("may have been created"));
    }

    [TestCase(400, ExpectedResult = 2)]
    [TestCase(401, ExpectedResult = 2)]
    [TestCase(404, ExpectedResult = 2)]
    [TestCase(409, ExpectedResult = 2)]
    [TestCase(408, ExpectedResult = 3)]
    [TestCase(429, ExpectedResult = 3)]
    [TestCase(500, ExpectedResult = 3)]
    [TestCase(503, ExpectedResult = 3)]
    [TestCase(200, ExpectedResult = 3)]
    public async Task<int> ExitCode_ComesFromTheFailureKind(int status)
    {
        var error = new StringWriter();
        var cli = new CliContext(TextReader.Null, TextWriter.Null, error, _ => null);
        var failure = new PingOneException(status, new PingOneError { Code = "SOME_CODE", Message = "Something." });

        var code = await cli.GuardAsync(() => throw failure);

        Assert.That(error.ToString().Trim(), Is.EqualTo("pingone-voice: " + failure.Message));
        Assert.That(code, Is.EqualTo(ExitCodes.For(failure.Kind)));
        return code;
    }

    [Test]
    public async Task ExitCode_ForCallerMistakesAndSettings_IsOne()
    {
        var cli = new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, _ => null);

        Assert.That(await cli.GuardAsync(() => throw new PingOneConfigurationException("PingOne:ClientId is required.")), Is.EqualTo(1));
        Assert.That(await cli.GuardAsync(() => throw new ArgumentException("--user is required.")), Is.EqualTo(1));
        Assert.That(await cli.GuardAsync(() => throw new InvalidPhoneNumberException(PhoneNumberProblem.Empty, "No phone.", "phone")), Is.EqualTo(1));
    }

    [Test]
    public void ExitCode_IsNotInventedForOtherFailures()
    {
        var cli = new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, _ => null);

        Assert.ThrowsAsync<InvalidOperationException>(() => cli.GuardAsync(() => throw new InvalidOperationException("a bug")));
        Assert.ThrowsAsync<OperationCanceledException>(() => cli.GuardAsync(() => throw new OperationCanceledException()));
    }

    [Test]
    public async Task Create_WhenPingOneCannotBeReached_ExitsThree()
    {
        var run = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.UserId, "--policy", EmulatorSeed.PolicyId, "--phone", "+15125551234",
            "--api-url", "http://127.0.0.1:9/v1/", "--environment", EmulatorSeed.EnvironmentId, "--access-token", "t" });

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Error, Does.StartWith("pingone-voice: "));
    }

    [TestCase("delete", "--device", "..", "--device")]
    [TestCase("get", "--device", "../..", "--device")]
    [TestCase("list", "--user", "a/b", "--user")]
    [TestCase("rename", "--device", "%2e%2e", "--device")]
    public async Task AnIdThatIsNotAUuid_ExitsOne_NamingIt_BeforeAnythingIsSent(string command, string option, string hostile, string parameter)
    {
        var args = new List<string> { command, "--emulator", option, hostile };
        if (command is "get" or "delete" or "rename" && option != "--device") args.AddRange(new[] { "--device", Guid.NewGuid().ToString() });
        if (command == "rename") args.AddRange(new[] { "--nickname", "Desk" });

        var run = await Cli.RunAsync(args.ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error.Trim(), Does.StartWith("pingone-voice: " + parameter + " must be a PingOne id: a UUID").And.EndWith($"See 'pingone-voice {command} --help'."));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"), "ids are checked before anything starts");
    }

    [Test]
    public async Task Normalize_WritesOneJsonObjectPerLine_AndExitsOneOnABadLine()
    {
        var run = await Cli.RunAsync(new[] { "normalize", "--phone-region", "US" }, input: "+1.5125551234\n(512) 555-1234 x313#\nnot a number\n");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines[0].ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"line":1,"input":"+1.5125551234","phone":"+15125551234","extension":null}"""));
        Assert.That(lines[1]["extension"]!.Value<string>(), Is.EqualTo("313#"));
        Assert.That(lines[2]["error"]!["reason"]!.Value<string>(), Is.EqualTo("NotANumber"));
    }

    [Test]
    public async Task Normalize_AllGood_ExitsZero()
    {
        var run = await Cli.RunAsync(new[] { "normalize", "--validation", "possible" }, input: "+1 123 456 7890\n");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(JObject.Parse(run.Output)["phone"]!.Value<string>(), Is.EqualTo("+11234567890"));
    }

    [TestCase]
    [TestCase("create")]
    [TestCase("normalize")]
    [TestCase("get")]
    [TestCase("list")]
    [TestCase("rename")]
    [TestCase("activate")]
    [TestCase("delete")]
    [TestCase("order")]
    [TestCase("block")]
    [TestCase("unblock")]
    [TestCase("unlock")]
    [TestCase("enroll")]
    [TestCase("emulator")]
    public async Task Help_IsAvailableEverywhere(params string[] command)
    {
        var run = await Cli.RunAsync(command.Append("--help").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("Usage:"));
    }

    [TestCase]
    [TestCase("create")]
    [TestCase("get")]
    [TestCase("list")]
    [TestCase("rename")]
    [TestCase("activate")]
    [TestCase("delete")]
    [TestCase("order")]
    [TestCase("block")]
    [TestCase("unblock")]
    [TestCase("unlock")]
    public async Task Help_OfTheRootAndEveryCommandThatTalksToPingOne_ListsTheExitCodes(params string[] command)
    {
        var run = await Cli.RunAsync(command.Append("--help").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(0));
        var lines = run.Output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var at = lines.IndexOf("Exit codes:");
        Assert.That(at, Is.GreaterThan(0), run.Output);
        Assert.That(lines.Skip(at + 1).Take(4), Is.EqualTo(new[]
        {
            "  0  ok",
            "  1  bad input or settings (usage, phone number, CSV, missing or unusable PingOne settings)",
            "  2  PingOne refused the request",
            "  3  PingOne unreachable, unavailable or rate limited, or the outcome is unknown: run the same command again",
        }));
        if (command.Length > 0) Assert.That(run.Output, Does.Contain("--emulator"));
    }

    [TestCase("normalize")]
    [TestCase("emulator")]
    public async Task Help_OfCommandsThatDoNotTalkToPingOne_HasNoEmulatorOption(string command)
    {
        var run = await Cli.RunAsync(new[] { command, "--help" });

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Not.Contain("--emulator").And.Not.Contain("Exit codes:"));
    }

    [Test]
    public void Options_HaveTheSameNamesInEveryCommand()
    {
        var root = CliApp.Build(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, _ => null));
        var commands = root.Subcommands.ToDictionary(c => c.Name);
        string[] Names(string command) => commands[command].Options.Select(o => o.Name).ToArray();
        var pingOne = new[] { "create", "get", "list", "rename", "activate", "delete", "enroll", "order", "block", "unblock", "unlock", "settings" };
        var settings = new[] { "--environment", "--client-id", "--client-secret", "--access-token", "--pingone-region", "--api-url", "--auth-url", "--emulator" };

        Assert.That(root.Subcommands.Where(CliApp.TalksToPingOne).Select(c => c.Name), Is.EquivalentTo(pingOne));
        foreach (var command in pingOne) Assert.That(Names(command), Is.SupersetOf(settings), command);
        foreach (var command in new[] { "create", "enroll", "normalize" }) Assert.That(Names(command), Is.SupersetOf(new[] { "--phone-region", "--validation" }), command);
        foreach (var command in new[] { "create", "get", "list", "rename", "activate", "delete", "order", "block", "unblock", "unlock" }) Assert.That(Names(command), Does.Contain("--user"), command);
        foreach (var command in new[] { "create", "enroll" }) Assert.That(Names(command), Does.Contain("--policy"), command);
        Assert.That(root.Subcommands.SelectMany(c => c.Options).Select(o => o.Name), Has.None.EqualTo("--region"), "the phone's region is --phone-region everywhere");
    }

    [Test]
    public async Task Emulator_RunsUntilCancelled()
    {
        using var stop = new CancellationTokenSource();
        var output = new LineSignal("listening");
        var run = CliApp.RunAsync(new[] { "emulator", "--port", "0" }, TextReader.Null, output, new StringWriter(), _ => null, stop.Token);
        var listening = await output.Line.WaitAsync(TimeSpan.FromSeconds(30));

        var address = listening.Split(' ').Last().Trim();
        using var http = new HttpClient();
        var token = await http.PostAsync(new Uri(new Uri(address), EmulatorSeed.EnvironmentId + "/as/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = EmulatorSeed.ClientId, ["client_secret"] = EmulatorSeed.ClientSecret,
        }));
        stop.Cancel();

        Assert.That(token.IsSuccessStatusCode, Is.True);
        Assert.That(await run.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(0));
    }
}

/// <summary>An output that completes <see cref="Line"/> with the first line containing a text: no polling.</summary>
internal sealed class LineSignal : StringWriter
{
    private readonly string _text;
    private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LineSignal(string text) => _text = text;

    public Task<string> Line => _line.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is not null && value.Contains(_text, StringComparison.Ordinal)) _line.TrySetResult(value);
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}

internal sealed record CliRun(int ExitCode, string Output, string Error);

internal static class Cli
{
    public static async Task<CliRun> RunAsync(string[] args, string input = "", IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, new StringReader(input), output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
