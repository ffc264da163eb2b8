namespace PingOne.Generated.Emulator;

/// <summary>How the emulator behaves, including faults to inject for tests.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Whether voice OTPs may go to extensions (PingOne's <c>phoneExtensions.enabled</c>). Defaults to true.</summary>
    public bool PhoneExtensionsEnabled { get; set; } = true;

    /// <summary>The most devices a user may have (PingOne's <c>pairing.maxAllowedDevices</c>). Defaults to 5.</summary>
    public int MaxDevicesPerUser { get; set; } = 5;

    /// <summary>
    /// Users to create beside the seeded ones, for bulk runs: their ids are <see cref="EmulatorSeed.GeneratedUserId"/>(0 ..
    /// count - 1). Defaults to none. Each has a profile, the same for the same index on every run: username <c>user000042</c>
    /// (<see cref="EmulatorSeed.GeneratedUsername"/>), email <c>user000042@example.com</c> (every 50th user shares the email of
    /// the user before it), population <see cref="EmulatorSeed.PopulationId"/> (every 4th: <see cref="EmulatorSeed.ContractorsPopulationId"/>),
    /// every 25th disabled, and by <c>index % 20</c> a phone: 0-5 international <c>mobilePhone</c> (+1 in three spellings, country
    /// US), 6-7 international +44 (GB), 8-10 national with the country in <c>address.countryCode</c> (US or GB), 11-12 national with
    /// no country, 13-14 only a <c>primaryPhone</c>, 15-16 no phone, 17 too short, 18 not a number (<c>n/a</c>), 19 both phones.
    /// Generated users are computed from their index when read, not stored: 100,000 of them cost no memory until listed.
    /// </summary>
    public int GeneratedUsers { get; set; }

    /// <summary>The OTP every new <c>ACTIVATION_REQUIRED</c> device gets, for tests; <see langword="null"/> (the default) for a random one.</summary>
    public string? FixedOtp { get; set; }

    /// <summary>How long an issued access token is valid. Defaults to one hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>API requests allowed per second before <c>429</c> with <c>Retry-After</c>; <see langword="null"/> for no limit.</summary>
    public int? RateLimitPerSecond { get; set; }

    /// <summary>The fraction (0 to 1) of API requests answered <c>500</c> without doing anything.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>The fraction (0 to 1) of device creations answered <c>500</c> after the device was created.</summary>
    public double ServerErrorAfterCreateRate { get; set; }

    /// <summary>The fraction (0 to 1) of API requests whose connection is dropped without an answer, before anything is done.</summary>
    public double DropConnectionRate { get; set; }

    /// <summary>
    /// The fraction (0 to 1) of device creations whose connection is dropped after the device was created: the answer
    /// is lost, the device exists.
    /// </summary>
    public double LostAnswerAfterCreateRate { get; set; }

    /// <summary>A delay added before every API answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The seed of the fault dice, for repeatable runs; <see langword="null"/> for a random one.</summary>
    public int? RandomSeed { get; set; }
}
