using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Cli;

/// <summary>
/// The command line's streams, environment and interruption, and how a command's outcome reaches them: data on
/// stdout, notes, progress and failures on stderr (<c>pingone-voice: …</c>, or one JSON object per line with
/// <c>--output json</c>). A failure goes through <see cref="CliErrors"/>, the one place that words it.
/// </summary>
internal sealed class CliContext
{
    public static readonly JsonSerializerSettings Json = new()
    {
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffK",
    };

    public CliContext(TextReader input, TextWriter output, TextWriter error, Func<string, string?> environment, Interruption? interruption = null)
    {
        Input = input;
        Output = output;
        Error = error;
        Environment = environment;
        Interruption = interruption ?? new Interruption(CancellationToken.None, listenToSignals: false);
    }

    public TextReader Input { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public Func<string, string?> Environment { get; }

    public Interruption Interruption { get; }

    /// <summary>Whether this invocation asked for <c>--output json</c>.</summary>
    public bool JsonOutput { get; private set; }

    /// <summary>The action of a command: reads <c>--output</c>, then runs <paramref name="run"/> through <see cref="GuardAsync"/>.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Action(Func<ParseResult, CancellationToken, Task<int>> run) =>
        (result, cancellationToken) =>
        {
            Begin(result);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Interruption.Stopping);
            return GuardAsync(async () =>
            {
                using (stop) return await run(result, stop.Token).ConfigureAwait(false);
            }, result.CommandResult.Command.Name);
        };

    /// <summary>Takes what the command line says about the output (<c>--output</c>).</summary>
    public void Begin(ParseResult result) => JsonOutput = OutputOptions.IsJson(result);

    /// <summary>
    /// Runs a command; a failure becomes one stderr report and the exit code its type and kind say (never its
    /// message text). A bug propagates; the caller's cancellation too, unless it is an interruption (exit 130 or 143).
    /// </summary>
    public async Task<int> GuardAsync(Func<Task<int>> run, string command = "")
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Interruption.Received != Interruption.Signal.None)
        {
            return await ReportAsync(CliErrors.Interrupted(Interruption.Received)).ConfigureAwait(false);
        }
        catch (Exception error) when (CliErrors.From(error, command) is { } report)
        {
            return await ReportAsync(report).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a failure on stderr; returns its exit code.</summary>
    public async Task<int> ReportAsync(CliError error)
    {
        await Error.WriteLineAsync(JsonOutput ? error.ToJson() : OneLine(error.ToText())).ConfigureAwait(false);
        return error.ExitCode;
    }

    /// <summary>A note for the person at the terminal (stderr): <c>pingone-voice: …</c>, or <c>{"note":"…"}</c>.</summary>
    public Task NoteAsync(string note) =>
        Error.WriteLineAsync(JsonOutput ? new JObject { ["note"] = note }.ToString(Formatting.None) : OneLine("pingone-voice: " + note));

    /// <summary>A command's result on stdout, as indented JSON (one compact line with <c>--output json</c>, so a stream of results stays one per line).</summary>
    public Task WriteDataAsync(object data) =>
        Output.WriteLineAsync(JsonConvert.SerializeObject(data, JsonOutput ? Formatting.None : Formatting.Indented, Json));

    private static string OneLine(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');
}
