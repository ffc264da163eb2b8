using Newtonsoft.Json;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>
/// Each environment's MFA settings, initialised from <see cref="EmulatorOptions"/>, changed by
/// <c>PUT .../mfaSettings</c> and reset to that start by <c>DELETE .../mfaSettings</c>. The create endpoint reads the current settings on every request.
/// </summary>
internal sealed class EmulatorMfaSettings
{
    private readonly Dictionary<string, MfaSettings> _byEnvironment = new(StringComparer.OrdinalIgnoreCase);
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;

    public EmulatorMfaSettings(EmulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The two settings the device operations obey, as they are now.</summary>
    public (bool PhoneExtensionsEnabled, int MaxAllowedDevices) Effective(string environmentId)
    {
        lock (_byEnvironment)
        {
            var settings = Stored(environmentId);
            return (settings.PhoneExtensions?.Enabled ?? false, settings.Pairing?.MaxAllowedDevices ?? MfaSettingsPairing.DefaultMaxAllowedDevices);
        }
    }

    /// <summary>A copy of the environment's settings, with links to <paramref name="baseUrl"/>.</summary>
    public MfaSettings Read(string environmentId, string baseUrl)
    {
        lock (_byEnvironment) return WithLinks(Copy(Stored(environmentId)), environmentId, baseUrl);
    }

    /// <summary>
    /// Replaces the settings with what a PUT sent (a full replacement): what it leaves out takes PingOne's documented
    /// default (5 devices, extensions disabled, device selection <c>DEFAULT_TO_FIRST</c>) or is gone; unknown properties are kept as sent.
    /// </summary>
    public MfaSettings Replace(string environmentId, MfaSettings sent, string baseUrl)
    {
        var stored = Copy(sent);
        stored._links = null;
        stored.Environment = new ResourceReference { Id = environmentId };
        stored.Pairing ??= new MfaSettingsPairing();
        stored.Pairing.MaxAllowedDevices ??= MfaSettingsPairing.DefaultMaxAllowedDevices;
        stored.PhoneExtensions ??= new MfaSettingsPhoneExtensions();
        stored.PhoneExtensions.Enabled ??= false;
        // Ping's update example answers DEFAULT_TO_FIRST to a PUT that leaves it out: the value PingOne uses when none is given.
        stored.Authentication ??= new MfaSettingsAuthentication();
        stored.Authentication.DeviceSelection ??= MfaSettingsAuthentication.DefaultToFirst;
        stored.UpdatedAt = Millis(_time.GetUtcNow());
        lock (_byEnvironment)
        {
            _byEnvironment[environmentId] = stored;
            return WithLinks(Copy(stored), environmentId, baseUrl);
        }
    }

    /// <summary>
    /// Resets the settings (<c>DELETE .../mfaSettings</c>) to those the environment started with: the emulator's platform defaults,
    /// from <see cref="EmulatorOptions"/>. Returns them with links to <paramref name="baseUrl"/>.
    /// </summary>
    public MfaSettings Reset(string environmentId, string baseUrl)
    {
        lock (_byEnvironment)
        {
            _byEnvironment.Remove(environmentId);
            return WithLinks(Copy(Stored(environmentId)), environmentId, baseUrl);
        }
    }

    // The settings an environment starts with: the two of EmulatorOptions, and the emulator's own choice for the rest.
    private MfaSettings Stored(string environmentId)
    {
        if (_byEnvironment.TryGetValue(environmentId, out var settings)) return settings;
        settings = new MfaSettings
        {
            Environment = new ResourceReference { Id = environmentId },
            Pairing = new MfaSettingsPairing { MaxAllowedDevices = _options.MaxDevicesPerUser, PairingKeyFormat = "NUMERIC" },
            Lockout = new MfaSettingsLockout { FailureCount = 5, DurationSeconds = 600 },
            PhoneExtensions = new MfaSettingsPhoneExtensions { Enabled = _options.PhoneExtensionsEnabled },
            Users = new MfaSettingsUsers { MfaEnabled = true },
            // Every settings example of Ping's (read, update, reset) carries it.
            Authentication = new MfaSettingsAuthentication { DeviceSelection = MfaSettingsAuthentication.DefaultToFirst },
            UpdatedAt = Millis(_time.GetUtcNow()),
        };
        _byEnvironment[environmentId] = settings;
        return settings;
    }

    private static MfaSettings WithLinks(MfaSettings settings, string environmentId, string baseUrl)
    {
        var environmentUrl = $"{baseUrl}v1/environments/{environmentId}";
        settings._links = new MfaSettingsLinks { Self = new Link { Href = environmentUrl + "/mfaSettings" }, Environment = new Link { Href = environmentUrl } };
        return settings;
    }

    private static MfaSettings Copy(MfaSettings settings) => JsonConvert.DeserializeObject<MfaSettings>(JsonConvert.SerializeObject(settings))!;
}
