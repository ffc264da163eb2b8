using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>
/// PingOne's Read One Device Authentication Policy for the one policy the emulator has (<see cref="EmulatorSeed.PolicyId"/>):
/// voice allowed, shaped as Ping's "Device authentication policy data model" describes a policy.
/// </summary>
internal static class EmulatorDeviceAuthenticationPolicy
{
    public static void Map(IEndpointRouteBuilder app, ApiGate gate) =>
        app.MapGet("/v1/environments/{envId}/deviceAuthenticationPolicies/{policyId}", context => gate.RunAsync(context, ReadAsync));

    private static Task ReadAsync(HttpContext context, string environmentId, string userId)
    {
        var policyId = (string)context.Request.RouteValues["policyId"]!;
        if (!string.Equals(policyId, EmulatorSeed.PolicyId, StringComparison.OrdinalIgnoreCase))
            return ErrorAsync(context, 404, "NOT_FOUND", "The request could not be completed. The requested resource was not found.");
        var policyUrl = $"{BaseUrl(context)}v1/environments/{environmentId}/deviceAuthenticationPolicies/{EmulatorSeed.PolicyId}";
        return WriteAsync(context, 200, new DeviceAuthenticationPolicy
        {
            _links = new DeviceAuthenticationPolicyLinks
            {
                Self = new Link { Href = policyUrl },
                Environment = new Link { Href = $"{BaseUrl(context)}v1/environments/{environmentId}" },
            },
            Id = EmulatorSeed.PolicyId,
            Environment = new ResourceReference { Id = environmentId },
            Name = "Default MFA Policy",
            Default = true,
            NewDeviceNotification = "NONE",
            Voice = new OfflineDevicePolicy { Enabled = true, PairingDisabled = false },
            Sms = new OfflineDevicePolicy { Enabled = true, PairingDisabled = false },
            Email = new OfflineDevicePolicy { Enabled = true, PairingDisabled = false },
            UpdatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
