using System.Globalization;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// The environment's MFA settings a rollout depends on, read once before the first create (the pre-flight): rows
/// PingOne would refuse for them are reported <c>refused</c> with the reason, and nothing is sent for them.
/// </summary>
internal sealed class TenantRules
{
    private TenantRules(bool? extensionsEnabled, int? maxDevices)
    {
        ExtensionsEnabled = extensionsEnabled;
        MaxDevices = maxDevices;
    }

    /// <summary>No pre-flight (<c>--skip-preflight</c>): PingOne judges every row itself.</summary>
    public static TenantRules Unknown { get; } = new(null, null);

    /// <summary><c>phoneExtensions.enabled</c>; <see langword="null"/> when not read.</summary>
    public bool? ExtensionsEnabled { get; }

    /// <summary><c>pairing.maxAllowedDevices</c>; <see langword="null"/> when not read.</summary>
    public int? MaxDevices { get; }

    public static async Task<TenantRules> ReadAsync(PingOneMfaClient client, string environmentId, CancellationToken cancellationToken)
    {
        var settings = await client.GetMfaSettingsAsync(environmentId, cancellationToken).ConfigureAwait(false);
        // PingOne's documented defaults when a part is absent: extensions off, 5 devices.
        return new TenantRules(settings.PhoneExtensions?.Enabled ?? false, settings.Pairing?.MaxAllowedDevices ?? MfaSettingsPairing.DefaultMaxAllowedDevices);
    }

    /// <summary>Why PingOne would refuse to create this row whatever the user has; <see langword="null"/> if nothing does.</summary>
    public string? Refusal(NormalizedPhone phone) =>
        phone.Extension is not null && ExtensionsEnabled == false
            ? "phone extensions are disabled in the environment's MFA settings (phoneExtensions.enabled is false); enable them or remove the extension"
            : null;

    /// <summary>Whether a user who has <paramref name="devices"/> devices may get another one.</summary>
    public bool HasRoomFor(int devices) => MaxDevices is not { } max || devices < max;

    public string LimitReached(int devices) => string.Create(CultureInfo.InvariantCulture,
        $"the user has {devices} MFA device{(devices == 1 ? string.Empty : "s")}, the most the environment allows (pairing.maxAllowedDevices is {MaxDevices}); remove one or raise the limit");

    public string Describe() => ExtensionsEnabled is null
        ? "pre-flight skipped"
        : string.Create(CultureInfo.InvariantCulture, $"pre-flight: phone extensions {(ExtensionsEnabled == true ? "enabled" : "disabled")}, at most {MaxDevices} devices per user");
}
