using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated.Emulator;

/// <summary>
/// A local PingOne MFA voice-device API on Kestrel, bound to 127.0.0.1, with in-memory state and the seed
/// data of <see cref="EmulatorSeed"/>. Host it in a test or a program with <see cref="StartAsync"/> and dispose it.
/// </summary>
/// <example>
/// An integration test against the emulator, with the real token flow over loopback HTTP:
/// <code>
/// await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { PhoneExtensionsEnabled = false });
/// using var client = new PingOneMfaClient(emulator.ClientOptions());
/// var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId,
///     CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));
/// Assert.That(emulator.DevicesOf(EmulatorSeed.UserId), Has.Count.EqualTo(1));
/// </code>
/// </example>
public sealed class PingOneEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;

    private PingOneEmulator(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The emulator's root, e.g. <c>http://127.0.0.1:5123/</c>; also its authorization base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API base address, <c>{BaseAddress}v1/</c>.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "v1/");

    /// <summary>The token endpoint, <c>{BaseAddress}{environmentId}/as/token</c>.</summary>
    public Uri TokenEndpoint => new(BaseAddress, EmulatorSeed.EnvironmentId + "/as/token");

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">Its behaviour and injected faults; <see langword="null"/> for the defaults.</param>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<PingOneEmulator> StartAsync(EmulatorOptions? options = null, int port = 0, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();

        var state = new EmulatorState(options.GeneratedUsers);
        var contract = await SpecContract.LoadAsync().ConfigureAwait(false);
        new EmulatorEndpoints(state, new FaultInjector(options), contract, options, TimeProvider.System).Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PingOneEmulator(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Options for <c>new PingOneMfaClient(options)</c> pointing at this emulator with the seed worker app:
    /// <see cref="ApiBaseAddress"/>, <see cref="BaseAddress"/> as the authorization base address, the seed
    /// environment, client id and secret, and http on loopback allowed. Change them (retries, phone reading,
    /// <c>Transport</c>, <c>TimeProvider</c>) before building the client.
    /// </summary>
    /// <returns>New options each call.</returns>
    public PingOneMfaClientOptions ClientOptions() => new()
    {
        ApiBaseAddress = ApiBaseAddress,
        AuthBaseAddress = BaseAddress,
        EnvironmentId = EmulatorSeed.EnvironmentId,
        ClientId = EmulatorSeed.ClientId,
        ClientSecret = EmulatorSeed.ClientSecret,
        AllowHttpOnLoopback = true,
    };

    /// <summary>The <c>PINGONE_*</c> environment variables that point <c>pingone-voice</c> at this emulator with the seed worker app.</summary>
    /// <returns>Variable names and values.</returns>
    public IReadOnlyDictionary<string, string> EnvironmentVariables() => new Dictionary<string, string>
    {
        ["PINGONE_API_URL"] = ApiBaseAddress.ToString(),
        ["PINGONE_AUTH_URL"] = BaseAddress.ToString(),
        ["PINGONE_ENVIRONMENT_ID"] = EmulatorSeed.EnvironmentId,
        ["PINGONE_CLIENT_ID"] = EmulatorSeed.ClientId,
        ["PINGONE_CLIENT_SECRET"] = EmulatorSeed.ClientSecret,
    };

    /// <summary>
    /// The configuration that points <c>PingOne.Generated.DependencyInjection</c> at this emulator with the seed worker app:
    /// <c>PingOne:ApiBaseAddress</c>, <c>PingOne:AuthBaseAddress</c>, <c>PingOne:EnvironmentId</c>, <c>PingOne:ClientId</c>,
    /// <c>PingOne:ClientSecret</c> and <c>PingOne:AllowHttpOnLoopback</c> (<c>true</c>: the emulator speaks plain http on
    /// 127.0.0.1). Give it to <c>ConfigurationBuilder.AddInMemoryCollection</c>, or write it as <c>PingOne__*</c>
    /// environment variables or an <c>appsettings.json</c> <c>PingOne</c> section, as <c>pingone-voice emulator</c> prints it.
    /// </summary>
    /// <returns>Configuration keys (with <c>:</c>) and values, in that order.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> ConfigurationSettings() => new KeyValuePair<string, string>[]
    {
        new("PingOne:ApiBaseAddress", ApiBaseAddress.ToString()),
        new("PingOne:AuthBaseAddress", BaseAddress.ToString()),
        new("PingOne:EnvironmentId", EmulatorSeed.EnvironmentId),
        new("PingOne:ClientId", EmulatorSeed.ClientId),
        new("PingOne:ClientSecret", EmulatorSeed.ClientSecret),
        new("PingOne:AllowHttpOnLoopback", "true"),
    };

    /// <summary>The devices a user has now, for tests to check the emulator's state.</summary>
    /// <param name="userId">The user's id.</param>
    /// <returns>A copy of the user's devices.</returns>
    public IReadOnlyList<VoiceDevice> DevicesOf(string userId) => _state.Snapshot(userId);

    /// <summary>Locks a device as PingOne does after too many failed attempts (<c>lock.status</c> <c>LOCKED</c>), for tests of unlock.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="deviceId">The device's id.</param>
    /// <param name="expiresAt">When the lock would end by itself.</param>
    /// <returns>Whether the user has that device.</returns>
    public bool LockDevice(string userId, string deviceId, DateTimeOffset expiresAt) => _state.WithDevicesOf(userId, devices =>
    {
        var device = devices.FirstOrDefault(d => string.Equals(d.Id, deviceId, StringComparison.OrdinalIgnoreCase));
        if (device is null) return false;
        device.Lock = new DeviceLock { Status = "LOCKED", ExpiresAt = expiresAt };
        return true;
    });

    /// <summary>
    /// Gives a user a device of another type (e.g. <c>SMS</c>), as a user enrolling elsewhere would; the create call only makes voice
    /// devices. For tests of listing and filtering.
    /// </summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="type">The device's type.</param>
    /// <returns>The new device's id.</returns>
    public string AddDeviceOfType(string userId, string type)
    {
        var id = Guid.NewGuid().ToString();
        var now = DateTimeOffset.UtcNow;
        _state.WithDevicesOf(userId, devices =>
        {
            _state.Append(devices, new VoiceDevice
            {
                Id = id,
                Environment = new ResourceReference { Id = EmulatorSeed.EnvironmentId },
                User = new ResourceReference { Id = userId },
                Type = type,
                Status = "ACTIVE",
                Lock = new DeviceLock { Status = "UNLOCKED" },
                Block = new DeviceBlock { Status = "UNBLOCKED" },
                CreatedAt = now,
                UpdatedAt = now,
            });
            return true;
        });
        return id;
    }

    /// <summary>Waits until the emulator is stopped (e.g. by Ctrl+C when run as a program).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes at shutdown.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
