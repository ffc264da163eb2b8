using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Cli;

/// <summary>
/// A failure as the command line reports it: one line in the CLI's own words and its exit code, plus what PingOne
/// said (status, code, error id, correlation id) when PingOne said it. Written as <c>pingone-voice: …</c> or, with
/// <c>--output json</c>, as one <c>{"error":{…}}</c> object on stderr.
/// </summary>
/// <param name="Kind">
/// <c>usage</c>, <c>input</c>, <c>settings</c>, <c>file</c>, <c>interrupted</c>, or PingOne's failure kind
/// (<c>refused</c>, <c>rate-limited</c>, <c>unavailable</c>, <c>unreachable</c>, <c>timed-out</c>, <c>outcome-unknown</c>, <c>invalid-response</c>).
/// </param>
/// <param name="Message">One line, no .NET names.</param>
/// <param name="ExitCode">The documented exit code.</param>
internal sealed record CliError(string Kind, string Message, int ExitCode)
{
    public int? Status { get; init; }

    public string? Code { get; init; }

    public string? ErrorId { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyList<PingOneErrorDetail> Details { get; init; } = Array.Empty<PingOneErrorDetail>();

    public string ToText() => "pingone-voice: " + Message;

    public string ToJson()
    {
        var error = new JObject { ["kind"] = Kind, ["message"] = Message, ["exitCode"] = ExitCode };
        if (Status is { } status) error["status"] = status;
        if (Code is not null) error["code"] = Code;
        if (ErrorId is not null) error["errorId"] = ErrorId;
        if (CorrelationId is not null) error["correlationId"] = CorrelationId;
        if (Details.Count > 0)
            error["details"] = new JArray(Details.Select(d => new JObject { ["target"] = d.Target, ["code"] = d.Code, ["message"] = d.Message }));
        return new JObject { ["error"] = error }.ToString(Formatting.None);
    }
}
