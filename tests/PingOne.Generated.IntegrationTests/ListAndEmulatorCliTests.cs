using Newtonsoft.Json.Linq;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary><c>pingone-voice list --limit/--filter</c> and <c>pingone-voice emulator --max-devices</c>.</summary>
public class ListAndEmulatorCliTests
{
    private const string Env = EmulatorSeed.EnvironmentId;
    private const string User = EmulatorSeed.UserId;

    [Test]
    public async Task List_WithLimitAndFilter_ReadsEveryPageOfTheFilteredDevices()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var voice = new List<string>();
        for (var i = 0; i < 3; i++)
            voice.Add((await client.CreateVoiceDeviceAsync(Env, User, CreateVoiceDeviceRequest.Create($"+1512555123{i}", EmulatorSeed.PolicyId))).Id);
        var sms = emulator.AddDeviceOfType(User, "SMS");
        var environment = emulator.EnvironmentVariables();

        var filtered = await Cli.RunAsync(new[] { "list", "--user", User, "--limit", "1", "--filter", DeviceListQuery.VoiceDevicesFilter }, environment: environment);
        var paged = await Cli.RunAsync(new[] { "list", "--user", User, "--limit", "2" }, environment: environment);

        Assert.Multiple(() =>
        {
            Assert.That(filtered.ExitCode, Is.EqualTo(0), filtered.Error);
            Assert.That(JArray.Parse(filtered.Output).Select(d => (string?)d["id"]), Is.EqualTo(voice), "three pages of one voice device each, no SMS");
            Assert.That(paged.ExitCode, Is.EqualTo(0), paged.Error);
            Assert.That(JArray.Parse(paged.Output).Select(d => (string?)d["id"]), Is.EqualTo(voice.Append(sms)), "two pages, every type");
        });
    }

    [Test]
    public async Task List_WithAFilterPingOneRefuses_ExitsTwo()
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var run = await Cli.RunAsync(new[] { "list", "--user", User, "--filter", "nickname eq \"x\"" }, environment: emulator.EnvironmentVariables());

        Assert.That((run.ExitCode, run.Output), Is.EqualTo((2, string.Empty)), run.Error);
        Assert.That(run.Error, Does.Contain("filter"));
    }

    [TestCase("0")]
    [TestCase("-3")]
    public async Task List_WithALimitBelowOne_ExitsOne(string limit)
    {
        var run = await Cli.RunAsync(new[] { "list", "--emulator", "--limit", limit });

        Assert.That((run.ExitCode, run.Output), Is.EqualTo((1, string.Empty)));
        Assert.That(run.Error.Trim(), Is.EqualTo($"pingone-voice: --limit must be a whole number, at least 1; got '{limit}'. See 'pingone-voice list --help'."));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"), "a usage error is found before anything starts");
    }

    [TestCase("order", "--clear", "--first")]
    [TestCase("order", "--first")]
    [TestCase("order")]
    public async Task Order_WithOptionsThatDoNotFit_ExitsOne_BeforeTheEmulatorStarts(params string[] args)
    {
        var run = await Cli.RunAsync(args.Append("--emulator").ToArray());

        Assert.That((run.ExitCode, run.Output), Is.EqualTo((1, string.Empty)));
        Assert.That(run.Error, Does.StartWith("pingone-voice: order "));
        Assert.That(run.Error, Does.Not.Contain("using the embedded emulator"));
    }

    [Test]
    public async Task Emulator_WithMaxDevices_StartsWithThatLimit_AndRefusesTheCreateOverIt()
    {
        using var stop = new CancellationTokenSource();
        var output = new LineSignal(EmulatorBanner.LastLine);
        var run = CliApp.RunAsync(new[] { "emulator", "--port", "0", "--max-devices", "2" }, TextReader.Null, output, new StringWriter(), _ => null, stop.Token);
        try
        {
            await output.Line.WaitAsync(TimeSpan.FromSeconds(30));
            // The banner's "export PINGONE_…=…" lines.
            var environment = output.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("export PINGONE_", StringComparison.Ordinal))
                .Select(l => l["export ".Length..].Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
            string[] Create(string phone) => new[] { "create", "--phone", phone, "--user", User, "--policy", EmulatorSeed.PolicyId };

            var settings = await Cli.RunAsync(new[] { "settings" }, environment: environment);
            var first = await Cli.RunAsync(Create("+15125551230"), environment: environment);
            var second = await Cli.RunAsync(Create("+15125551231"), environment: environment);
            var third = await Cli.RunAsync(Create("+15125551232"), environment: environment);

            Assert.Multiple(() =>
            {
                Assert.That(settings.ExitCode, Is.EqualTo(0), settings.Error);
                Assert.That((int)JObject.Parse(settings.Output)["pairing"]!["maxAllowedDevices"]!, Is.EqualTo(2));
                Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), first.Error + second.Error);
                Assert.That((third.ExitCode, third.Output), Is.EqualTo((2, string.Empty)), "the third device is over the limit");
                Assert.That(third.Error, Does.Contain("REQUEST_FAILED"));
            });
        }
        finally
        {
            stop.Cancel();
        }
        Assert.That(await run.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(0));
    }

    [TestCase("16")]
    [TestCase("0")]
    public async Task Emulator_WithMaxDevicesOutsideOneToFifteen_ExitsOne_WithoutStarting(string max)
    {
        var run = await Cli.RunAsync(new[] { "emulator", "--port", "0", "--max-devices", max });

        Assert.That((run.ExitCode, run.Output), Is.EqualTo((1, string.Empty)));
        Assert.That(run.Error.Trim(), Is.EqualTo($"pingone-voice: --max-devices must be a whole number from 1 to 15; got '{max}'. See 'pingone-voice emulator --help'."));
    }
}
