using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>
/// A device's state and a user's device order, each picked by PingOne's vendor content type: activate, block, unblock and
/// unlock on <c>POST .../devices/{deviceId}</c>; set and remove the order on <c>POST .../devices</c>.
/// </summary>
internal sealed class DeviceStateEndpoints
{
    private readonly EmulatorState _state;
    private readonly ApiGate _gate;
    private readonly TimeProvider _time;
    private readonly DeviceEndpoints _devices;

    public DeviceStateEndpoints(EmulatorState state, ApiGate gate, TimeProvider time, DeviceEndpoints devices)
    {
        _state = state;
        _gate = gate;
        _time = time;
        _devices = devices;
    }

    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost(DeviceEndpoints.DevicePath, context => _gate.RunAsync(context, DeviceActionAsync));

    // POST .../devices: PingOne's vendor content type picks set order or remove order; any other vendor type is not an operation here.
    public Task OrderActionAsync(HttpContext context, string environmentId, string userId) => MediaType(context) switch
    {
        "application/vnd.pingidentity.devices.reorder+json" => ReorderAsync(context, userId),
        "application/vnd.pingidentity.devices.order.remove+json" => RemoveOrderAsync(context, userId),
        _ => UnsupportedMediaTypeAsync(context),
    };

    // POST .../devices/{deviceId}: the vendor content type picks activate, block, unblock or unlock; anything else is 415.
    private Task DeviceActionAsync(HttpContext context, string environmentId, string userId) => MediaType(context) switch
    {
        "application/vnd.pingidentity.device.activate+json" => ActivateAsync(context, environmentId, userId),
        "application/vnd.pingidentity.device.block+json" => SetStateAsync(context, userId, d => d.Block = new DeviceBlock { Status = "BLOCKED", BlockedAt = Millis(_time.GetUtcNow()) }),
        "application/vnd.pingidentity.device.unblock+json" => SetStateAsync(context, userId, d => d.Block = new DeviceBlock { Status = "UNBLOCKED" }),
        "application/vnd.pingidentity.device.unlock+json" => SetStateAsync(context, userId, d => d.Lock = new DeviceLock { Status = "UNLOCKED" }),
        _ => UnsupportedMediaTypeAsync(context),
    };

    private async Task ActivateAsync(HttpContext context, string environmentId, string userId)
    {
        var deviceId = (string)context.Request.RouteValues["deviceId"]!;
        var body = await ReadBodyAsync(context);
        if (!await _gate.PassesSpecAsync(context, "activateDevice", body)) return;
        var request = JsonConvert.DeserializeObject<ActivateDeviceRequest>(body)!;
        if (_state.Snapshot(userId).All(d => !string.Equals(d.Id, deviceId, StringComparison.OrdinalIgnoreCase)))
        {
            await DeviceNotFoundAsync(context);
            return;
        }
        if (!_state.RedeemOtp(deviceId, request.Otp))
        {
            await InvalidDataAsync(context, Detail("INVALID_OTP", "otp", "The OTP is not valid for this device."));
            return;
        }
        await WriteAsync(context, 200, _devices.UpdateDevice(context, userId, d =>
        {
            d.Status = "ACTIVE";
            if (d._links is not null) d._links.Activate = null;
        })!);
    }

    // Block, unblock, unlock: an empty body (Ping's examples send none); the answer is the device as it now is.
    private async Task SetStateAsync(HttpContext context, string userId, Action<VoiceDevice> change)
    {
        var device = _devices.UpdateDevice(context, userId, change);
        if (device is null) { await DeviceNotFoundAsync(context); return; }
        await WriteAsync(context, 200, device);
    }

    // Set Device Order: the listed devices first, in the order given; devices not listed keep their order after them.
    private async Task ReorderAsync(HttpContext context, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await _gate.PassesSpecAsync(context, "setDeviceOrder", body)) return;
        var ids = JsonConvert.DeserializeObject<SetDeviceOrderRequest>(body)!.Order.Select(entry => entry.Id).ToList();
        var problem = _state.WithDevicesOf(userId, devices =>
        {
            var ordered = new List<VoiceDevice>();
            for (var i = 0; i < ids.Count; i++)
            {
                var device = devices.FirstOrDefault(d => string.Equals(d.Id, ids[i], StringComparison.OrdinalIgnoreCase));
                if (device is null) return Detail("INVALID_VALUE", $"order[{i}].id", "The device was not found for this user.");
                if (ordered.Contains(device)) return Detail("INVALID_VALUE", $"order[{i}].id", "The device is listed more than once.");
                ordered.Add(device);
            }
            ordered.AddRange(devices.Where(d => !ordered.Contains(d)).ToList());
            devices.Clear();
            devices.AddRange(ordered);
            return null;
        });
        if (problem is not null) { await InvalidDataAsync(context, problem); return; }
        await _devices.ListAsync(context, (string)context.Request.RouteValues["envId"]!, userId);
    }

    // Remove Device Order: the explicit order is gone and the devices are listed in the order they were created. Ping documents
    // no body either way: any sent is ignored, and the answer is 204.
    private Task RemoveOrderAsync(HttpContext context, string userId)
    {
        _state.WithDevicesOf(userId, devices =>
        {
            _state.RestoreCreationOrder(devices);
            return true;
        });
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
