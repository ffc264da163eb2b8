using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>
/// <c>--output text|json</c>, accepted by every command (it is recursive on the root). <c>json</c> is for scripts:
/// stdout carries only JSON data (enroll's summary as one object), and every stderr line is one JSON object
/// (<c>{"note":…}</c>, <c>{"progress":…}</c>, <c>{"error":…}</c>).
/// </summary>
internal static class OutputOptions
{
    public const string Text = "text";
    public const string Json = "json";

    public static readonly Option<string> Format = new Option<string>("--output")
    {
        Description = "text (for people) or json (for scripts: JSON on stdout, one JSON object per stderr line).",
        HelpName = "text|json",
        DefaultValueFactory = _ => Text,
        Recursive = true,
    }.OneOf(Text, Json);

    /// <summary>Whether the command line asked for JSON (read from the tokens, so a command line that did not parse still says).</summary>
    public static bool IsJson(ParseResult result)
    {
        // A value that is not a choice (--output yaml) is a usage error, reported as text.
        return result.GetResult(Format) is { Tokens: [.., { Value: Json }] };
    }
}
