using Newtonsoft.Json;

namespace PingOne.Generated.Cli;

/// <summary>The command line's streams and environment, and how a failure becomes one stderr line and an exit code.</summary>
internal sealed class CliContext
{
    public static readonly JsonSerializerSettings Json = new()
    {
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Ignore,
        DateFormatString = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffK",
    };

    public CliContext(TextReader input, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        Input = input;
        Output = output;
        Error = error;
        Environment = environment;
    }

    public TextReader Input { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public Func<string, string?> Environment { get; }

    /// <summary>
    /// Runs a command; a failure becomes one stderr line and the exit code its type and kind say (never its
    /// message text). Anything else, including the caller's cancellation, is not this method's to judge.
    /// </summary>
    public async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (PingOneException error)
        {
            return await FailAsync(ExitCodes.For(error.Kind), error.Message).ConfigureAwait(false);
        }
        catch (PingOneConfigurationException error)
        {
            return await FailAsync(ExitCodes.BadInput, error.Message).ConfigureAwait(false);
        }
        catch (ArgumentException error) // InvalidPhoneNumberException too
        {
            return await FailAsync(ExitCodes.BadInput, error.Message).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A file named on the command line (--csv, --journal, --results) cannot be read or written.
            return await FailAsync(ExitCodes.BadInput, error.Message).ConfigureAwait(false);
        }
    }

    private async Task<int> FailAsync(int exitCode, string message)
    {
        await Error.WriteLineAsync("pingone-voice: " + message.Replace('\n', ' ').Replace("\r", string.Empty)).ConfigureAwait(false);
        return exitCode;
    }
}
