using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice normalize</c>: one phone text per line in, one JSON object per line out.</summary>
internal static class NormalizeCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("normalize", "Read one phone text per line on stdin; write one JSON object per line (line, input, and the canonical phone and extension or why the line is not usable). Lines are read as enroll reads CSV cells: a UTF-8 byte order mark, CRLF line ends, surrounding spaces and blank lines are skipped. Exits 1 if any line was bad.");
        foreach (var option in PhoneOptions.All) command.Options.Add(option);
        command.SetAction(cli.Action((result, cancellationToken) => RunAsync(result, cli, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliContext cli, CancellationToken cancellationToken)
    {
        var normalizer = new PhoneNumberNormalizer(PhoneOptions.From(result));
        var allGood = true;
        await foreach (var (number, text) in LinesAsync(cli.Input, cancellationToken).ConfigureAwait(false))
        {
            var output = new JObject { ["line"] = number, ["input"] = text };
            if (normalizer.TryNormalize(text, null, out var phone, out var error))
            {
                output["phone"] = phone.Phone;
                output["extension"] = phone.Extension;
            }
            else
            {
                allGood = false;
                output["error"] = new JObject { ["reason"] = error!.Reason.ToString(), ["message"] = PhoneProblems.Describe(error.Reason, "the line", "the extension") + "." };
            }
            await cli.Output.WriteLineAsync(output.ToString(Formatting.None)).ConfigureAwait(false);
        }
        return allGood ? ExitCodes.Ok : ExitCodes.BadInput;
    }

    // The rules enroll applies to a CSV cell (EnrollmentCsv: BOM detected, cells trimmed, blank lines ignored), so a
    // column pasted from the same spreadsheet reads the same here. Lines keep their numbers in the file.
    private static async IAsyncEnumerable<(int Number, string Text)> LinesAsync(TextReader input, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (number == 1) line = line.TrimStart('\uFEFF');
            var text = line.Trim();
            if (text.Length > 0) yield return (number, text);
        }
    }
}
