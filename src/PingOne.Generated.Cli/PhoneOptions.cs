using System.CommandLine;

namespace PingOne.Generated.Cli;

/// <summary>The options that set how phone numbers are read: the same on every command that reads them (create, enroll, normalize).</summary>
internal static class PhoneOptions
{
    public static readonly Option<string?> Region = new("--phone-region") { Description = "Default region for national numbers, e.g. US (none by default: numbers need their country code)." };

    public static readonly Option<string> Validation = new Option<string>("--validation")
    {
        Description = "strict (valid per the phone metadata) or possible (right length).",
        DefaultValueFactory = _ => "strict",
    }.OneOf("strict", "possible");

    public static IEnumerable<Option> All => new Option[] { Region, Validation };

    public static PhoneNormalizationOptions From(ParseResult result) => new()
    {
        DefaultRegion = string.IsNullOrWhiteSpace(result.GetValue(Region)) ? null : result.GetValue(Region),
        Validation = result.GetValue(Validation) == "possible" ? PhoneValidation.Possible : PhoneValidation.Strict,
    };
}
