using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The emulator's routes: one resource per file (token, MFA settings, devices, device state, users), each over the shared
/// <see cref="EmulatorState"/>; this class only builds them and maps the one address two resources share.
/// </summary>
internal sealed class EmulatorEndpoints
{
    private readonly ApiGate _gate;
    private readonly TokenEndpoints _token;
    private readonly MfaSettingsEndpoints _settings;
    private readonly DeviceEndpoints _devices;
    private readonly DeviceStateEndpoints _deviceState;
    private readonly UserEndpoints _users;

    public EmulatorEndpoints(EmulatorState state, FaultInjector faults, SpecContract contract, EmulatorOptions options, TimeProvider time)
    {
        _gate = new ApiGate(state, faults, contract, options, time);
        var settings = new EmulatorMfaSettings(options, time);
        _token = new TokenEndpoints(state, options, time);
        _settings = new MfaSettingsEndpoints(_gate, settings);
        _devices = new DeviceEndpoints(state, faults, _gate, options, time, settings);
        _deviceState = new DeviceStateEndpoints(state, _gate, time, _devices);
        _users = new UserEndpoints(state, _gate, time);
    }

    public void Map(IEndpointRouteBuilder app)
    {
        _token.Map(app);
        _settings.Map(app);
        _devices.Map(app);
        _deviceState.Map(app);
        _users.Map(app);
        // POST .../devices: a PingOne vendor content type is a device order operation; anything else creates a device.
        app.MapPost(DeviceEndpoints.DevicesPath, context => _gate.RunAsync(context, (c, environmentId, userId) =>
            MediaType(c) is { } vendor && vendor.StartsWith("application/vnd.", StringComparison.Ordinal)
                ? _deviceState.OrderActionAsync(c, environmentId, userId)
                : _devices.CreateAsync(c, environmentId, userId)));
        app.MapFallback(context => ErrorAsync(context, 404, "NOT_FOUND", "The requested resource was not found."));
    }
}
