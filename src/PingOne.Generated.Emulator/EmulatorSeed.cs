namespace PingOne.Generated.Emulator;

/// <summary>
/// The fixed data every emulator starts with, so examples can be copied. None of it is secret: the
/// emulator only listens on loopback.
/// </summary>
public static class EmulatorSeed
{
    /// <summary>The one environment.</summary>
    public const string EnvironmentId = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";

    /// <summary>The first user, the one PingOne's documentation uses.</summary>
    public const string UserId = "b30ac647-e33e-464f-a6ea-0275082d4c26";

    /// <summary>A second user.</summary>
    public const string SecondUserId = "0f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e";

    /// <summary>A third user.</summary>
    public const string ThirdUserId = "7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f";

    /// <summary>The environment's default population ("Employees"): seeded users, most generated users, and users created without a population.</summary>
    public const string PopulationId = "60971d3b-cc5a-4601-9c44-2be541f91bf1";

    /// <summary>The second population ("Contractors"): every fourth generated user (index 3, 7, 11, …).</summary>
    public const string ContractorsPopulationId = "f1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b";

    /// <summary>The seed user's username (<see cref="UserId"/>), the one PingOne's "Read User or Users" example filters on.</summary>
    public const string Username = "wingar_helena";

    /// <summary>The device authentication policy new devices must name.</summary>
    public const string PolicyId = "5a3b0b6c-1f4e-4b8a-9d0c-6e2f7a8b9c0d";

    /// <summary>The worker app's client id.</summary>
    public const string ClientId = "emulator-worker-app";

    /// <summary>The worker app's client secret.</summary>
    public const string ClientSecret = "emulator-secret";

    /// <summary>The id of the generated user number <paramref name="index"/> (see <see cref="EmulatorOptions.GeneratedUsers"/>).</summary>
    /// <param name="index">From 0.</param>
    /// <returns>A stable, UUID-shaped id.</returns>
    public static string GeneratedUserId(int index) => $"00000000-0000-4000-8000-{index:D12}";

    /// <summary>The username of the generated user number <paramref name="index"/>: <c>user000042</c>.</summary>
    /// <param name="index">From 0.</param>
    /// <returns>The username, unique in the environment.</returns>
    public static string GeneratedUsername(int index) => GeneratedUsers.Username(index);

    /// <summary>All seeded users.</summary>
    public static IReadOnlyList<string> UserIds { get; } = new[] { UserId, SecondUserId, ThirdUserId };
}
