using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace PingOne.Generated
{
    /// <summary>The environment's users: read one, read all (lazily paged), create.</summary>
    public partial class PingOneMfaClient
    {
        private const string GetUserOperation = "get-user";
        private const string ListUsersOperation = "list-users";
        private const string CreateUserOperation = "create-user";

        /// <summary>
        /// The most pages one <see cref="ListUsersAsync"/> follows (at PingOne's largest page, 100 million users); a longer chain of
        /// next links is refused as an invalid answer, so a server that links pages forever cannot keep a reader busy forever.
        /// </summary>
        public const int MaxUserPages = 100_000;

        // The cap this client applies: MaxUserPages, lowered by tests so an endless chain ends after a few pages.
        internal int UserPageCap { get; set; } = MaxUserPages;

        /// <summary>Reads one user: <c>GET {api}/environments/{environmentId}/users/{userId}</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="userId">The user's id.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The user; properties the client does not name (lifecycle, custom attributes, …) are kept in <c>AdditionalProperties</c>.</returns>
        /// <exception cref="ArgumentException">An id is not a UUID; nothing was sent.</exception>
        /// <exception cref="PingOneException">The call failed; <see cref="PingOneException.Status"/> <c>404</c> when the user does not exist.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        public virtual Task<PingOneUser> GetUserAsync(string environmentId, string userId, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            PingOneId.Require(userId, nameof(userId));
            return SendAsync(GetUserOperation, environmentId, 200, _retries.ReadUser, static (s, ctx) => s.Generated.GetUserAsync(s.EnvironmentId, s.UserId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId, UserId: userId), cancellationToken);
        }

        /// <summary>
        /// Reads the environment's users, or those <paramref name="query"/> selects, page by page as the caller reads:
        /// <c>GET {api}/environments/{environmentId}/users?filter=…&amp;limit=…</c>, then each page PingOne links
        /// (<c>_links.next</c>), fetched only when the caller reads past the previous one.
        /// </summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="query">The SCIM filter and page size; <see langword="null"/> sends neither.</param>
        /// <param name="cancellationToken">Cancels the requests and any wait between attempts; so does the token given to <c>WithCancellation</c>.</param>
        /// <returns>The users in PingOne's order. Nothing is sent until the enumeration starts; each enumeration reads from the first page again.</returns>
        /// <exception cref="ArgumentException">
        /// Thrown by this call, before anything is sent: <paramref name="environmentId"/> is not a UUID, <see cref="UserQuery.Limit"/> is outside
        /// <see cref="UserQuery.MinLimit"/> to <see cref="UserQuery.MaxLimit"/>, or <see cref="UserQuery.Filter"/> is empty, longer than
        /// <see cref="UserQuery.MaxFilterLength"/> or has control characters (CR, LF, …).
        /// </exception>
        /// <exception cref="PingOneException">
        /// Thrown while enumerating: a page failed after its retries (<see cref="PingOneException.Kind"/>; <c>400</c> <c>INVALID_FILTER</c> for a filter
        /// PingOne does not support), or <see cref="PingOneFailureKind.InvalidResponse"/> when a page links its next page outside the environment's user
        /// list, with another filter or another query parameter, without a cursor, with a cursor linked before, or after <see cref="MaxUserPages"/> pages.
        /// </exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>
        /// Each page is one call through the read pipeline (retried as device reads are: <c>429</c> after <c>Retry-After</c>, a lost connection, <c>5xx</c>).
        /// The next page's address travels as arguments: the link is checked (same scheme, host, port and path, so the same environment; the same filter),
        /// then its <c>cursor</c> and <c>limit</c> are sent through the generated call. Memory holds one page, plus the cursors already followed.
        /// </remarks>
        public virtual IAsyncEnumerable<PingOneUser> ListUsersAsync(string environmentId, UserQuery? query = null, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            var limit = query?.Limit;
            if (limit is < UserQuery.MinLimit or > UserQuery.MaxLimit)
                throw new ArgumentException($"query.Limit must be between {UserQuery.MinLimit} and {UserQuery.MaxLimit} (PingOne's largest page); it is {limit}.", nameof(query));
            var filter = query?.Filter;
            if (filter is not null) CheckFilter(filter);
            return ReadUsersAsync(environmentId, filter, limit, cancellationToken);
        }

        /// <summary>Creates a user: <c>POST {api}/environments/{environmentId}/users</c>.</summary>
        /// <param name="environmentId">The environment's id.</param>
        /// <param name="request">The user to create; sent as it is (phones as written: PingOne stores a profile phone in any spelling) and not changed.</param>
        /// <param name="cancellationToken">Cancels the request and any wait between attempts.</param>
        /// <returns>The user PingOne created (<c>201</c>), with its id.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentException">
        /// Nothing was sent: <paramref name="environmentId"/> or <c>request.Population.Id</c> is not a UUID, <c>request.Username</c> is missing or longer
        /// than 128 characters, <c>request.Email</c> is empty, or a phone is empty or longer than 32 characters.
        /// </exception>
        /// <exception cref="PingOneException">The call failed (<see cref="PingOneException.Kind"/>); e.g. <c>400</c> or <c>409</c> when the username is taken.</exception>
        /// <exception cref="PingOneConfigurationException">The request would leave for an address the settings do not allow.</exception>
        /// <remarks>A user is created once: only failures PingOne never processed (<c>429</c>, no connection) are retried.</remarks>
        public virtual Task<PingOneUser> CreateUserAsync(string environmentId, CreateUserRequest request, CancellationToken cancellationToken = default)
        {
            PingOneId.Require(environmentId, nameof(environmentId));
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (string.IsNullOrWhiteSpace(request.Username))
                throw new ArgumentException("request.Username is required: the user's name, unique in the environment.", nameof(request));
            if (request.Username.Length > 128)
                throw new ArgumentException($"request.Username may have at most 128 characters; it has {request.Username.Length}.", nameof(request));
            if (request.Email is { Length: 0 })
                throw new ArgumentException("request.Email must not be empty; leave it null to send none.", nameof(request));
            if (request.Population is { } population && (population.Id is null || !PingOneId.IsUuid(population.Id)))
                throw new ArgumentException($"request.Population.Id must be the id of a population: a UUID such as {PingOneId.Example}.", nameof(request));
            CheckProfilePhone(request.MobilePhone, "request.MobilePhone");
            CheckProfilePhone(request.PrimaryPhone, "request.PrimaryPhone");
            return SendAsync(CreateUserOperation, environmentId, 201, _retries.CreateUser, static (s, ctx) => s.Generated.CreateUserAsync(s.Body, s.EnvironmentId, ctx.CancellationToken), (Generated: _rest, EnvironmentId: environmentId, Body: request), cancellationToken);
        }

        // PingOne's limits for mobilePhone and primaryPhone: 1 to 32 characters. The number itself is never repeated in the message.
        private static void CheckProfilePhone(string? phone, string name)
        {
            if (phone is not null && (phone.Length == 0 || phone.Length > 32))
                throw new ArgumentException($"{name} must have 1 to 32 characters (PingOne's limit); it has {phone.Length}. Leave it null to send none.", "request");
        }

        // The filter travels in a query string: a line break or another control character would be a header-splitting or log-forging attempt,
        // never a filter; the length bound keeps a runaway filter from becoming a runaway URL.
        private static void CheckFilter(string filter)
        {
            if (filter.Trim().Length == 0)
                throw new ArgumentException("query.Filter must not be empty; leave it null to read every user.", "query");
            if (filter.Length > UserQuery.MaxFilterLength)
                throw new ArgumentException($"query.Filter may have at most {UserQuery.MaxFilterLength} characters; it has {filter.Length}.", "query");
            foreach (var c in filter)
            {
                if (char.IsControl(c))
                    throw new ArgumentException($"query.Filter must not contain control characters (CR, LF, tab, …); it has U+{(int)c:X4}.", "query");
            }
        }

        // The pages, fetched as the caller reads. callToken is ListUsersAsync's argument, enumerationToken WithCancellation's.
        private async IAsyncEnumerable<PingOneUser> ReadUsersAsync(string environmentId, string? filter, int? limit, CancellationToken callToken,
            [EnumeratorCancellation] CancellationToken enumerationToken = default)
        {
            using var linked = callToken.CanBeCanceled && enumerationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(callToken, enumerationToken) : null;
            var cancellationToken = linked?.Token ?? (enumerationToken.CanBeCanceled ? enumerationToken : callToken);
            string? cursor = null;
            HashSet<string>? followed = null;
            Uri? listAddress = null;
            for (var pages = 1; ; pages++)
            {
                var page = await SendAsync(ListUsersOperation, environmentId, 200, _retries.ReadUsers,
                    static (s, ctx) => s.Generated.ListUsersAsync(s.EnvironmentId, s.Filter, s.Limit, s.Cursor, ctx.CancellationToken),
                    (Generated: _rest, EnvironmentId: environmentId, Filter: filter, Limit: limit, Cursor: cursor), cancellationToken).ConfigureAwait(false);
                if (page._embedded?.Users is { } users)
                {
                    foreach (var user in users)
                    {
                        if (user is null) continue;
                        ThrowIfCancelled(callToken, enumerationToken);
                        yield return user;
                    }
                }
                if (page._links?.Next?.Href is not { Length: > 0 } href) yield break;
                listAddress ??= new Uri(_rest.BaseUrl + "environments/" + Uri.EscapeDataString(environmentId) + "/users");
                var next = UserPageLink.Read(listAddress, href, filter);
                followed ??= new HashSet<string>(StringComparer.Ordinal);
                if (!followed.Add(next.Cursor))
                    throw PingOneException.InvalidAnswer($"PingOne linked a page of users it had linked before (after {pages} pages); the list was not read to its end.");
                if (pages >= UserPageCap)
                    throw PingOneException.InvalidAnswer($"PingOne linked more than {UserPageCap} pages of users; the list was not read to its end.");
                cursor = next.Cursor;
                limit = next.Limit ?? limit;
                ThrowIfCancelled(callToken, enumerationToken);
            }
        }

        // The caller's own token in the exception, whichever of the two was cancelled.
        private static void ThrowIfCancelled(CancellationToken callToken, CancellationToken enumerationToken)
        {
            callToken.ThrowIfCancellationRequested();
            enumerationToken.ThrowIfCancellationRequested();
        }
    }
}
