using System;

namespace PingOne.Generated
{
    /// <summary>
    /// A next link of the user list (<c>_links.next.href</c>), checked and read into the arguments of the next page's call. The token goes
    /// wherever the request goes, so the link must stay on the list's own scheme, host, port and path (and so in its environment); and it may
    /// only carry what PingOne documents for paging: the <c>cursor</c>, a <c>limit</c>, and the query's own <c>filter</c>.
    /// </summary>
    internal readonly struct UserPageLink
    {
        private UserPageLink(string cursor, int? limit)
        {
            Cursor = cursor;
            Limit = limit;
        }

        /// <summary>Where the next page starts, as PingOne wrote it (unescaped).</summary>
        public string Cursor { get; }

        /// <summary>The page size the link asks for, if it names one.</summary>
        public int? Limit { get; }

        /// <exception cref="PingOneException"><see cref="PingOneFailureKind.InvalidResponse"/>: the link cannot be followed.</exception>
        public static UserPageLink Read(Uri listAddress, string href, string? filter)
        {
            if (!Uri.TryCreate(listAddress, href, out var next)
                || next.Scheme != listAddress.Scheme
                || !string.Equals(next.IdnHost, listAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
                || next.Port != listAddress.Port
                || next.UserInfo.Length != 0
                || !string.Equals(next.AbsolutePath, listAddress.AbsolutePath, StringComparison.OrdinalIgnoreCase))
            {
                // Only the host is named: a link's path and query may carry anything.
                var host = Uri.TryCreate(listAddress, href, out var other) ? other.Scheme + "://" + other.Authority : "an address that is not one";
                throw Refused($"at {host}, which is not the environment's user list ({listAddress.Scheme}://{listAddress.Authority}{listAddress.AbsolutePath})");
            }

            string? cursor = null;
            int? limit = null;
            string? linkedFilter = null;
            var query = next.Query.Length > 0 ? next.Query.Substring(1) : string.Empty;
            foreach (var pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
                var value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
                switch (name)
                {
                    case "cursor" when cursor is null:
                        cursor = value;
                        break;
                    case "limit" when limit is null:
                        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) || size < UserQuery.MinLimit || size > UserQuery.MaxLimit)
                            throw Refused($"with a limit that is not a number from {UserQuery.MinLimit} to {UserQuery.MaxLimit}");
                        limit = size;
                        break;
                    case "filter" when linkedFilter is null:
                        linkedFilter = value;
                        break;
                    default:
                        // The name may be anything: only its length is told.
                        throw Refused(name is "cursor" or "limit" or "filter"
                            ? $"with '{name}' twice"
                            : $"with a query parameter the client does not send ({name.Length} characters long; only cursor, limit and filter are followed)");
                }
            }
            if (linkedFilter is not null && !string.Equals(linkedFilter, filter, StringComparison.Ordinal))
                throw Refused("with another filter than the query's");
            if (string.IsNullOrEmpty(cursor))
                throw Refused("without a cursor");
            return new UserPageLink(cursor!, limit);
        }

        // Query strings may write a space as '+'.
        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        private static PingOneException Refused(string why) =>
            PingOneException.InvalidAnswer($"PingOne linked the next page of users {why}; it was not followed.");
    }
}
