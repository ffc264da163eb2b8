using System.CommandLine;
using System.CommandLine.Parsing;

namespace PingOne.Generated.Cli;

/// <summary>
/// System.CommandLine's parse errors as one usage line on stderr. Options with a range word their own errors
/// (<see cref="NumberOptions"/>); the rest (an unknown option, a missing required one, a value not among the
/// choices) keep System.CommandLine's wording, on one line.
/// </summary>
internal static class ParseErrors
{
    public static Task<int> ReportAsync(ParseResult parsed, CliContext cli)
    {
        // A command line that does not parse still tells how it wants its errors, if it got that far.
        cli.Begin(parsed);
        var command = parsed.CommandResult.Command is RootCommand ? string.Empty : parsed.CommandResult.Command.Name;
        var problems = parsed.Errors.Select(error => TypeMismatch(error) ?? OneLine(error.Message)).Distinct().ToList();
        return cli.ReportAsync(CliErrors.Usage(string.Join("; ", problems.Select(p => p.TrimEnd('.'))), command));
    }

    // The one System.CommandLine message that names a .NET type ("as expected type 'System.IO.FileInfo'"), for an
    // option without its own parser: the option and the value instead.
    private static string? TypeMismatch(ParseError error)
    {
        if (!error.Message.Contains("as expected type", StringComparison.Ordinal)) return null;
        var option = error.SymbolResult as OptionResult ?? (error.SymbolResult as ArgumentResult)?.Parent as OptionResult;
        if (option is null) return null;
        var tokens = error.SymbolResult!.Tokens;
        return $"{option.Option.Name} cannot take '{(tokens.Count > 0 ? tokens[^1].Value : string.Empty)}'";
    }

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()))
            .Replace("Must be one of: ", "Must be one of ", StringComparison.Ordinal);
}
