using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated
{
    /// <summary>
    /// The values one client must never show, and the one place that masks them: its client secret, its
    /// <c>client_secret_basic</c> credentials and the access tokens it holds or held. Masking is by value, not by
    /// field: a server may echo a credential anywhere (an error's <c>id</c>, a detail's <c>target</c>, a header).
    /// A value is found as it is, inside JSON escapes of any style (<c>\"</c>, <c>\/</c>, <c>\u00e9</c>, also
    /// escaped twice) and inside URL encoding (<c>%2B</c> in either case, <c>+</c> for a space); the Basic
    /// credentials are known in their Base64 form, with and without the form-encoding RFC 6749 asks for.
    /// </summary>
    /// <remarks>
    /// Memory is bounded: the client secret, the Basic credentials and a caller's static access token are kept for
    /// the client's life, and of the tokens the client got itself the <see cref="RememberedTokens"/> most recent
    /// (at PingOne's one-hour lifetime the current token and those of the last hours; an older one expired or was
    /// refused long ago). Thread-safe: a token refreshed on one thread is masked on every other from then on.
    /// </remarks>
    internal sealed class KnownSecrets
    {
        /// <summary>What stands in a text where a credential stood.</summary>
        public const string Mask = "***";

        /// <summary>How many of the tokens the client got itself are remembered.</summary>
        public const int RememberedTokens = 16;

        // JSON inside a JSON string inside a message: escaped twice is as deep as a server plausibly nests it.
        private const int JsonEscapeDepth = 2;

        private readonly object _gate = new();
        private readonly List<string> _credentials = new();
        private readonly Queue<string> _tokens = new();
        // Every value, longest first, replaced whole on each change: maskers read it without the lock.
        private volatile string[] _values = Array.Empty<string>();

        /// <summary>Remembers a value for the client's life (the client secret, the Basic credentials, a static token).</summary>
        public void RememberCredential(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            lock (_gate)
            {
                if (_credentials.Contains(value!)) return;
                _credentials.Add(value!);
                Publish();
            }
        }

        /// <summary>Remembers an access token the client got; the oldest beyond <see cref="RememberedTokens"/> is forgotten.</summary>
        public void RememberToken(string? token)
        {
            if (string.IsNullOrEmpty(token)) return;
            lock (_gate)
            {
                if (_tokens.Contains(token!)) return;
                _tokens.Enqueue(token!);
                while (_tokens.Count > RememberedTokens) _tokens.Dequeue();
                Publish();
            }
        }

        /// <summary>Remembers the client-credentials values: the secret and the Basic credentials built from it.</summary>
        public void RememberClientCredentials(string clientId, string clientSecret)
        {
            RememberCredential(clientSecret);
            // RFC 6749 §2.3.1 form-encodes both parts before joining them; some servers echo what a client that does not would send.
            RememberCredential(BasicCredentials(clientId, clientSecret));
            RememberCredential(Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + clientSecret)));
        }

        /// <summary>The <c>client_secret_basic</c> value: Base64 of the form-encoded id and secret joined by a colon.</summary>
        public static string BasicCredentials(string clientId, string clientSecret) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret)));

        /// <summary>The text with every known value, in every form this class knows, replaced by <see cref="Mask"/>.</summary>
        public string Redact(string text)
        {
            var values = _values;
            if (values.Length == 0 || string.IsNullOrEmpty(text)) return text;
            bool[]? masked = null;
            foreach (var view in ViewsOf(text))
            {
                foreach (var value in values)
                {
                    for (var at = view.Text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = view.Text.IndexOf(value, at + 1, StringComparison.Ordinal))
                    {
                        masked ??= new bool[text.Length];
                        for (var i = view.StartOf(at); i < view.EndOf(at + value.Length - 1); i++) masked[i] = true;
                    }
                }
            }
            if (masked is null) return text;
            var result = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (!masked[i]) result.Append(text[i]);
                else if (i == 0 || !masked[i - 1]) result.Append(Mask);
            }
            return result.ToString();
        }

        /// <summary>Masks every string and property name of a JSON tree in place; whether anything was masked.</summary>
        public bool Redact(JToken token)
        {
            switch (token)
            {
                case JValue { Type: JTokenType.String, Value: string text }:
                    var redacted = Redact(text);
                    if (ReferenceEquals(redacted, text)) return false;
                    ((JValue)token).Value = redacted;
                    return true;
                case JObject json:
                    var changed = false;
                    foreach (var property in json.Properties().ToList())
                    {
                        changed |= Redact(property.Value);
                        var name = Redact(property.Name);
                        if (ReferenceEquals(name, property.Name)) continue;
                        // Two names masked alike become one: the later value stands, the credential in neither name.
                        property.Remove();
                        json[name] = property.Value;
                        changed = true;
                    }
                    return changed;
                case JArray array:
                    var any = false;
                    foreach (var item in array) any |= Redact(item);
                    return any;
                default:
                    return false;
            }
        }

        private void Publish() =>
            _values = _credentials.Concat(_tokens).Distinct(StringComparer.Ordinal).OrderByDescending(value => value.Length).ToArray();

        // The text as it is, then as a reader of each escaping would read it: JSON-unescaped (up to twice), each of those
        // URL-decoded (with "+" as itself and as a space). Views that decode nothing are skipped.
        private static IEnumerable<View> ViewsOf(string text)
        {
            var json = new View(text);
            for (var depth = 0; ; depth++)
            {
                yield return json;
                if (json.Text.IndexOf('%') >= 0) yield return View.UrlDecoded(json, plusIsSpace: false);
                if (json.Text.IndexOf('+') >= 0) yield return View.UrlDecoded(json, plusIsSpace: true);
                if (depth == JsonEscapeDepth || json.Text.IndexOf('\\') < 0) yield break;
                var unescaped = View.JsonUnescaped(json);
                if (unescaped.Text.Length == json.Text.Length) yield break;
                json = unescaped;
            }
        }

        // A decoded reading of the original text; each of its characters knows which original characters it came from.
        private sealed class View
        {
            private readonly int[]? _start;
            private readonly int[]? _end;

            public View(string text)
            {
                Text = text;
            }

            private View(string text, int[] start, int[] end)
            {
                Text = text;
                _start = start;
                _end = end;
            }

            public string Text { get; }

            public int StartOf(int index) => _start?[index] ?? index;

            public int EndOf(int index) => _end?[index] ?? index + 1;

            public static View JsonUnescaped(View source)
            {
                var text = source.Text;
                var builder = new Builder(source, text.Length);
                for (var i = 0; i < text.Length;)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        var simple = text[i + 1] switch { '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => (char?)null };
                        if (simple is { } escaped) { builder.Add(escaped, i, i + 2); i += 2; continue; }
                        if (text[i + 1] == 'u' && i + 6 <= text.Length && TryHex(text, i + 2, 4, out var code)) { builder.Add((char)code, i, i + 6); i += 6; continue; }
                    }
                    builder.Add(text[i], i, i + 1);
                    i++;
                }
                return builder.Build();
            }

            public static View UrlDecoded(View source, bool plusIsSpace)
            {
                var text = source.Text;
                var builder = new Builder(source, text.Length);
                var decoder = Encoding.UTF8.GetDecoder();
                var one = new byte[1];
                var chars = new char[2];
                for (var i = 0; i < text.Length;)
                {
                    if (text[i] == '%' && i + 3 <= text.Length && TryHex(text, i + 1, 2, out var value))
                    {
                        // A run of %XX is UTF-8: each character spans the escapes of all its bytes.
                        var first = i;
                        decoder.Reset();
                        while (i + 3 <= text.Length && text[i] == '%' && TryHex(text, i + 1, 2, out value))
                        {
                            one[0] = (byte)value;
                            i += 3;
                            var count = decoder.GetChars(one, 0, 1, chars, 0, flush: false);
                            for (var c = 0; c < count; c++) builder.Add(chars[c], first, i);
                            if (count > 0) first = i;
                        }
                        var rest = decoder.GetChars(one, 0, 0, chars, 0, flush: true);
                        for (var c = 0; c < rest; c++) builder.Add(chars[c], first, i);
                        continue;
                    }
                    builder.Add(plusIsSpace && text[i] == '+' ? ' ' : text[i], i, i + 1);
                    i++;
                }
                return builder.Build();
            }

            private static bool TryHex(string text, int start, int digits, out int value)
            {
                value = 0;
                if (start + digits > text.Length) return false;
                for (var i = start; i < start + digits; i++)
                {
                    var c = text[i];
                    var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
                    if (digit < 0) return false;
                    value = (value * 16) + digit;
                }
                return true;
            }

            // Collects decoded characters with the span of the source view each came from, mapped to the original text.
            private sealed class Builder
            {
                private readonly View _source;
                private readonly StringBuilder _text;
                private readonly List<int> _start;
                private readonly List<int> _end;

                public Builder(View source, int capacity)
                {
                    _source = source;
                    _text = new StringBuilder(capacity);
                    _start = new List<int>(capacity);
                    _end = new List<int>(capacity);
                }

                public void Add(char c, int sourceStart, int sourceEnd)
                {
                    _text.Append(c);
                    _start.Add(_source.StartOf(sourceStart));
                    _end.Add(_source.EndOf(sourceEnd - 1));
                }

                public View Build() => new(_text.ToString(), _start.ToArray(), _end.ToArray());
            }
        }
    }
}
