using System.Net.Sockets;
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

    public async Task<int> GuardAsync(Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (PingOneException error) when (error.Status > 0 && !error.DeviceMayHaveBeenCreated)
        {
            return await FailAsync(ExitCodes.PingOneRefused, error.Message).ConfigureAwait(false);
        }
        catch (PingOneException error)
        {
            return await FailAsync(ExitCodes.TransportFailure, error.Message).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or SocketException or TaskCanceledException)
        {
            return await FailAsync(ExitCodes.TransportFailure, "PingOne could not be reached: " + error.Message).ConfigureAwait(false);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return await FailAsync(ExitCodes.BadInput, error.Message).ConfigureAwait(false);
        }
    }

    private async Task<int> FailAsync(int exitCode, string message)
    {
        await Error.WriteLineAsync("pingone-voice: " + message.Replace('\n', ' ').Replace("\r", string.Empty)).ConfigureAwait(false);
        return exitCode;
    }
}
