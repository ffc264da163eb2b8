using System.Globalization;

namespace PingOne.Generated.Cli;

/// <summary>"1 row", "3 rows": counts in what the command line writes.</summary>
internal static class Plural
{
    public static string Of(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
