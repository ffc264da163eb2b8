using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Emulator;

/// <summary>The token endpoint and the device operations of the spec, behaving as PingOne documents.</summary>
internal sealed class EmulatorEndpoints
{
    private static readonly JsonSerializerSettings Json = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'",
    };

    private readonly EmulatorState _state;
    private readonly FaultInjector _faults;
    private readonly SpecContract _contract;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly EmulatorMfaSettings _settings;

    public EmulatorEndpoints(EmulatorState state, FaultInjector faults, SpecContract contract, EmulatorOptions options, TimeProvider time)
    {
        _state = state;
        _faults = faults;
        _contract = contract;
        _options = options;
        _time = time;
        _settings = new EmulatorMfaSettings(options, time);
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/{envId}/as/token", IssueTokenAsync);
        app.MapGet("/v1/environments/{envId}/mfaSettings", context => ApiAsync(context, GetSettingsAsync));
        app.MapPut("/v1/environments/{envId}/mfaSettings", context => ApiAsync(context, UpdateSettingsAsync));
        app.MapDelete("/v1/environments/{envId}/mfaSettings", context => ApiAsync(context, ResetSettingsAsync));
        app.MapPost("/v1/environments/{envId}/users/{userId}/devices", context => ApiAsync(context, CreateOrReorderAsync));
        app.MapGet("/v1/environments/{envId}/users/{userId}/devices", context => ApiAsync(context, ListAsync));
        app.MapGet("/v1/environments/{envId}/users/{userId}/devices/{deviceId}", context => ApiAsync(context, GetAsync));
        app.MapDelete("/v1/environments/{envId}/users/{userId}/devices/{deviceId}", context => ApiAsync(context, DeleteAsync));
        app.MapPost("/v1/environments/{envId}/users/{userId}/devices/{deviceId}", context => ApiAsync(context, DeviceActionAsync));
        app.MapPut("/v1/environments/{envId}/users/{userId}/devices/{deviceId}/nickname", context => ApiAsync(context, RenameAsync));
        app.MapGet("/v1/environments/{envId}/deviceAuthenticationPolicies/{policyId}", context => ApiAsync(context, EmulatorDeviceAuthenticationPolicy.ReadAsync));
        app.MapFallback(context => ErrorAsync(context, 404, "NOT_FOUND", "The requested resource was not found."));
    }

    private async Task IssueTokenAsync(HttpContext context)
    {
        var environmentId = (string)context.Request.RouteValues["envId"]!;
        if (!_state.IsKnownEnvironment(environmentId)) { await ErrorAsync(context, 404, "NOT_FOUND", "The environment was not found."); return; }
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form?["grant_type"].ToString() != "client_credentials")
        {
            await WriteAsync(context, 400, new JObject { ["error"] = "unsupported_grant_type", ["error_description"] = "Only client_credentials is supported." });
            return;
        }
        var (clientId, clientSecret) = Credentials(context.Request, form);
        if (clientId != EmulatorSeed.ClientId || clientSecret != EmulatorSeed.ClientSecret)
        {
            await WriteAsync(context, 401, new JObject { ["error"] = "invalid_client", ["error_description"] = "Request denied: Invalid client credentials." });
            return;
        }
        var now = _time.GetUtcNow();
        var token = _state.IssueToken(EmulatorAccessToken.Create(new Uri(BaseUrl(context)), environmentId, EmulatorSeed.ClientId, now, now + _options.TokenLifetime), now + _options.TokenLifetime);
        await WriteAsync(context, 200, new JObject { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (int)_options.TokenLifetime.TotalSeconds });
    }

    // What every API request goes through before its operation: faults, authentication, the environment and user.
    private async Task ApiAsync(HttpContext context, Func<HttpContext, string, string, Task> operation)
    {
        if (_options.Latency > TimeSpan.Zero) await Task.Delay(_options.Latency, _time, context.RequestAborted);
        if (_faults.DropConnection()) { context.Abort(); return; }
        if (_faults.IsRateLimited(_time.GetUtcNow()))
        {
            context.Response.Headers.RetryAfter = "1";
            await ErrorAsync(context, 429, "REQUEST_LIMITED", "The request could not be completed. The request was rate limited.");
            return;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_state.IsValidToken(authorization.Substring(7), _time.GetUtcNow()))
        {
            await ErrorAsync(context, 401, "ACCESS_FAILED", "The request could not be completed. The access token is missing, invalid or expired.");
            return;
        }
        var environmentId = (string)context.Request.RouteValues["envId"]!;
        // Environment-level operations (MFA settings) have no user in their path.
        var userId = context.Request.RouteValues["userId"] as string ?? string.Empty;
        if (!_state.IsKnownEnvironment(environmentId) || (context.Request.RouteValues.ContainsKey("userId") && !_state.IsKnownUser(userId)))
        {
            await ErrorAsync(context, 404, "NOT_FOUND", "The request could not be completed. The requested resource was not found.");
            return;
        }
        if (_faults.ServerError()) { await ErrorAsync(context, 500, "UNEXPECTED_ERROR", "An unexpected error occurred."); return; }
        await operation(context, environmentId, userId);
    }

    private async Task CreateAsync(HttpContext context, string environmentId, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await PassesSpecAsync(context, "createVoiceDevice", body)) return;

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

    private Task GetSettingsAsync(HttpContext context, string environmentId, string userId) =>
        WriteAsync(context, 200, _settings.Read(environmentId, BaseUrl(context)));

    private async Task UpdateSettingsAsync(HttpContext context, string environmentId, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await PassesSpecAsync(context, "updateMfaSettings", body)) return;
        var sent = JsonConvert.DeserializeObject<MfaSettings>(body)!;
        await WriteAsync(context, 200, _settings.Replace(environmentId, sent, BaseUrl(context)));
    }

    // Reset: back to the settings the environment started with (the emulator's platform defaults, from EmulatorOptions).
    private Task ResetSettingsAsync(HttpContext context, string environmentId, string userId) =>
        WriteAsync(context, 200, _settings.Reset(environmentId, BaseUrl(context)));

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
        if (!await PassesSpecAsync(context, "updateDeviceNickname", body)) return;
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

    private async Task ActivateAsync(HttpContext context, string environmentId, string userId)
    {
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/vnd.pingidentity.device.activate+json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 415, "INVALID_REQUEST", "The request could not be completed. The content type is not supported for this operation.");
            return;
        }
        var deviceId = (string)context.Request.RouteValues["deviceId"]!;
        var body = await ReadBodyAsync(context);
        if (!await PassesSpecAsync(context, "activateDevice", body)) return;
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
        await WriteAsync(context, 200, UpdateDevice(context, userId, d =>
        {
            d.Status = "ACTIVE";
            if (d._links is not null) d._links.Activate = null;
        })!);
    }

    private static string? MediaType(HttpContext context) => context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();

    // POST .../devices: PingOne's vendor content type picks set order or remove order; any other vendor type is not an operation here.
    private Task CreateOrReorderAsync(HttpContext context, string environmentId, string userId) => MediaType(context) switch
    {
        "application/vnd.pingidentity.devices.reorder+json" => ReorderAsync(context, userId),
        "application/vnd.pingidentity.devices.order.remove+json" => RemoveOrderAsync(context, userId),
        { } vendor when vendor.StartsWith("application/vnd.", StringComparison.Ordinal) =>
            ErrorAsync(context, 415, "INVALID_REQUEST", "The request could not be completed. The content type is not supported for this operation."),
        _ => CreateAsync(context, environmentId, userId),
    };

    // POST .../devices/{deviceId}: the vendor content type picks activate, block, unblock or unlock; anything else is 415.
    private Task DeviceActionAsync(HttpContext context, string environmentId, string userId) => MediaType(context) switch
    {
        "application/vnd.pingidentity.device.activate+json" => ActivateAsync(context, environmentId, userId),
        "application/vnd.pingidentity.device.block+json" => SetStateAsync(context, userId, d => d.Block = new DeviceBlock { Status = "BLOCKED", BlockedAt = Millis(_time.GetUtcNow()) }),
        "application/vnd.pingidentity.device.unblock+json" => SetStateAsync(context, userId, d => d.Block = new DeviceBlock { Status = "UNBLOCKED" }),
        "application/vnd.pingidentity.device.unlock+json" => SetStateAsync(context, userId, d => d.Lock = new DeviceLock { Status = "UNLOCKED" }),
        _ => ErrorAsync(context, 415, "INVALID_REQUEST", "The request could not be completed. The content type is not supported for this operation."),
    };

    // Block, unblock, unlock: an empty body (Ping's examples send none); the answer is the device as it now is.
    private async Task SetStateAsync(HttpContext context, string userId, Action<VoiceDevice> change)
    {
        var device = UpdateDevice(context, userId, change);
        if (device is null) { await DeviceNotFoundAsync(context); return; }
        await WriteAsync(context, 200, device);
    }

    // Set Device Order: the listed devices first, in the order given; devices not listed keep their order after them.
    private async Task ReorderAsync(HttpContext context, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await PassesSpecAsync(context, "setDeviceOrder", body)) return;
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
        await ListAsync(context, (string)context.Request.RouteValues["envId"]!, userId);
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

    private VoiceDevice? UpdateDevice(HttpContext context, string userId, Action<VoiceDevice> change)
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

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    // Answers 400 for a body the spec rejects, naming each field at fault.
    private async Task<bool> PassesSpecAsync(HttpContext context, string operationId, string body)
    {
        IReadOnlyList<(string Target, string Problem)> problems;
        try
        {
            problems = _contract.CheckRequest(operationId, body);
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, "INVALID_REQUEST", "The request could not be completed. The request body is not valid JSON.");
            return false;
        }
        if (problems.Count == 0) return true;
        await InvalidDataAsync(context, problems.Select(p => Detail(p.Problem.Contains("Required", StringComparison.Ordinal) ? "REQUIRED_VALUE" : "INVALID_VALUE", p.Target, $"The value does not match the spec ({p.Problem}).")).ToArray());
        return false;
    }

    // PingOne's timestamps have millisecond precision.
    private static DateTimeOffset Millis(DateTimeOffset at)
    {
        at = at.ToUniversalTime();
        return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
    }

    // Read All MFA User Devices: `filter` (only `type eq "<TYPE>"`; any other filter is refused with INVALID_FILTER),
    // `limit` (page size) and `cursor` (the offset, opaque to clients: they follow `_links.next`).
    private async Task ListAsync(HttpContext context, string environmentId, string userId)
    {
        var query = context.Request.Query;
        IEnumerable<VoiceDevice> devices = _state.Snapshot(userId);
        var filter = query["filter"].ToString();
        if (filter.Length > 0)
        {
            var match = TypeFilter.Match(filter);
            if (!match.Success)
            {
                await InvalidDataAsync(context, Detail("INVALID_FILTER", "filter", "The emulator supports only the filter type eq \"<TYPE>\"."));
                return;
            }
            var type = match.Groups["type"].Value;
            devices = devices.Where(d => string.Equals(d.Type, type, StringComparison.OrdinalIgnoreCase));
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

    private static readonly System.Text.RegularExpressions.Regex TypeFilter =
        new(@"^\s*\(?\s*type\s+eq\s+""(?<type>[A-Za-z0-9_]+)""\s*\)?\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

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

    private static (string? ClientId, string? ClientSecret) Credentials(HttpRequest request, IFormCollection? form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) && header.Scheme == "Basic" && header.Parameter is not null)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)).Split(':', 2);
                if (pair.Length == 2) return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form?["client_id"], form?["client_secret"]);
    }

    internal static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";

    private static string UsersUrl(HttpContext context, string environmentId, string userId) => $"{BaseUrl(context)}v1/environments/{environmentId}/users/{userId}";

    private static PingOneErrorDetail Detail(string code, string target, string message) => new() { Code = code, Target = target, Message = message };

    private static Task InvalidDataAsync(HttpContext context, params PingOneErrorDetail[] details) =>
        WriteAsync(context, 400, new PingOneError
        {
            Id = Guid.NewGuid().ToString(),
            Code = "INVALID_DATA",
            Message = "The request could not be completed. One or more validation errors were in the request.",
            Details = details.ToList(),
        });

    private static Task DeviceNotFoundAsync(HttpContext context) =>
        ErrorAsync(context, 404, "NOT_FOUND", "The request could not be completed. The device was not found.");

    internal static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new PingOneError { Id = Guid.NewGuid().ToString(), Code = code, Message = message });

    internal static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonConvert.SerializeObject(body, Json), context.RequestAborted);
    }
}
