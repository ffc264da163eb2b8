namespace PingOne.Generated.Cli;

/// <summary>The documented exit codes of <c>pingone-voice</c>, and the one place that maps a failure kind to one.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>Bad input: a usage error, an invalid phone number or CSV row, missing or unusable settings.</summary>
    public const int BadInput = 1;

    /// <summary>PingOne refused the request (a 4xx other than 408 and 429): sending it again will not help.</summary>
    public const int PingOneRefused = 2;

    /// <summary>PingOne was unreachable or unavailable, rate limited the request, timed out, or the outcome is unknown: run the command again.</summary>
    public const int TryAgain = 3;

    /// <summary>Stopped by Ctrl+C (SIGINT), 128 + 2 as shells report it: run the same command again.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM, 128 + 15 as shells report it: run the same command again.</summary>
    public const int Terminated = 143;

    /// <summary>The section <c>--help</c> adds to the root command and every command that talks to PingOne.</summary>
    public static readonly string Help = string.Join(System.Environment.NewLine,
        "Exit codes:",
        "  0  ok",
        "  1  bad input or settings (usage, phone number, CSV, missing or unusable PingOne settings)",
        "  2  PingOne refused the request",
        "  3  PingOne unreachable, unavailable or rate limited, or the outcome is unknown: run the same command again",
        Signals,
        string.Empty);

    /// <summary>The lines about Ctrl+C and SIGTERM, the same in every exit code list.</summary>
    public static readonly string Signals = string.Join(System.Environment.NewLine,
        "  130  interrupted by Ctrl+C (SIGINT)",
        "  143  stopped by SIGTERM");

    /// <summary>The exit code for a failed call: only a refusal is final.</summary>
    public static int For(PingOneFailureKind kind) => kind == PingOneFailureKind.Refused ? PingOneRefused : TryAgain;
}
