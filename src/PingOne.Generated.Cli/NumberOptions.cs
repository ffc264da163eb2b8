using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PingOne.Generated.Cli;

/// <summary>
/// Numeric options that say, when a value does not fit, which option it was and what range it takes
/// (<c>--rate must be a number above 0 (requests per second); got 'abc'</c>), instead of System.CommandLine's
/// "as expected type 'System.Nullable`1[System.Double]'". Checked while parsing: before anything starts.
/// </summary>
internal static class NumberOptions
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Int(string name, int min, int max, string description, int defaultValue, string? range = null) => new(name)
    {
        Description = description,
        HelpName = HelpName(min, max),
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseInt(result, name, min, max, range) ?? defaultValue,
    };

    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> OptionalInt(string name, int min, int max, string description, string? range = null) => new(name)
    {
        Description = description,
        HelpName = HelpName(min, max),
        CustomParser = result => ParseInt(result, name, min, max, range),
    };

    /// <summary>A fraction from 0 to 1.</summary>
    public static Option<double> Fraction(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "0-1",
        CustomParser = result => ParseDouble(result, name, value => value is >= 0 and <= 1, "a fraction from 0 to 1, such as 0.05") ?? 0,
    };

    /// <summary>An optional number above 0.</summary>
    public static Option<double?> OptionalPositive(string name, string description, string what) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDouble(result, name, value => value > 0, $"a number above 0 ({what})"),
    };

    private static string HelpName(int min, int max) => max == int.MaxValue ? $"{min}+" : $"{min}-{max}";

    private static int? ParseInt(ArgumentResult result, string name, int min, int max, string? range)
    {
        var token = Token(result);
        if (token is null) return null;
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        result.AddError($"{name} must be {range ?? Range(min, max)}; got '{token}'");
        return null;
    }

    private static double? ParseDouble(ArgumentResult result, string name, Func<double, bool> fits, string range)
    {
        var token = Token(result);
        if (token is null) return null;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && fits(value)) return value;
        result.AddError($"{name} must be {range}; got '{token}'");
        return null;
    }

    private static string Range(int min, int max) => max == int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"a whole number, at least {min}")
        : string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");

    // The value as typed, cut short: it is echoed in the message.
    private static string? Token(ArgumentResult result) =>
        result.Tokens.Count == 0 ? null : result.Tokens[^1].Value is { Length: > 40 } text ? text[..40] + "…" : result.Tokens[^1].Value;
}
