using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>A user's MFA devices: create, read all (filter and paging), read one, delete and rename.</summary>
internal sealed class DeviceEndpoints
{
    public const string DevicesPath = "/v1/environments/{envId}/users/{userId}/devices";
    public const string DevicePath = DevicesPath + "/{deviceId}";

    private readonly EmulatorState _state;
    private readonly FaultInjector _faults;
    private readonly ApiGate _gate;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly EmulatorMfaSettings _settings;

    public DeviceEndpoints(EmulatorState state, FaultInjector faults, ApiGate gate, EmulatorOptions options, TimeProvider time, EmulatorMfaSettings settings)
    {
        _state = state;
        _faults = faults;
        _gate = gate;
        _options = options;
        _time = time;
        _settings = settings;
    }

    // POST .../devices is shared with the device order operations (EmulatorEndpoints picks by content type).
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(DevicesPath, context => _gate.RunAsync(context, ListAsync));
        app.MapGet(DevicePath, context => _gate.RunAsync(context, GetAsync));
        app.MapDelete(DevicePath, context => _gate.RunAsync(context, DeleteAsync));
        app.MapPut(DevicePath + "/nickname", context => _gate.RunAsync(context, RenameAsync));
    }

    public async Task CreateAsync(HttpContext context, string environmentId, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await _gate.PassesSpecAsync(context, "createVoiceDevice", body)) return;

        var request = JsonConvert.DeserializeObject<CreateVoiceDeviceRequest>(body)!;
        if (!string.Equals(request.Policy.Id, EmulatorSeed.PolicyId, StringComparison.OrdinalIgnoreCase))
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", "policy.id", "The device authentication policy was not found."));
            return;
        }
        if (PhoneRule.Problem(request.Phone) is { } phoneProblem)
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", "phone", phoneProblem));
            return;
        }
        // The environment's MFA settings as they are now: a PUT of mfaSettings changes what the next create may do.
        var settings = _settings.Effective(environmentId);
        if (request.Extension is not null && !settings.PhoneExtensionsEnabled)
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", "extension", "Phone extensions are disabled in the environment's MFA settings."));
            return;
        }

        var now = _time.GetUtcNow();
        var device = _state.WithDevicesOf(userId, devices =>
        {
            if (devices.Count >= settings.MaxAllowedDevices) return null;
            var created = NewDevice(context, environmentId, userId, request, now);
            // Test mode is a property of the device: every later read still says so.
            if (request.TestMode == true) created.TestMode = true;
            _state.Append(devices, created);
            return created;
        });
        if (device is null)
        {
            // PingOne's documented answer (MFA Settings, "Maximum allowed devices"): REQUEST_FAILED, no target, the limit in innerError.
            await WriteAsync(context, 400, new PingOneError
            {
                Id = Guid.NewGuid().ToString(),
                Code = "REQUEST_FAILED",
                Message = "The request could not be completed. There was an issue processing the request.",
                Details = new List<PingOneErrorDetail>
                {
                    new() { Code = "LIMIT_EXCEEDED", Message = "Maximum allowed devices has been reached", InnerError = new PingOneErrorInnerError { MaximumAllowed = settings.MaxAllowedDevices } },
                },
            });
            return;
        }
        if (_faults.ServerErrorAfterCreate()) { await ErrorAsync(context, 500, "UNEXPECTED_ERROR", "An unexpected error occurred."); return; }
        if (_faults.LoseAnswerAfterCreate()) { context.Abort(); return; }
        if (device.Status == "ACTIVATION_REQUIRED")
        {
            var otp = _state.IssueOtp(device.Id, _options.FixedOtp);
            // Test mode sends nothing and hands the OTP back, so a test can complete the activation.
            if (request.TestMode == true) device = WithTestOtp(device, otp);
        }
        await WriteAsync(context, 201, device);
    }

    private async Task DeleteAsync(HttpContext context, string environmentId, string userId)
    {
        var deviceId = (string)context.Request.RouteValues["deviceId"]!;
        var removed = _state.WithDevicesOf(userId, devices => devices.RemoveAll(d => string.Equals(d.Id, deviceId, StringComparison.OrdinalIgnoreCase)));
        if (removed == 0) { await DeviceNotFoundAsync(context); return; }
        context.Response.StatusCode = 204;
    }

    private async Task RenameAsync(HttpContext context, string environmentId, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await _gate.PassesSpecAsync(context, "updateDeviceNickname", body)) return;
        var request = JsonConvert.DeserializeObject<UpdateNicknameRequest>(body)!;
        var device = UpdateDevice(context, userId, d => d.Nickname = request.Nickname.Length == 0 ? null : request.Nickname);
        if (device is null) { await DeviceNotFoundAsync(context); return; }
        // PingOne answers a rename with the nickname and links, not with the device.
        var deviceUrl = $"{UsersUrl(context, environmentId, userId)}/devices/{device.Id}";
        await WriteAsync(context, 200, new DeviceNickname
        {
            _links = new DeviceNicknameLinks { Self = new Link { Href = deviceUrl + "/nickname" }, Device = new Link { Href = deviceUrl } },
            Nickname = request.Nickname,
        });
    }

    /// <summary>Changes the device of the path under its user's lock and stamps <c>updatedAt</c>; <see langword="null"/> when the user has no such device.</summary>
    public VoiceDevice? UpdateDevice(HttpContext context, string userId, Action<VoiceDevice> change)
    {
        var deviceId = (string)context.Request.RouteValues["deviceId"]!;
        return _state.WithDevicesOf(userId, devices =>
        {
            var device = devices.FirstOrDefault(d => string.Equals(d.Id, deviceId, StringComparison.OrdinalIgnoreCase));
            if (device is null) return null;
            change(device);
            device.UpdatedAt = Millis(_time.GetUtcNow());
            return device;
        });
    }

    private static VoiceDevice WithTestOtp(VoiceDevice device, string otp)
    {
        var copy = JsonConvert.DeserializeObject<VoiceDevice>(JsonConvert.SerializeObject(device, Json))!;
        copy.Test = new DeviceTestData { Otp = otp };
        return copy;
    }

    // Read All MFA User Devices: `filter` (what Ping documents: `status eq` and `type eq`, joined by `and`; anything else is refused
    // with INVALID_FILTER, see DeviceFilter),
    // `limit` (page size) and `cursor` (the offset, opaque to clients: they follow `_links.next`).
    public async Task ListAsync(HttpContext context, string environmentId, string userId)
    {
        var query = context.Request.Query;
        IEnumerable<VoiceDevice> devices = _state.Snapshot(userId);
        var filter = query["filter"].ToString();
        if (filter.Length > 0)
        {
            if (DeviceFilter.Parse(filter) is not { } keep)
            {
                await InvalidDataAsync(context, Detail("INVALID_FILTER", "filter", "The filter is not supported: Read All MFA User Devices filters on status eq \"<STATUS>\" and type eq \"<TYPE>\", joined by and."));
                return;
            }
            devices = devices.Where(keep);
        }
        var all = devices.ToList();
        int? limit = null;
        if (query.ContainsKey("limit"))
        {
            if (!int.TryParse(query["limit"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                await InvalidDataAsync(context, Detail("INVALID_VALUE", "limit", "limit must be a positive integer."));
                return;
            }
            limit = parsed;
        }
        var offset = 0;
        if (query.ContainsKey("cursor") && (!int.TryParse(query["cursor"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset > all.Count))
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", "cursor", "The cursor is not valid; follow _links.next."));
            return;
        }
        var pageDevices = all.Skip(offset).Take(limit ?? int.MaxValue).ToList();
        var devicesUrl = UsersUrl(context, environmentId, userId) + "/devices";
        var links = new CollectionLinks
        {
            Self = new Link { Href = devicesUrl + context.Request.QueryString.Value },
            DevicesReorder = new Link { Href = devicesUrl },
        };
        var nextOffset = offset + pageDevices.Count;
        if (limit is { } size && nextOffset < all.Count)
        {
            var next = new List<KeyValuePair<string, string?>>();
            if (filter.Length > 0) next.Add(new("filter", filter));
            next.Add(new("limit", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            next.Add(new("cursor", nextOffset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            links.Next = new Link { Href = devicesUrl + QueryString.Create(next).Value };
        }
        var page = new DeviceCollection
        {
            _links = links,
            _embedded = new EmbeddedDevices { Devices = pageDevices },
            Count = all.Count,
            Size = pageDevices.Count,
        };
        await WriteAsync(context, 200, page);
    }

    private async Task GetAsync(HttpContext context, string environmentId, string userId)
    {
        var deviceId = (string)context.Request.RouteValues["deviceId"]!;
        var device = _state.Snapshot(userId).FirstOrDefault(d => string.Equals(d.Id, deviceId, StringComparison.OrdinalIgnoreCase));
        if (device is null) { await DeviceNotFoundAsync(context); return; }
        await WriteAsync(context, 200, device);
    }

    private static VoiceDevice NewDevice(HttpContext context, string environmentId, string userId, CreateVoiceDeviceRequest request, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString();
        var userUrl = UsersUrl(context, environmentId, userId);
        var at = Millis(now);
        return new VoiceDevice
        {
            _links = new DeviceLinks
            {
                Self = new Link { Href = $"{userUrl}/devices/{id}" },
                Environment = new Link { Href = $"{BaseUrl(context)}v1/environments/{environmentId}" },
                User = new Link { Href = userUrl },
                // PingOne (Read All MFA User Devices): an inactive device's links include "activate".
                Activate = request.Status == DeviceCreationStatus.ActivationRequired ? new Link { Href = $"{userUrl}/devices/{id}" } : null,
            },
            Id = id,
            Environment = new ResourceReference { Id = environmentId },
            User = new ResourceReference { Id = userId },
            Type = "VOICE",
            // An administrator's device needs no pairing unless the request asks for it.
            Status = request.Status == DeviceCreationStatus.ActivationRequired ? "ACTIVATION_REQUIRED" : "ACTIVE",
            Nickname = request.Nickname,
            Phone = request.Phone, // exactly as sent, as PingOne's example answer echoes +1.5125551111
            Extension = request.Extension,
            Lock = new DeviceLock { Status = "UNLOCKED" },
            Block = new DeviceBlock { Status = "UNBLOCKED" },
            CreatedAt = at,
            UpdatedAt = at,
        };
    }
}
