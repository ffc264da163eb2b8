using PingOne.Generated.Cli.Enroll;

namespace PingOne.Generated.Cli;

/// <summary>
/// The one place a failure becomes what the command line reports (STYLE.md: "commands never format exceptions
/// themselves"). It reads the exception's structured data (<see cref="PingOneException.Kind"/>, status and ids,
/// <see cref="InvalidPhoneNumberException.Reason"/>, <see cref="ArgumentException.ParamName"/>) and speaks in
/// options and <c>PINGONE_*</c> variables, never in .NET names.
/// </summary>
internal static class CliErrors
{
    // The library's parameter names, as the options that carry them on the command line.
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["userId"] = "--user",
        ["deviceId"] = "--device",
        ["deviceIds"] = "--device",
        ["policyId"] = "--policy",
        ["request"] = "--policy",
        ["nickname"] = "--nickname",
        ["otp"] = "--otp",
        ["query"] = "--limit",
        ["settings"] = "--max-devices",
        ["phone"] = "--phone",
        ["extension"] = "--extension",
        ["DefaultRegion"] = "--phone-region",
        ["accessToken"] = "--access-token (PINGONE_ACCESS_TOKEN)",
    };

    // The library's configuration keys, as the options and variables the command line reads them from.
    private static readonly (string Key, string Cli)[] Settings =
    {
        ("PingOne:EnvironmentId", "--environment (PINGONE_ENVIRONMENT_ID)"),
        ("PingOne:ClientId", "--client-id (PINGONE_CLIENT_ID)"),
        ("PingOne:ClientSecret", "--client-secret (PINGONE_CLIENT_SECRET)"),
        ("PingOne:AccessToken", "--access-token (PINGONE_ACCESS_TOKEN)"),
        ("PingOne:Region", "--pingone-region (PINGONE_REGION)"),
        ("PingOne:ApiBaseAddress", "--api-url (PINGONE_API_URL)"),
        ("PingOne:AuthBaseAddress", "--auth-url (PINGONE_AUTH_URL)"),
        ("PingOne:AllowHttpOnLoopback", "an http://127.0.0.1 or http://localhost URL"),
        ("AllowHttpOnLoopback", "an http://127.0.0.1 or http://localhost URL"),
    };

    /// <summary>The report of <paramref name="error"/>, or <see langword="null"/> for a failure that is not the user's to read (a bug: it propagates).</summary>
    /// <param name="error">What was thrown.</param>
    /// <param name="command">The command's name, for "see 'pingone-voice &lt;command&gt; --help'".</param>
    public static CliError? From(Exception error, string command) => error switch
    {
        PingOneException failure => FromPingOne(failure),
        PingOneConfigurationException settings => new CliError("settings", string.Join(" ", settings.Problems.Select(InCliWords)), ExitCodes.BadInput),
        UsageException usage => Usage(usage.Message, command),
        InvalidPhoneNumberException phone => new CliError("input", Sentence(PhoneProblems.Describe(phone.Reason, "--phone", "--extension")), ExitCodes.BadInput),
        JournalMismatchException journal => new CliError("file", journal.Message, ExitCodes.BadInput),
        ArgumentException argument => new CliError("input", FromArgument(argument), ExitCodes.BadInput),
        // A file named on the command line (--csv, --journal, --results) cannot be read or written.
        IOException or UnauthorizedAccessException => new CliError("file", error.Message, ExitCodes.BadInput),
        _ => null,
    };

    /// <summary>A usage error: the problem, then where the command's options are described.</summary>
    public static CliError Usage(string problem, string command) =>
        new("usage", $"{problem.TrimEnd('.')}. See 'pingone-voice {(command.Length == 0 ? string.Empty : command + " ")}--help'.", ExitCodes.BadInput);

    /// <summary>The run was stopped by Ctrl+C (SIGINT) or SIGTERM.</summary>
    public static CliError Interrupted(Interruption.Signal signal) =>
        new("interrupted", $"interrupted ({(signal == Interruption.Signal.Terminate ? "SIGTERM" : "Ctrl+C")}).", signal == Interruption.Signal.Terminate ? ExitCodes.Terminated : ExitCodes.Interrupted);

    /// <summary><c>RateLimited</c> as <c>rate-limited</c>: how JSON names the failure kinds.</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A PingOne failure in one line, as the results file's detail says it.</summary>
    public static string Describe(PingOneException failure) => FromPingOne(failure).Message;

    // The library's message is built from PingOne's code and message (or the network's words), phones masked.
    private static CliError FromPingOne(PingOneException failure) =>
        new(Kebab(failure.Kind.ToString()), failure.Message, ExitCodes.For(failure.Kind))
        {
            Status = failure.Status == 0 ? null : failure.Status,
            Code = failure.Error?.Code,
            ErrorId = failure.ErrorId,
            CorrelationId = failure.CorrelationId,
            Details = failure.Details,
        };

    private static string FromArgument(ArgumentException argument)
    {
        var message = argument.Message;
        if (argument.ParamName is { Length: > 0 } name)
        {
            var suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
            if (Options.TryGetValue(name, out var option))
                return $"{option}: {(message.StartsWith(name + " ", StringComparison.Ordinal) ? message[(name.Length + 1)..] : message)}";
        }
        return message;
    }

    private static string InCliWords(string problem)
    {
        foreach (var (key, cli) in Settings) problem = problem.Replace(key, cli, StringComparison.Ordinal);
        return problem;
    }

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
