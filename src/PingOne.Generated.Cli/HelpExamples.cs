using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>The examples that end each command's <c>--help</c>: one to three command lines that work as written.</summary>
internal static class HelpExamples
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["pingone-voice"] = new[]
        {
            "pingone-voice create --emulator --phone \"+1 (512) 555-1234\" --extension \"313#\"",
            "pingone-voice enroll --csv users.csv --policy <policy-id> --results results.jsonl",
            "echo \"(512) 555-1234\" | pingone-voice normalize --phone-region US",
        },
        ["create"] = new[]
        {
            "pingone-voice create --emulator --phone \"+1 (512) 555-1234\" --extension \"313#\"",
            "pingone-voice create --user <user-id> --policy <policy-id> --phone \"(512) 555-1234\" --phone-region US --nickname Desk",
        },
        ["normalize"] = new[]
        {
            "echo \"(512) 555-1234 ext. 313\" | pingone-voice normalize --phone-region US",
            "pingone-voice normalize --validation possible < phones.txt > phones.jsonl",
        },
        ["get"] = new[] { "pingone-voice get --user <user-id> --device <device-id>" },
        ["list"] = new[]
        {
            "pingone-voice list --emulator",
            "pingone-voice list --user <user-id> --limit 50 --filter 'type eq \"VOICE\"'",
        },
        ["delete"] = new[] { "pingone-voice delete --user <user-id> --device <device-id>" },
        ["rename"] = new[] { "pingone-voice rename --user <user-id> --device <device-id> --nickname \"Desk phone\"" },
        ["activate"] = new[] { "pingone-voice activate --user <user-id> --device <device-id> --otp 123456" },
        ["order"] = new[]
        {
            "pingone-voice order --user <user-id> --device <device-id> --first",
            "pingone-voice order --user <user-id> --clear",
        },
        ["block"] = new[] { "pingone-voice block --user <user-id> --device <device-id>" },
        ["unblock"] = new[] { "pingone-voice unblock --user <user-id> --device <device-id>" },
        ["unlock"] = new[] { "pingone-voice unlock --user <user-id> --device <device-id>" },
        ["enroll"] = new[]
        {
            "pingone-voice enroll --csv users.csv --dry-run",
            "pingone-voice enroll --csv users.csv --policy <policy-id> --rate 90",
            "pingone-voice enroll --csv users.csv --policy <policy-id> --output json --results results.jsonl > summary.json",
        },
        ["settings"] = new[]
        {
            "pingone-voice settings --emulator",
            "pingone-voice settings --phone-extensions true --max-devices 10",
        },
        ["emulator"] = new[]
        {
            "pingone-voice emulator --port 8080",
            "pingone-voice emulator --generated-users 20000 --rate-limit 100 --lost-answers 0.01 --seed 7",
        },
    };

    /// <summary>The "Examples:" section of <paramref name="command"/>'s help, or <see langword="null"/> if it has none.</summary>
    public static string? For(Command command) =>
        Examples.TryGetValue(command is RootCommand ? "pingone-voice" : command.Name, out var lines)
            ? string.Join(System.Environment.NewLine, lines.Select(line => "  " + line).Prepend("Examples:").Append(string.Empty))
            : null;

    /// <summary>Every command that has examples (tests check that each command has some).</summary>
    public static IEnumerable<string> Commands => Examples.Keys;
}
