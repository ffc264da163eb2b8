using System;
using System.Text;

namespace PingOne.Generated
{
    /// <summary>
    /// The text of a phone field, cut into the number and the extension written after it. Only the
    /// extension labels are recognized here; reading the number itself is libphonenumber's work.
    /// </summary>
    internal readonly struct PhoneText
    {
        // Longest first, so "extension 313" is not read as "ext" followed by "ension 313".
        private static readonly string[] ExtensionLabels = { ";ext=", "extension", "extn", "ext", "x" };

        private PhoneText(string number, string? extension)
        {
            Number = number;
            Extension = extension;
        }

        /// <summary>The number part, trimmed.</summary>
        public string Number { get; }

        /// <summary>The extension text as written after its label, trimmed, or <see langword="null"/>.</summary>
        public string? Extension { get; }

        /// <summary>Folds compatibility characters (full-width digits and signs) to their plain forms.</summary>
        /// <returns><see langword="false"/> when the text is not well-formed Unicode.</returns>
        public static bool TryFold(string text, out string folded)
        {
            folded = text;
            foreach (var c in text)
            {
                if (c < 0x80) continue;
                try
                {
                    folded = text.Normalize(NormalizationForm.FormKC);
                    return true;
                }
                catch (ArgumentException)
                {
                    return false; // lone surrogates
                }
            }
            return true;
        }

        public static PhoneText Split(string text)
        {
            if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) return SplitTelUri(text.Substring(4));
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c != ';' && !char.IsLetter(c)) continue;
                foreach (var label in ExtensionLabels)
                {
                    if (!IsLabelAt(text, i, label)) continue;
                    var extension = text.Substring(i + label.Length).TrimStart(' ', '\t', '.', ':', '=').Trim();
                    return new PhoneText(text.Substring(0, i).Trim(), extension);
                }
            }
            return new PhoneText(text, null);
        }

        // RFC 3966: tel:+1-512-555-1234;ext=313;phone-context=... (other parameters carry no digits we send).
        private static PhoneText SplitTelUri(string body)
        {
            var parts = body.Split(';');
            string? extension = null;
            for (var i = 1; i < parts.Length; i++)
            {
                if (parts[i].StartsWith("ext=", StringComparison.OrdinalIgnoreCase)) extension = parts[i].Substring(4).Trim();
            }
            return new PhoneText(parts[0].Trim(), extension);
        }

        private static bool IsLabelAt(string text, int index, string label)
        {
            if (string.Compare(text, index, label, 0, label.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
            var before = text[index - 1];
            if (!(char.IsDigit(before) || char.IsWhiteSpace(before) || before is ')' or '.' or ',')) return false;
            var after = index + label.Length;
            return after >= text.Length || !char.IsLetter(text[after]);
        }
    }
}
