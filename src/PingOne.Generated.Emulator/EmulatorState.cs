using System.Collections.Concurrent;

namespace PingOne.Generated.Emulator;

/// <summary>The emulator's in-memory data: issued tokens and each user's devices.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<VoiceDevice>> _devices = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, string> _pendingOtps = new(StringComparer.OrdinalIgnoreCase);

    // When each device was added (a sequence, not a clock: two devices made in one millisecond still have an order), so that
    // removing the device order can put a user's devices back in the order they were created.
    private readonly ConcurrentDictionary<string, long> _createdSequence = new(StringComparer.OrdinalIgnoreCase);
    private long _lastCreated;

    public EmulatorState(int generatedUsers)
    {
        foreach (var user in EmulatorSeed.UserIds) _devices[user] = new List<VoiceDevice>();
        for (var i = 0; i < generatedUsers; i++) _devices[EmulatorSeed.GeneratedUserId(i)] = new List<VoiceDevice>();
        Directory = new EmulatorDirectory(generatedUsers);
    }

    /// <summary>The environment's users (profiles), read and created through the Users API.</summary>
    public EmulatorDirectory Directory { get; }

    /// <summary>Makes a user created through the Users API known to the device operations.</summary>
    public void AddUser(string userId) => _devices.TryAdd(userId, new List<VoiceDevice>());

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

    /// <summary>Adds a new device at the end of a user's list (call under <see cref="WithDevicesOf{T}"/>), remembering when it was created.</summary>
    public void Append(List<VoiceDevice> devices, VoiceDevice device)
    {
        _createdSequence[device.Id] = Interlocked.Increment(ref _lastCreated);
        devices.Add(device);
    }

    /// <summary>Puts a user's devices back in the order they were created (call under <see cref="WithDevicesOf{T}"/>).</summary>
    public void RestoreCreationOrder(List<VoiceDevice> devices)
    {
        var byCreation = devices.OrderBy(d => _createdSequence.TryGetValue(d.Id, out var sequence) ? sequence : long.MaxValue).ToList();
        devices.Clear();
        devices.AddRange(byCreation);
    }

    public IReadOnlyList<VoiceDevice> Snapshot(string userId) => WithDevicesOf(userId, devices => devices.ToList());
}
