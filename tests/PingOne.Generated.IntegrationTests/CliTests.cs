using Newtonsoft.Json.Linq;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary><c>pingone-voice</c> run in-process: its output and exit codes.</summary>
public class CliTests
{
    [Test]
    public async Task Create_WithNoSettings_UsesTheEmbeddedEmulatorAndPrintsTheDevice()
    {
        var run = await Cli.RunAsync(new[] { "create", "--phone", "+1 (512) 555-1234", "--extension", "313#" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var device = JObject.Parse(run.Output);
        Assert.That(device["phone"]!.Value<string>(), Is.EqualTo("+15125551234"));
        Assert.That(device["extension"]!.Value<string>(), Is.EqualTo("313#"));
        Assert.That(device["user"]!["id"]!.Value<string>(), Is.EqualTo(EmulatorSeed.UserId));
        Assert.That(run.Error, Does.Contain("using the embedded emulator"));
    }

    [Test]
    public async Task Create_WithEnvironmentVariables_TalksToThatServer()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var environment = emulator.EnvironmentVariables();

        var run = await Cli.RunAsync(new[] { "create", "--user", EmulatorSeed.SecondUserId, "--policy", EmulatorSeed.PolicyId, "--phone", "15125551234", "--nickname", "Desk" }, environment: environment);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(emulator.DevicesOf(EmulatorSeed.SecondUserId).Single().Nickname, Is.EqualTo("Desk"));
        Assert.That(run.Error, Does.Not.Contain("embedded emulator"));
    }

    [Test]
    public async Task Create_WithABadPhone_ExitsOneWithOneLine()
    {
        var run = await Cli.RunAsync(new[] { "create", "--phone", "(512) 555-1234" });

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Last(), Does.StartWith("pingone-voice: The phone number '(***) ***-**34' has no country calling code"));
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
    public async Task Create_WhenPingOneCannotBeReached_ExitsThree()
    {
        var run = await Cli.RunAsync(new[] { "create", "--user", "u", "--policy", "p", "--phone", "+15125551234",
            "--api-url", "http://127.0.0.1:9/v1/", "--environment", "e", "--access-token", "t" });

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Error, Does.StartWith("pingone-voice: "));
    }

    [Test]
    public async Task Normalize_WritesOneJsonObjectPerLine_AndExitsOneOnABadLine()
    {
        var run = await Cli.RunAsync(new[] { "normalize", "--region", "US" }, input: "+1.5125551234\n(512) 555-1234 x313#\nnot a number\n");

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToList();
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines[0].ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"input":"+1.5125551234","phone":"+15125551234","extension":null}"""));
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
    [TestCase("emulator")]
    public async Task Help_IsAvailableEverywhere(params string[] command)
    {
        var run = await Cli.RunAsync(command.Append("--help").ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("Usage:"));
    }

    [Test]
    public async Task Emulator_RunsUntilCancelled()
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var run = CliApp.RunAsync(new[] { "emulator", "--port", "0" }, TextReader.Null, output, new StringWriter(), _ => null, stop.Token);
        for (var i = 0; i < 200 && !output.ToString().Contains("listening", StringComparison.Ordinal); i++) await Task.Delay(25);

        var address = output.ToString().Split('\n')[0].Split(' ').Last().Trim();
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
