namespace PingOne.Generated
{
    /// <summary>
    /// What <see cref="PingOneMfaClient.ListUsersAsync"/> asks PingOne for: a SCIM filter and a page size, sent as the
    /// query parameters <c>filter</c> and <c>limit</c> of <c>GET {api}/environments/{environmentId}/users</c>.
    /// </summary>
    /// <remarks>
    /// PingOne's "Read User or Users" page lists the attributes and operators its user filter supports, e.g.
    /// <c>username eq "…"</c>, <c>email eq "…"</c>, <c>population.id eq "…"</c>, joined with <c>and</c> / <c>or</c>.
    /// The client sends the filter as is (URL-encoded); PingOne answers one it does not support with <c>400</c>
    /// <c>INVALID_FILTER</c>. Quote values with <see cref="Quote"/>.
    /// </remarks>
    public sealed class UserQuery
    {
        /// <summary>The longest filter the client sends, in characters; a longer one is refused before anything is sent.</summary>
        public const int MaxFilterLength = 4096;

        /// <summary>The smallest <see cref="Limit"/>: 1.</summary>
        public const int MinLimit = 1;

        /// <summary>The largest <see cref="Limit"/> PingOne's management API accepts: 1000 (PingOne may still send fewer users a page).</summary>
        public const int MaxLimit = 1000;

        /// <summary>
        /// A SCIM filter such as <c>population.id eq "…"</c>, sent as is (URL-encoded); <see langword="null"/> reads every user.
        /// At most <see cref="MaxFilterLength"/> characters, without control characters (CR, LF, …).
        /// </summary>
        public string? Filter { get; set; }

        /// <summary>
        /// The most users one page holds, <see cref="MinLimit"/> to <see cref="MaxLimit"/>; <see langword="null"/> leaves it to
        /// PingOne. The client follows every page either way.
        /// </summary>
        public int? Limit { get; set; }

        /// <summary>
        /// A SCIM string literal for <paramref name="value"/>: in double quotes, with <c>"</c> and <c>\</c> escaped, so a
        /// username or email with those characters cannot change the filter (<c>username eq </c> + <c>Quote(name)</c>).
        /// </summary>
        /// <param name="value">The value to compare with.</param>
        /// <returns>The quoted literal.</returns>
        /// <exception cref="System.ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
        public static string Quote(string value)
        {
            if (value is null) throw new System.ArgumentNullException(nameof(value));
            return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }
    }
}
