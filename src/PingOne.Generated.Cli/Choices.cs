using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>An option that takes one of a few words, with a one-line error naming the option and the words.</summary>
internal static class Choices
{
    public static Option<T> OneOf<T>(this Option<T> option, params string[] choices)
    {
        option.HelpName ??= string.Join("|", choices);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            var value = result.Tokens[^1].Value;
            if (!choices.Contains(value, StringComparer.Ordinal))
                result.AddError($"{option.Name} must be {Words(choices)}; got '{(value.Length > 40 ? value[..40] + "…" : value)}'");
        });
        return option;
    }

    private static string Words(string[] choices) =>
        choices.Length == 1 ? choices[0] : string.Join(", ", choices[..^1]) + " or " + choices[^1];
}
