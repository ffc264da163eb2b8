using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;
using PingOne.Generated.Cli;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// <c>pingone-voice emulator</c> prints its settings in every form a user pastes somewhere, and each form, used exactly as
/// printed, works: the <c>export PINGONE_*</c> lines for the CLI, the <c>export PingOne__*</c> lines and the
/// <c>appsettings.json</c> section for a host using the DI package.
/// </summary>
[NonParallelizable] // one test sets PingOne__* in this process's environment, where a host reads them
public sealed class EmulatorBannerTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "pingone-banner-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Banner_ExportLinesForTheCli_RunInBashAsPrinted_PointEveryCommandAtTheSameRunningEmulator()
    {
        await WithBannerAsync(async banner =>
        {
            var exports = banner.Where(l => l.TrimStart().StartsWith("export PINGONE_", StringComparison.Ordinal)).ToList();
            var environment = ExportedByBash(exports, "PINGONE_");

            var create = await Cli.RunAsync(new[] { "create", "--phone", "+1 512 555 1234", "--user", EmulatorSeed.UserId, "--policy", EmulatorSeed.PolicyId }, environment: environment);
            var list = await Cli.RunAsync(new[] { "list", "--user", EmulatorSeed.UserId }, environment: environment);

            Assert.Multiple(() =>
            {
                Assert.That(environment.Keys, Is.EquivalentTo(new[] { "PINGONE_API_URL", "PINGONE_AUTH_URL", "PINGONE_ENVIRONMENT_ID", "PINGONE_CLIENT_ID", "PINGONE_CLIENT_SECRET" }));
                Assert.That(create.ExitCode, Is.EqualTo(0), create.Error);
                Assert.That(list.ExitCode, Is.EqualTo(0), list.Error);
            });
            var id = (string)JObject.Parse(create.Output)["id"]!;
            Assert.That(JArray.Parse(list.Output).Select(d => (string)d["id"]!), Is.EqualTo(new[] { id }),
                "the device created by one command is listed by the next: the state lives as long as the emulator's process");
        });
    }

    [Test]
    public async Task Banner_AppSettingsSection_AsPrinted_IsAHostsConfiguration_WhoseClientCreatesADevice()
    {
        await WithBannerAsync(async banner =>
        {
            var start = banner.FindIndex(l => l.Contains("appsettings.json", StringComparison.Ordinal)) + 1;
            var end = banner.FindIndex(start, l => l == "  }");
            Assert.That((start, end), Is.Not.EqualTo((0, -1)), "the banner has an appsettings.json block: " + string.Join("\n", banner));
            File.WriteAllLines(Path.Combine(_folder, "appsettings.json"), banner.Skip(start).Take(end - start + 1));

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder, Args = Array.Empty<string>() });
            builder.Services.AddPingOneMfaClient(builder.Configuration.GetSection("PingOne"));
            await CreateADeviceAsync(builder);
        });
    }

    [Test]
    public async Task Banner_PingOneEnvironmentVariables_RunInBashAsPrinted_AreAHostsConfiguration_WhoseClientCreatesADevice()
    {
        await WithBannerAsync(async banner =>
        {
            var exports = banner.Where(l => l.TrimStart().StartsWith("export PingOne__", StringComparison.Ordinal)).ToList();
            var variables = ExportedByBash(exports, "PingOne__");
            Assert.That(variables.Keys, Has.Member("PingOne__AllowHttpOnLoopback"), "the emulator speaks http: the DI package must be told it may");
            try
            {
                foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
                var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder, Args = Array.Empty<string>() });
                builder.Services.AddPingOneMfaClient(builder.Configuration.GetSection("PingOne"));
                await CreateADeviceAsync(builder);
            }
            finally
            {
                foreach (var name in variables.Keys) Environment.SetEnvironmentVariable(name, null);
            }
        });
    }

    [Test]
    public async Task Banner_SaysTheStateLivesAsLongAsTheProcess()
    {
        await WithBannerAsync(banner =>
        {
            Assert.That(banner, Has.Some.Contains("lives in this process only: it starts empty and is gone when the process stops"));
            return Task.CompletedTask;
        });
    }

    [Test]
    public async Task EmulatorOption_SaysItStartsAnEmptyEmulatorForThisCommandOnly()
    {
        var run = await Cli.RunAsync(new[] { "list", "--emulator" });
        var help = await Cli.RunAsync(new[] { "create", "--help" });

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Does.Contain("using the embedded emulator at http://127.0.0.1:").And.Contain("started empty for this command only"));
        Assert.That(help.Output, Does.Contain("Start an empty embedded PingOne emulator for this command only"));
    }

    // The host starts (its options are validated on start), resolves the client and creates a device on the emulator.
    private static async Task CreateADeviceAsync(HostApplicationBuilder builder)
    {
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<PingOneMfaClient>();
            var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));
            Assert.That((device.Phone, device.Status), Is.EqualTo(("+15125551234", "ACTIVE")));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    // Runs `pingone-voice emulator --port 0` in this process until the banner is written, hands its lines over, then stops it.
    private static async Task WithBannerAsync(Func<List<string>, Task> use)
    {
        using var stop = new CancellationTokenSource();
        var output = new LineSignal(EmulatorBanner.LastLine);
        var run = CliApp.RunAsync(new[] { "emulator", "--port", "0" }, TextReader.Null, output, new StringWriter(), _ => null, stop.Token);
        try
        {
            await output.Line.WaitAsync(TimeSpan.FromSeconds(60));
            await use(output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList());
        }
        finally
        {
            stop.Cancel();
        }
        Assert.That(await run.WaitAsync(TimeSpan.FromSeconds(20)), Is.EqualTo(0));
    }

    // What bash has in its environment after running the lines exactly as printed (leading spaces and all).
    private Dictionary<string, string> ExportedByBash(List<string> lines, string prefix)
    {
        Assert.That(lines, Is.Not.Empty, $"the banner has export lines for {prefix}*");
        var script = Path.Combine(_folder, "exports.sh");
        File.WriteAllText(script, string.Join("\n", lines) + "\nenv\n");
        var (code, output) = Command.Run(_folder, "bash", "-eu", script);
        Assert.That(code, Is.EqualTo(0), output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].TrimEnd('\r'));
    }
}
