namespace PingOne.Generated.Cli.Doctor;

/// <summary>
/// What a <c>403</c> means for each operation the doctor calls: the PingOne role (or permission) Ping documents for it. Sources:
/// the MFA Devices page ("You need the Identity Data Admin role to perform operations on device resources",
/// https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html); the MFA Settings and Device Authentication Policies
/// pages name no single role and point to "PingOne Permissions by Service"
/// (https://developer.pingidentity.com/pingone-api/platform/reference/roles-and-permissions-in-pingone/permissions-by-service.html).
/// </summary>
internal static class PingOneRoles
{
    private const string DeviceRole = "the Identity Data Admin role (PingOne: \"You need the Identity Data Admin role to perform operations on device resources\")";

    /// <summary>The role to give the worker app, for a spec operation id.</summary>
    public static string For(string operationId) => operationId switch
    {
        "getMfaSettings" => "a role that may read the environment's MFA settings (PingOne's MFA Settings page points to \"PingOne Permissions by Service\", service mfa)",
        "readDeviceAuthenticationPolicy" => "a role that may read device authentication policies (PingOne's Device Authentication Policies page points to \"PingOne Permissions by Service\", service mfa)",
        _ => DeviceRole,
    };
}
