using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PingOne.Generated;
using PingOne.Generated.Emulator;
using RichardSzalay.MockHttp;

// Not under PingOne.Generated: like a consumer's code, the samples see the packages' namespaces only through these usings.
namespace ReadmeSamples;

/// <summary>
/// Every ```csharp block of the READMEs and docs, in each file's order, as a <c>#region &lt;file&gt;:&lt;name&gt;</c>
/// (<c>readme:</c> for README.md, <c>docs/client.md:</c> for docs/client.md, <c>src/PingOne.Generated/README.md:</c> for
/// a package's README) that compiles against the packages' public API and runs against the emulator.
/// <see cref="ReadmeTests"/> checks that each file shows exactly its regions (indentation and runs of spaces aside). To
/// change a snippet, edit it here and in its file. A line ending in <c>// readme:hidden</c> runs here but is not in the README (the one use: pointing the
/// first snippet's PingOne Europe settings at the emulator). A README block may start with <c>using</c> directives,
/// which C# does not allow in a method: they must be among this file's usings.
/// </summary>
public class ReadmeSamples
{
    [Test]
    public async Task UseIt()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var (environmentId, userId, policyId) = (EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, EmulatorSeed.PolicyId);
        var (clientId, clientSecret) = (EmulatorSeed.ClientId, EmulatorSeed.ClientSecret);
        var cancellationToken = CancellationToken.None;
        var output = CaptureConsole();

        #region readme:use-it
        using var client = new PingOneMfaClient(new PingOneMfaClientOptions
        {
            Region = PingOneRegion.Europe,
            ApiBaseAddress = emulator.ApiBaseAddress, AuthBaseAddress = emulator.BaseAddress, AllowHttpOnLoopback = true, // readme:hidden (the emulator stands in for PingOne Europe)
            EnvironmentId = environmentId,            // the worker app's environment
            ClientId = clientId, ClientSecret = clientSecret,
        });
        var device = await client.CreateVoiceDeviceAsync(environmentId, userId, new CreateVoiceDeviceRequest
        {
            Phone = "+1.5125551111", Extension = "313#", Policy = new DevicePolicyReference { Id = policyId },
        }, cancellationToken);
        Console.WriteLine($"{device.Id} {device.Status}");
        #endregion

        Assert.That(output.Release(), Is.EqualTo($"{device.Id} ACTIVE"));
        var stored = emulator.DevicesOf(userId).Single();
        Assert.That((stored.Phone, stored.Extension), Is.EqualTo(("+15125551111", "313#")));
    }

    [Test]
    public async Task WholeLife()
    {
        const string otp = "123456";
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { FixedOtp = otp });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var (env, user, policyId) = (EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, EmulatorSeed.PolicyId);

        #region docs/operations.md:whole-life
        var request = CreateVoiceDeviceRequest.Create("+1 512 555 1234", policyId, "313#");
        request.Status = DeviceCreationStatus.ActivationRequired;               // PingOne calls the phone with an OTP
        var device  = await client.CreateVoiceDeviceAsync(env, user, request);
        device      = await client.ActivateDeviceAsync(env, user, device.Id, otp);          // POST .../devices/{id}, application/vnd.pingidentity.device.activate+json
        var renamed = await client.UpdateNicknameAsync(env, user, device.Id, "Desk phone"); // PUT .../devices/{id}/nickname: PingOne's DeviceNickname
        var all     = await client.ListDevicesAsync(env, user);                              // GET .../devices (_embedded.devices)
        var one     = await client.GetDeviceAsync(env, user, device.Id);                     // GET .../devices/{id}
        await client.DeleteDeviceAsync(env, user, device.Id);                                // DELETE .../devices/{id} (204)
        #endregion

        Assert.That(device.Status, Is.EqualTo("ACTIVE"));
        Assert.That(renamed.Nickname, Is.EqualTo("Desk phone"));
        Assert.That(all.Select(d => d.Id), Is.EqualTo(new[] { device.Id }));
        Assert.That((one.Id, one.Phone, one.Extension), Is.EqualTo((device.Id, "+15125551234", "313#")));
        Assert.That(emulator.DevicesOf(user), Is.Empty);
    }

    [Test]
    public async Task DeviceOrderAndState()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var (environmentId, userId) = (EmulatorSeed.EnvironmentId, EmulatorSeed.UserId);
        await client.CreateVoiceDeviceAsync(environmentId, userId, CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));
        var deviceId = (await client.CreateVoiceDeviceAsync(environmentId, userId, CreateVoiceDeviceRequest.Create("+1 512 555 1235", EmulatorSeed.PolicyId))).Id;
        Assert.That(emulator.LockDevice(userId, deviceId, DateTimeOffset.UtcNow.AddMinutes(10)), Is.True);

        #region docs/operations.md:device-order-and-state
        await client.MakeDefaultDeviceAsync(environmentId, userId, deviceId);    // returns the order it sent
        await client.RemoveDeviceOrderAsync(environmentId, userId);              // no explicit order, no default device
        await client.BlockDeviceAsync(environmentId, userId, deviceId);          // block.status -> BLOCKED
        await client.UnblockDeviceAsync(environmentId, userId, deviceId);        // block.status -> UNBLOCKED
        await client.UnlockDeviceAsync(environmentId, userId, deviceId);         // lock.status  -> UNLOCKED
        #endregion

        var device = await client.GetDeviceAsync(environmentId, userId, deviceId);
        Assert.That((device.Block?.Status, device.Lock?.Status), Is.EqualTo(("UNBLOCKED", "UNLOCKED")));
        Assert.That((await client.ListDevicesAsync(environmentId, userId)).Last().Id, Is.EqualTo(deviceId), "order removed: creation order again");
    }

    [Test]
    public async Task MfaSettings()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var environmentId = EmulatorSeed.EnvironmentId;

        #region docs/operations.md:mfa-settings
        var settings = await client.GetMfaSettingsAsync(environmentId);      // GET {api}/environments/{envID}/mfaSettings
        settings.PhoneExtensions ??= new MfaSettingsPhoneExtensions();
        settings.PhoneExtensions.Enabled = true;
        settings.Pairing!.MaxAllowedDevices = 10;
        var stored = await client.UpdateMfaSettingsAsync(environmentId, settings);   // PUT, the whole object
        var defaults = await client.ResetMfaSettingsAsync(environmentId);            // DELETE: back to PingOne's defaults, answered (200)
        #endregion

        Assert.That((stored.PhoneExtensions?.Enabled, stored.Pairing?.MaxAllowedDevices), Is.EqualTo((true, 10)));
        Assert.That((defaults.PhoneExtensions?.Enabled, defaults.Pairing?.MaxAllowedDevices), Is.EqualTo((false, 5)));
    }

    [Test]
    public async Task QueryDevices()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var (environmentId, userId) = (EmulatorSeed.EnvironmentId, EmulatorSeed.UserId);
        var created = await client.CreateVoiceDeviceAsync(environmentId, userId, CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));

        #region docs/operations.md:query-devices
        var voice = await client.QueryDevicesAsync(environmentId, userId,
            new DeviceListQuery { Filter = DeviceListQuery.VoiceDevicesFilter, Limit = 50 });
        // GET .../users/{userId}/devices?limit=50&filter=type%20eq%20%22VOICE%22, then each _links.next
        #endregion

        Assert.That(voice.Select(d => d.Id), Is.EqualTo(new[] { created.Id }));
    }

    [Test]
    public async Task EmulatorInYourTests()
    {
        #region readme:emulator
        // dotnet add package PingOne.Generated.Emulator --prerelease
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false }); // port 0: a free one
        using var client = new PingOneMfaClient(emulator.ClientOptions());  // ApiBaseAddress, AuthBaseAddress, seed worker app, http on loopback allowed
        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId,
            CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));
        // inspect emulator.DevicesOf(EmulatorSeed.UserId) afterwards
        #endregion

        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId).Single().Id, Is.EqualTo(device.Id));
    }

    [Test]
    public async Task DependencyInjection()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(EmulatorSettings(emulator, region: "EU"));
        var (env, id, secret) = (EmulatorSeed.EnvironmentId, EmulatorSeed.ClientId, EmulatorSeed.ClientSecret);

        #region docs/dependency-injection.md:dependency-injection
        // appsettings.json: { "PingOne": { "Region": "EU", "EnvironmentId": "...", "ClientId": "...", "ClientSecret": "..." } }
        builder.Services.AddPingOneMfaClient(builder.Configuration.GetSection("PingOne"));
        // the application's configuration works too: its PingOne section is bound
        builder.Services.AddPingOneMfaClient(builder.Configuration);
        // or in code:
        builder.Services.AddPingOneMfaClient(o => { o.Region = PingOneRegion.Europe; o.EnvironmentId = env; o.ClientId = id; o.ClientSecret = secret; });
        // then inject PingOneMfaClient anywhere.
        #endregion

        using var host = builder.Build();
        await host.StartAsync(); // ValidateOnStart
        await CreatesADeviceAsync(host.Services.GetRequiredService<PingOneMfaClient>(), emulator);
        await host.StopAsync();
    }

    [Test]
    public async Task DependencyInjectionWithAMockPrimaryHandler()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(EmulatorSettings(emulator)).Build();
        using var mockHttp = new MockHttpMessageHandler();
        using var network = new HttpClient();
        mockHttp.Fallback.Respond(network); // what the test does not mock goes on to the emulator

        #region docs/dependency-injection.md:dependency-injection-mock-http
        // Tests: answer the token endpoint and the API from a MockHttp handler.
        services.AddPingOneMfaClient(configuration.GetSection("PingOne"))
                .ConfigurePrimaryHttpMessageHandler(() => mockHttp);
        #endregion

        await using var provider = services.BuildServiceProvider();
        await CreatesADeviceAsync(provider.GetRequiredService<PingOneMfaClient>(), emulator);
    }

    [Test]
    public async Task StandardResilienceHandlerWithItsRetryOff()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(EmulatorSettings(emulator)).Build();

        #region docs/retries.md:standard-resilience-handler
        services.AddPingOneMfaClient(configuration.GetSection("PingOne"))
                .AddStandardResilienceHandler(o => o.Retry.ShouldHandle = _ => ValueTask.FromResult(false));
        #endregion

        await using var provider = services.BuildServiceProvider();
        await CreatesADeviceAsync(provider.GetRequiredService<PingOneMfaClient>(), emulator);
    }

    [Test]
    public async Task PhoneNormalizationOptions()
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        #region docs/phone-numbers.md:phone-normalization-options
        var options = new PingOneMfaClientOptions
        {
            PhoneNormalization = new PhoneNormalizationOptions { DefaultRegion = "US", Validation = PhoneValidation.Strict },
        };
        #endregion

        var settings = emulator.ClientOptions();
        (options.ApiBaseAddress, options.AuthBaseAddress, options.AllowHttpOnLoopback) = (settings.ApiBaseAddress, settings.AuthBaseAddress, true);
        (options.EnvironmentId, options.ClientId, options.ClientSecret) = (settings.EnvironmentId, settings.ClientId, settings.ClientSecret);
        using var client = new PingOneMfaClient(options);
        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("(512) 555-1234 x313", EmulatorSeed.PolicyId));
        Assert.That((device.Phone, device.Extension), Is.EqualTo(("+15125551234", "313")), "a national number, read with DefaultRegion US");
        Assert.That(async () => await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+1 123 456 7890", EmulatorSeed.PolicyId)),
            Throws.InstanceOf<InvalidPhoneNumberException>(), "strict: no US area code starts with 1");
    }

    [Test]
    public void NormalizeOnYourOwn()
    {
        var output = CaptureConsole();

        #region docs/phone-numbers.md:normalize-on-your-own
        var normalizer = new PhoneNumberNormalizer(new PhoneNormalizationOptions { DefaultRegion = "GB" });
        if (normalizer.TryNormalize("020 7946 0958 x12", null, out var phone, out var error))
            Console.WriteLine($"{phone.Phone} {phone.Extension}");   // +442079460958 12
        else
            Console.WriteLine($"{error!.Reason}: {error.Message}");
        #endregion

        Assert.That(output.Release(), Is.EqualTo("+442079460958 12"));
    }

    [Test]
    public async Task PackageReadmeOfTheClient()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var options = emulator.ClientOptions();
        var (environmentId, userId, policyId) = (EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, EmulatorSeed.PolicyId);

        #region src/PingOne.Generated/README.md:create
        // options: Region, EnvironmentId, ClientId, ClientSecret of your PingOne worker app
        using var client = new PingOneMfaClient(options);
        var request = CreateVoiceDeviceRequest.Create("+1 (512) 555-1234 ext. 313", policyId);
        var device = await client.CreateVoiceDeviceAsync(environmentId, userId, request);   // phone +15125551234, extension 313
        #endregion

        Assert.That((device.Phone, device.Extension), Is.EqualTo(("+15125551234", "313")));
    }

    [Test]
    public async Task PackageReadmeOfTheDependencyInjection()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(EmulatorSettings(emulator));

        #region src/PingOne.Generated.DependencyInjection/README.md:register
        // appsettings.json: { "PingOne": { "Region": "EU", "EnvironmentId": "…", "ClientId": "…", "ClientSecret": "…" } }
        builder.Services.AddPingOneMfaClient(builder.Configuration.GetSection("PingOne"));
        #endregion

        using var host = builder.Build();
        await host.StartAsync();
        await CreatesADeviceAsync(host.Services.GetRequiredService<PingOneMfaClient>(), emulator);
        await host.StopAsync();
    }

    [Test]
    public async Task PackageReadmeOfTheEmulator()
    {
        #region src/PingOne.Generated.Emulator/README.md:in-a-test
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId,
            CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(1));
        #endregion
    }

    // The PingOne section of an application's configuration, pointing at the emulator with the seed worker app.
    private static Dictionary<string, string?> EmulatorSettings(PingOneEmulator emulator, string? region = null)
    {
        var settings = emulator.ConfigurationSettings().ToDictionary(pair => pair.Key, pair => (string?)pair.Value);
        if (region is not null) settings["PingOne:Region"] = region;
        return settings;
    }

    private static async Task CreatesADeviceAsync(PingOneMfaClient client, PingOneEmulator emulator)
    {
        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));
        Assert.That(emulator.DevicesOf(EmulatorSeed.UserId).Single().Id, Is.EqualTo(device.Id));
    }

    private static ConsoleCapture CaptureConsole() => new();

    // Console output of a sample, for its assertion; Release() restores the console and returns what was written.
    private sealed class ConsoleCapture
    {
        private readonly TextWriter _original = Console.Out;
        private readonly StringWriter _written = new();

        public ConsoleCapture() => Console.SetOut(_written);

        public string Release()
        {
            Console.SetOut(_original);
            return _written.ToString().Trim();
        }
    }
}
