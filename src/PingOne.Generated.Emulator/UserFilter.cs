using System.Text;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The SCIM filters PingOne's "Read User or Users" page documents for users, as far as the emulator keeps them: comparisons
/// joined with <c>and</c> / <c>or</c> and grouped in parentheses. Attributes and operators: <c>username</c> (eq, sw),
/// <c>email</c> (eq, sw, ew), <c>population.id</c> (eq), <c>mobilePhone</c> and <c>primaryPhone</c> (eq, sw),
/// <c>address.countryCode</c> (eq, sw), <c>name.given</c> and <c>name.family</c> (eq, sw), <c>enabled</c> (eq, with
/// <c>true</c> / <c>false</c>). Attribute names, operators and string values compare without case. Anything else is a
/// <see cref="FormatException"/>, answered <c>400</c> with <c>INVALID_FILTER</c>.
/// </summary>
internal abstract class UserFilter
{
    public abstract bool Matches(PingOneUser user);

    /// <summary>The (attribute, value) pairs an index can answer, when the whole filter is one <c>eq</c> or an <c>or</c> of them.</summary>
    public virtual IReadOnlyList<(string Attribute, string Value)>? IndexedEquals => null;

    /// <exception cref="FormatException">The filter is not one the emulator supports; the message says what.</exception>
    public static UserFilter Parse(string text)
    {
        var parser = new Parser(Tokenize(text));
        var filter = parser.Or();
        if (!parser.AtEnd) throw new FormatException($"Unexpected '{parser.Peek}' in the filter.");
        return filter;
    }

    private static readonly Dictionary<string, string[]> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["username"] = new[] { "eq", "sw" },
        ["email"] = new[] { "eq", "sw", "ew" },
        ["population.id"] = new[] { "eq" },
        ["mobilePhone"] = new[] { "eq", "sw" },
        ["primaryPhone"] = new[] { "eq", "sw" },
        ["address.countryCode"] = new[] { "eq", "sw" },
        ["name.given"] = new[] { "eq", "sw" },
        ["name.family"] = new[] { "eq", "sw" },
        ["enabled"] = new[] { "eq" },
    };

    private static string? ValueOf(PingOneUser user, string attribute) => attribute.ToLowerInvariant() switch
    {
        "username" => user.Username,
        "email" => user.Email,
        "population.id" => user.Population?.Id,
        "mobilephone" => user.MobilePhone,
        "primaryphone" => user.PrimaryPhone,
        "address.countrycode" => user.Address?.CountryCode,
        "name.given" => user.Name?.Given,
        "name.family" => user.Name?.Family,
        "enabled" => user.Enabled == false ? "false" : "true",
        _ => null,
    };

    private sealed class Comparison : UserFilter
    {
        private readonly string _attribute;
        private readonly string _operator;
        private readonly string _value;

        public Comparison(string attribute, string op, string value)
        {
            _attribute = attribute;
            _operator = op.ToLowerInvariant();
            _value = value;
        }

        public override bool Matches(PingOneUser user) => ValueOf(user, _attribute) is { } actual && _operator switch
        {
            "eq" => string.Equals(actual, _value, StringComparison.OrdinalIgnoreCase),
            "sw" => actual.StartsWith(_value, StringComparison.OrdinalIgnoreCase),
            _ => actual.EndsWith(_value, StringComparison.OrdinalIgnoreCase),
        };

        public override IReadOnlyList<(string, string)>? IndexedEquals =>
            _operator == "eq" && (_attribute.Equals("username", StringComparison.OrdinalIgnoreCase) || _attribute.Equals("email", StringComparison.OrdinalIgnoreCase))
                ? new[] { (_attribute.ToLowerInvariant(), _value) }
                : null;
    }

    private sealed class Both(UserFilter left, UserFilter right) : UserFilter
    {
        public override bool Matches(PingOneUser user) => left.Matches(user) && right.Matches(user);
    }

    private sealed class Either(UserFilter left, UserFilter right) : UserFilter
    {
        public override bool Matches(PingOneUser user) => left.Matches(user) || right.Matches(user);

        public override IReadOnlyList<(string, string)>? IndexedEquals =>
            left.IndexedEquals is { } l && right.IndexedEquals is { } r ? l.Concat(r).ToList() : null;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;

        public string Peek => AtEnd ? "the end" : tokens[_at];

        public UserFilter Or()
        {
            var left = And();
            while (Keyword("or")) left = new Either(left, And());
            return left;
        }

        private UserFilter And()
        {
            var left = Factor();
            while (Keyword("and")) left = new Both(left, Factor());
            return left;
        }

        private UserFilter Factor()
        {
            if (Take() is not { } token) throw new FormatException("The filter ends where a comparison was expected.");
            if (token == "(")
            {
                var inner = Or();
                if (Take() != ")") throw new FormatException("A parenthesis is not closed.");
                return inner;
            }
            if (token.StartsWith('"')) throw new FormatException("A comparison must start with an attribute name.");
            if (!Operators.TryGetValue(token, out var allowed))
                throw new FormatException($"The attribute '{token}' cannot be filtered on (the emulator supports {string.Join(", ", Operators.Keys)}).");
            var op = Take() ?? throw new FormatException($"'{token}' has no operator.");
            if (!allowed.Contains(op, StringComparer.OrdinalIgnoreCase))
                throw new FormatException($"The operator '{op}' is not supported for '{token}' (only {string.Join(", ", allowed)}).");
            var value = Take() ?? throw new FormatException($"'{token} {op}' has no value.");
            if (token.Equals("enabled", StringComparison.OrdinalIgnoreCase))
            {
                if (!value.Equals("true", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
                    throw new FormatException("enabled is compared with true or false.");
                return new Comparison(token, op, value.ToLowerInvariant());
            }
            if (!value.StartsWith('"')) throw new FormatException($"The value of '{token}' must be a string in double quotes.");
            return new Comparison(token, op, value.Substring(1));
        }

        private bool Keyword(string word)
        {
            if (AtEnd || !tokens[_at].Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
            _at++;
            return true;
        }

        private string? Take() => AtEnd ? null : tokens[_at++];
    }

    // Words, parentheses and string literals; a literal is kept as '"' followed by its unescaped text.
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            if (c == '"')
            {
                var literal = new StringBuilder("\"");
                for (i++; ; i++)
                {
                    if (i >= text.Length) throw new FormatException("A string in the filter is not closed.");
                    if (text[i] == '\\' && i + 1 < text.Length) { literal.Append(text[++i]); continue; }
                    if (text[i] == '"') { i++; break; }
                    literal.Append(text[i]);
                }
                tokens.Add(literal.ToString());
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"')) i++;
            tokens.Add(text.Substring(start, i - start));
        }
        return tokens;
    }
}
