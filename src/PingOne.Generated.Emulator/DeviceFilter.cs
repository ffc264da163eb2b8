using System.Text.RegularExpressions;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The <c>filter</c> of Read All MFA User Devices, as far as Ping documents it: <c>status eq "…"</c> and <c>type eq "…"</c>
/// (SCIM syntax), joined by <c>and</c>, each optionally in parentheses. Anything else (another attribute, another operator,
/// <c>or</c>, <c>not</c>, a malformed expression) is not parsed, so the emulator refuses it as PingOne refuses a filter it
/// does not support.
/// </summary>
internal static class DeviceFilter
{
    // One token at a time: parentheses, a quoted value (SCIM: a JSON string, \" escapes), or a bare word.
    private static readonly Regex Token = new(@"\G\s*(?:(?<open>\()|(?<close>\))|""(?<value>(?:[^""\\]|\\.)*)""|(?<word>[A-Za-z_.]+))", RegexOptions.CultureInvariant);

    /// <summary>The devices the filter keeps, or <see langword="null"/> when it is not a filter Ping documents.</summary>
    public static Func<VoiceDevice, bool>? Parse(string filter)
    {
        var tokens = Tokenize(filter);
        if (tokens is null) return null;
        var position = 0;
        var predicate = Expression(tokens, ref position);
        return predicate is not null && position == tokens.Count ? predicate : null;
    }

    // A quoted SCIM value is a JSON string; an invalid escape makes the filter malformed.
    private static string? JsonString(string quoted)
    {
        try
        {
            return Newtonsoft.Json.JsonConvert.DeserializeObject<string>("\"" + quoted + "\"");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static List<(string Kind, string Text)>? Tokenize(string filter)
    {
        var tokens = new List<(string, string)>();
        var at = 0;
        while (at < filter.Length)
        {
            if (filter.Substring(at).Trim().Length == 0) break;
            var match = Token.Match(filter, at);
            if (!match.Success || (match.Groups["value"].Success && JsonString(match.Groups["value"].Value) is null)) return null;
            tokens.Add(match.Groups["open"].Success ? ("(", "(") : match.Groups["close"].Success ? (")", ")")
                : match.Groups["value"].Success ? ("value", JsonString(match.Groups["value"].Value)!) : ("word", match.Groups["word"].Value));
            at = match.Index + match.Length;
        }
        return tokens;
    }

    // expression := term ("and" term)*
    private static Func<VoiceDevice, bool>? Expression(List<(string Kind, string Text)> tokens, ref int position)
    {
        var all = Term(tokens, ref position);
        while (all is not null && position < tokens.Count && IsWord(tokens[position], "and"))
        {
            position++;
            var left = all;
            var right = Term(tokens, ref position);
            all = right is null ? null : device => left(device) && right(device);
        }
        return all;
    }

    // term := "(" expression ")" | ("status" | "type") "eq" value
    private static Func<VoiceDevice, bool>? Term(List<(string Kind, string Text)> tokens, ref int position)
    {
        if (position < tokens.Count && tokens[position].Kind == "(")
        {
            position++;
            var inner = Expression(tokens, ref position);
            if (inner is null || position >= tokens.Count || tokens[position].Kind != ")") return null;
            position++;
            return inner;
        }
        if (position + 2 >= tokens.Count) return null;
        var (attribute, operation, value) = (tokens[position], tokens[position + 1], tokens[position + 2]);
        if (attribute.Kind != "word" || !IsWord(operation, "eq") || value.Kind != "value") return null;
        position += 3;
        var expected = value.Text;
        return attribute.Text.ToLowerInvariant() switch
        {
            "status" => device => string.Equals(device.Status, expected, StringComparison.OrdinalIgnoreCase),
            "type" => device => string.Equals(device.Type, expected, StringComparison.OrdinalIgnoreCase),
            _ => null,
        };
    }

    private static bool IsWord((string Kind, string Text) token, string word) =>
        token.Kind == "word" && string.Equals(token.Text, word, StringComparison.OrdinalIgnoreCase);
}
