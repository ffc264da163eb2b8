using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.Cli;

/// <summary>
/// What <c>pingone-voice emulator</c> prints when it is listening: the settings in every form a user pastes somewhere
/// (<c>export</c> lines for the CLI, <c>PingOne__*</c> variables and an <c>appsettings.json</c> section for the DI
/// package), the seed ids, the faults in force, and that its state lasts only as long as the process.
/// </summary>
internal static class EmulatorBanner
{
    /// <summary>The last line of the banner: once it is written, every setting has been.</summary>
    public const string LastLine = "Ctrl+C stops it.";

    /// <summary>The banner's lines; every <c>export</c> line and the JSON block can be copied as they are.</summary>
    public static IReadOnlyList<string> Lines(PingOneEmulator emulator, EmulatorOptions options, string faults)
    {
        var lines = new List<string>();
        void Line(string line = "") => lines.Add(line);

        Line($"PingOne emulator listening on {emulator.BaseAddress}");
        Line("Its state (devices, MFA settings) lives in this process only: it starts empty and is gone when the process stops.");
        Line();
        Line("For pingone-voice in another terminal (bash):");
        foreach (var (name, value) in emulator.EnvironmentVariables())
            Line($"  export {name}={value}");
        Line();
        Line("For an application using PingOne.Generated.DependencyInjection, as environment variables (bash):");
        foreach (var (key, value) in emulator.ConfigurationSettings())
            Line($"  export {key.Replace(":", "__", StringComparison.Ordinal)}={value}");
        Line("or as the PingOne section of appsettings.json:");
        foreach (var jsonLine in AppSettingsJson(emulator).Split('\n'))
            Line("  " + jsonLine);
        Line();
        Line($"Seed data: users {string.Join(", ", EmulatorSeed.UserIds)}; device authentication policy {EmulatorSeed.PolicyId}.");
        if (options.GeneratedUsers > 0)
            Line(string.Create(CultureInfo.InvariantCulture,
                $"  generated users {EmulatorSeed.GeneratedUserId(0)} .. {EmulatorSeed.GeneratedUserId(options.GeneratedUsers - 1)} (00000000-0000-4000-8000-<index as 12 digits>)."));
        if (faults.Length > 0) Line("  faults: " + faults + ".");
        Line(LastLine);
        return lines;
    }

    // {"PingOne": {...}} with AllowHttpOnLoopback as a JSON boolean, the way a person writes appsettings.json.
    private static string AppSettingsJson(PingOneEmulator emulator)
    {
        var section = new JsonObject();
        foreach (var (key, value) in emulator.ConfigurationSettings())
        {
            var name = key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
            section[name] = bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(value);
        }
        var root = new JsonObject { [PingOneSectionName] = section };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private const string PingOneSectionName = "PingOne";
}
