using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Cli;

/// <summary><c>pingone-voice normalize</c>: one phone text per line in, one JSON object per line out.</summary>
internal static class NormalizeCommand
{
    public static Command Build(CliContext cli)
    {
        var command = new Command("normalize", "Read one phone text per line on stdin; write one JSON object per line: the canonical phone and extension, or why the line is not usable. Exits 1 if any line was bad.");
        foreach (var option in PhoneOptions.All) command.Options.Add(option);
        command.SetAction((result, cancellationToken) => cli.GuardAsync(() => RunAsync(result, cli, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CliContext cli, CancellationToken cancellationToken)
    {
        var normalizer = new PhoneNumberNormalizer(PhoneOptions.From(result));
        var allGood = true;
        while (await cli.Input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var output = new JObject { ["input"] = line };
            if (normalizer.TryNormalize(line, null, out var phone, out var error))
            {
                output["phone"] = phone.Phone;
                output["extension"] = phone.Extension;
            }
            else
            {
                allGood = false;
                output["error"] = new JObject { ["reason"] = error!.Reason.ToString(), ["message"] = error.Message };
            }
            await cli.Output.WriteLineAsync(output.ToString(Formatting.None)).ConfigureAwait(false);
        }
        return allGood ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
