using System.Collections.Concurrent;

namespace PingOne.Generated.Emulator;

/// <summary>The emulator's in-memory data: issued tokens and each user's devices.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<VoiceDevice>> _devices = new(StringComparer.OrdinalIgnoreCase);

    public EmulatorState()
    {
        foreach (var user in EmulatorSeed.UserIds) _devices[user] = new List<VoiceDevice>();
    }

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
