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

    /// <summary>An optional <c>true</c> or <c>false</c>.</summary>
    public static Option<bool?> OptionalBool(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "true|false",
        CustomParser = result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (bool.TryParse(value, out var parsed)) return parsed;
            result.AddError($"{name} must be true or false; got '{(value is { Length: > 40 } ? value[..40] + "…" : value)}'");
            return null;
        },
    };

    private static string Words(string[] choices) =>
        choices.Length == 1 ? choices[0] : string.Join(", ", choices[..^1]) + " or " + choices[^1];
}
