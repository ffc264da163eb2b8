using System;
using System.ComponentModel;

namespace PingOne.Generated
{
    /// <summary>
    /// A PingOne error <c>code</c>. PingOne adds codes over time, so this is an open set: any string is a
    /// valid value, and the well-known ones are offered as static properties. Comparison ignores case.
    /// </summary>
    public readonly struct PingOneErrorCode : IEquatable<PingOneErrorCode>
    {
        private readonly string? _value;

        /// <summary>Creates a code from its wire value.</summary>
        /// <param name="value">The code as PingOne sends it, e.g. <c>INVALID_DATA</c>.</param>
        public PingOneErrorCode(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

        /// <summary><c>INVALID_DATA</c>: the request body or a parameter is invalid (HTTP 400).</summary>
        public static PingOneErrorCode InvalidData { get; } = new("INVALID_DATA");

        /// <summary><c>INVALID_REQUEST</c>: the request is malformed (HTTP 400, 415).</summary>
        public static PingOneErrorCode InvalidRequest { get; } = new("INVALID_REQUEST");

        /// <summary><c>REQUEST_FAILED</c>: the request could not be completed (HTTP 400).</summary>
        public static PingOneErrorCode RequestFailed { get; } = new("REQUEST_FAILED");

        /// <summary><c>ACCESS_FAILED</c>: the token is missing, invalid, expired or lacks a role (HTTP 401, 403).</summary>
        public static PingOneErrorCode AccessFailed { get; } = new("ACCESS_FAILED");

        /// <summary><c>NOT_FOUND</c>: the environment, user or device does not exist (HTTP 404).</summary>
        public static PingOneErrorCode NotFound { get; } = new("NOT_FOUND");

        /// <summary><c>REQUEST_LIMITED</c>: the request was rate limited and not processed (HTTP 429).</summary>
        public static PingOneErrorCode RequestLimited { get; } = new("REQUEST_LIMITED");

        /// <summary><c>UNEXPECTED_ERROR</c>: PingOne failed while processing the request (HTTP 500).</summary>
        public static PingOneErrorCode UnexpectedError { get; } = new("UNEXPECTED_ERROR");

        /// <summary>Converts a wire value to a code.</summary>
        /// <param name="value">The code as PingOne sends it.</param>
        public static implicit operator PingOneErrorCode(string value) => new(value);

        /// <summary>Whether two codes are equal, ignoring case.</summary>
        /// <param name="left">The first code.</param>
        /// <param name="right">The second code.</param>
        public static bool operator ==(PingOneErrorCode left, PingOneErrorCode right) => left.Equals(right);

        /// <summary>Whether two codes differ, ignoring case.</summary>
        /// <param name="left">The first code.</param>
        /// <param name="right">The second code.</param>
        public static bool operator !=(PingOneErrorCode left, PingOneErrorCode right) => !left.Equals(right);

        /// <inheritdoc />
        public bool Equals(PingOneErrorCode other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        [EditorBrowsable(EditorBrowsableState.Never)]
        public override bool Equals(object? obj) => obj is PingOneErrorCode other && Equals(other);

        /// <inheritdoc />
        [EditorBrowsable(EditorBrowsableState.Never)]
        public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

        /// <summary>The code as PingOne sends it.</summary>
        public override string ToString() => _value ?? string.Empty;
    }
}
