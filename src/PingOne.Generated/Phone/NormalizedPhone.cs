using System;

namespace PingOne.Generated
{
    /// <summary>A phone number in its canonical form, with the extension kept apart.</summary>
    public readonly struct NormalizedPhone : IEquatable<NormalizedPhone>
    {
        internal NormalizedPhone(string phone, string? extension)
        {
            Phone = phone;
            Extension = extension;
        }

        /// <summary>The number in E.164 form: <c>+</c>, the country calling code and the national number (e.g. <c>+15125551234</c>).</summary>
        public string Phone { get; }

        /// <summary>The extension with the DTMF characters as written (e.g. <c>313#</c>), or <see langword="null"/>.</summary>
        public string? Extension { get; }

        /// <summary>Whether both numbers and extensions are the same.</summary>
        /// <param name="left">The first value.</param>
        /// <param name="right">The second value.</param>
        public static bool operator ==(NormalizedPhone left, NormalizedPhone right) => left.Equals(right);

        /// <summary>Whether the numbers or extensions differ.</summary>
        /// <param name="left">The first value.</param>
        /// <param name="right">The second value.</param>
        public static bool operator !=(NormalizedPhone left, NormalizedPhone right) => !left.Equals(right);

        /// <inheritdoc />
        public bool Equals(NormalizedPhone other) =>
            string.Equals(Phone, other.Phone, StringComparison.Ordinal) && string.Equals(Extension, other.Extension, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is NormalizedPhone other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => ((Phone?.GetHashCode() ?? 0) * 397) ^ (Extension?.GetHashCode() ?? 0);

        /// <summary>
        /// The number masked for logs and messages, e.g. <c>+*********34 ext. 313#</c>. Use <see cref="Phone"/>
        /// and <see cref="Extension"/> for the values.
        /// </summary>
        public override string ToString()
        {
            if (Phone is null) return string.Empty;
            var masked = SensitiveText.MaskPhone(Phone);
            return Extension is null ? masked : masked + " ext. " + Extension;
        }
    }
}
