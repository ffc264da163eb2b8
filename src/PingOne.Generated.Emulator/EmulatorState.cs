using System.Collections.Concurrent;

namespace PingOne.Generated.Emulator;

/// <summary>The emulator's in-memory data: issued tokens and each user's devices.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<VoiceDevice>> _devices = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, string> _pendingOtps = new(StringComparer.OrdinalIgnoreCase);

    public EmulatorState(int generatedUsers)
    {
        foreach (var user in EmulatorSeed.UserIds) _devices[user] = new List<VoiceDevice>();
        for (var i = 0; i < generatedUsers; i++) _devices[EmulatorSeed.GeneratedUserId(i)] = new List<VoiceDevice>();
    }

    /// <summary>Remembers the OTP that activates a device, and returns it.</summary>
    public string IssueOtp(string deviceId, string? fixedOtp)
    {
        var otp = fixedOtp ?? System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        _pendingOtps[deviceId] = otp;
        return otp;
    }

    /// <summary>Whether the OTP activates the device; a matching OTP is used up.</summary>
    public bool RedeemOtp(string deviceId, string otp) =>
        _pendingOtps.TryGetValue(deviceId, out var expected) && expected == otp && _pendingOtps.TryRemove(deviceId, out _);

    public string IssueToken(DateTimeOffset expiresAt)
    {
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = expiresAt;
        return token;
    }

    public bool IsValidToken(string token, DateTimeOffset now) => _tokens.TryGetValue(token, out var expiresAt) && expiresAt > now;

    public bool IsKnownEnvironment(string environmentId) => string.Equals(environmentId, EmulatorSeed.EnvironmentId, StringComparison.OrdinalIgnoreCase);

    public bool IsKnownUser(string userId) => _devices.ContainsKey(userId);

    /// <summary>Runs <paramref name="action"/> on the user's device list under that user's lock.</summary>
    public T WithDevicesOf<T>(string userId, Func<List<VoiceDevice>, T> action)
    {
        var devices = _devices[userId];
        lock (devices) return action(devices);
    }

    public IReadOnlyList<VoiceDevice> Snapshot(string userId) => WithDevicesOf(userId, devices => devices.ToList());
}
