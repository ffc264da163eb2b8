using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>The options that set how phone numbers are read.</summary>
internal static class PhoneOptions
{
    public static Option<string?> Region(string name) => new(name) { Description = "Default region for national numbers, e.g. US (none by default: numbers need their country code)." };

    public static readonly Option<string> Validation = new Option<string>("--validation")
    {
        Description = "strict (valid per the phone metadata) or possible (right length).",
        DefaultValueFactory = _ => "strict",
    }.AcceptOnlyFromAmong("strict", "possible");

    public static PhoneNormalizationOptions From(ParseResult result, Option<string?> region) => new()
    {
        DefaultRegion = string.IsNullOrWhiteSpace(result.GetValue(region)) ? null : result.GetValue(region),
        Validation = result.GetValue(Validation) == "possible" ? PhoneValidation.Possible : PhoneValidation.Strict,
    };
}
