using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using static PingOne.Generated.Emulator.EmulatorHttp;

namespace PingOne.Generated.Emulator;

/// <summary>
/// The environment's users, as PingOne's Users pages document them: Create User (<c>POST …/users</c>), Read User by ID
/// (<c>GET …/users/{userId}</c>) and Read User or Users (<c>GET …/users</c> with <c>filter</c>, <c>limit</c> and the
/// <c>cursor</c> of <c>_links.next</c>), over <see cref="EmulatorDirectory"/>.
/// </summary>
internal sealed class UserEndpoints
{
    private const string UsersPath = "/v1/environments/{envId}/users";

    /// <summary>The page size when the request names none.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page: PingOne's management API allows <c>limit</c> up to 1000.</summary>
    public const int MaxPageSize = 1000;

    private readonly EmulatorState _state;
    private readonly ApiGate _gate;
    private readonly TimeProvider _time;

    public UserEndpoints(EmulatorState state, ApiGate gate, TimeProvider time)
    {
        _state = state;
        _gate = gate;
        _time = time;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(UsersPath, context => _gate.RunAsync(context, CreateAsync));
        app.MapGet(UsersPath, context => _gate.RunAsync(context, ListAsync));
        app.MapGet(UsersPath + "/{userId}", context => _gate.RunAsync(context, GetAsync));
    }

    private async Task GetAsync(HttpContext context, string environmentId, string userId)
    {
        var position = _state.Directory.PositionOf(userId);
        if (position < 0) { await ErrorAsync(context, 404, "NOT_FOUND", "The request could not be completed. The user was not found."); return; }
        await WriteAsync(context, 200, Linked(context, environmentId, _state.Directory.At(position)));
    }

    // Create User: the body the spec allows (username required; email, population, name, phones, address, enabled, custom
    // attributes), a username unique in the environment, a population that exists (else the default one).
    private async Task CreateAsync(HttpContext context, string environmentId, string userId)
    {
        var body = await ReadBodyAsync(context);
        if (!await _gate.PassesSpecAsync(context, "createUser", body)) return;
        var request = JsonConvert.DeserializeObject<CreateUserRequest>(body)!;
        var populationId = request.Population?.Id ?? EmulatorSeed.PopulationId;
        if (!string.Equals(populationId, EmulatorSeed.PopulationId, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(populationId, EmulatorSeed.ContractorsPopulationId, StringComparison.OrdinalIgnoreCase))
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", "population.id", "The population was not found."));
            return;
        }
        if (request.MobilePhone is { } mobile && !mobile.Any(char.IsDigit) || request.PrimaryPhone is { } primary && !primary.Any(char.IsDigit))
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", request.MobilePhone is { } m && !m.Any(char.IsDigit) ? "mobilePhone" : "primaryPhone", "Valid phone numbers must have at least one number."));
            return;
        }
        var now = Millis(_time.GetUtcNow());
        var user = new PingOneUser
        {
            Id = Guid.NewGuid().ToString(),
            Username = request.Username,
            Email = request.Email,
            Enabled = request.Enabled ?? true,
            Population = new ResourceReference { Id = populationId },
            Name = request.Name,
            MobilePhone = request.MobilePhone,
            PrimaryPhone = request.PrimaryPhone,
            Address = request.Address,
            CreatedAt = now,
            UpdatedAt = now,
            AdditionalProperties = WithDocumentedDefaults(request.AdditionalProperties, request.Enabled ?? true),
        };
        Linked(context, environmentId, user);
        if (!_state.Directory.TryAdd(user))
        {
            await InvalidDataAsync(context, Detail("UNIQUENESS_VIOLATION", "username", "A user with this username already exists in the environment."));
            return;
        }
        _state.AddUser(user.Id!);
        await WriteAsync(context, 201, user);
    }

    // The read-only properties Ping's Create User example answers with ("Step 5: Create a user", Getting Started:
    // account, identityProvider, lifecycle, mfaEnabled, verifyStatus), unless the body set them. Only created users carry
    // them: the seeded and generated users stay small, so a directory of 100,000 costs no more memory than before.
    private static Dictionary<string, object> WithDocumentedDefaults(IDictionary<string, object> sent, bool enabled)
    {
        var properties = new Dictionary<string, object>(sent);
        properties.TryAdd("account", new JObject { ["canAuthenticate"] = enabled, ["status"] = "OK" });
        properties.TryAdd("identityProvider", new JObject { ["type"] = "PING_ONE" });
        properties.TryAdd("lifecycle", new JObject { ["status"] = "ACCOUNT_OK" });
        properties.TryAdd("mfaEnabled", false);
        properties.TryAdd("verifyStatus", "NOT_INITIATED");
        return properties;
    }

    // Read User or Users. The cursor is the position after the last user of the previous page; a filter is scanned from it
    // (username and email equality through the directory's indexes), so reading every page costs the directory once.
    private async Task ListAsync(HttpContext context, string environmentId, string userId)
    {
        var query = context.Request.Query;
        UserFilter? filter = null;
        var filterText = query["filter"].ToString();
        if (query.ContainsKey("filter"))
        {
            try
            {
                filter = UserFilter.Parse(filterText);
            }
            catch (FormatException problem)
            {
                await InvalidDataAsync(context, Detail("INVALID_FILTER", "filter", problem.Message));
                return;
            }
        }
        var limit = DefaultPageSize;
        if (query.ContainsKey("limit") && (!int.TryParse(query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxPageSize))
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", "limit", $"limit must be a whole number from 1 to {MaxPageSize}."));
            return;
        }
        var start = 0;
        if (query.ContainsKey("cursor") && (!int.TryParse(query["cursor"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out start)))
        {
            await InvalidDataAsync(context, Detail("INVALID_VALUE", "cursor", "The cursor is not one this list linked."));
            return;
        }

        var directory = _state.Directory;
        var total = directory.Count;
        var page = new List<PingOneUser>(Math.Min(limit, 1000));
        var next = -1;
        int? count = null;
        if (filter?.IndexedEquals is { } lookups)
        {
            var positions = directory.Equal(lookups);
            count = positions.Count;
            foreach (var position in positions.Where(p => p >= start))
            {
                if (page.Count == limit) { next = position; break; }
                page.Add(directory.At(position));
            }
        }
        else
        {
            for (var position = start; position < total; position++)
            {
                var user = directory.At(position);
                if (filter is not null && !filter.Matches(user)) continue;
                if (page.Count == limit) { next = position; break; }
                page.Add(user);
            }
            // The whole count of a scanned filter costs a pass over the directory: it is answered on the first page only.
            if (filter is null) count = total;
            else if (start == 0) count = next < 0 ? page.Count : CountFrom(directory, filter, total);
        }

        var usersUrl = $"{BaseUrl(context)}v1/environments/{environmentId}/users";
        var links = new UserCollectionLinks { Self = new Link { Href = usersUrl + context.Request.QueryString.Value } };
        if (next >= 0)
        {
            var nextQuery = new List<KeyValuePair<string, string?>>();
            if (filter is not null) nextQuery.Add(new("filter", filterText));
            nextQuery.Add(new("limit", limit.ToString(CultureInfo.InvariantCulture)));
            nextQuery.Add(new("cursor", next.ToString(CultureInfo.InvariantCulture)));
            links.Next = new Link { Href = usersUrl + QueryString.Create(nextQuery).Value };
        }
        foreach (var user in page) Linked(context, environmentId, user);
        await WriteAsync(context, 200, new UserCollection
        {
            _links = links,
            _embedded = new EmbeddedUsers { Users = page },
            Count = count,
            Size = page.Count,
        });
    }

    private static int CountFrom(EmulatorDirectory directory, UserFilter filter, int total)
    {
        var count = 0;
        for (var position = 0; position < total; position++)
            if (filter.Matches(directory.At(position))) count++;
        return count;
    }

    // The links and environment every user carries, as PingOne answers them.
    private static PingOneUser Linked(HttpContext context, string environmentId, PingOneUser user)
    {
        if (user._links is not null) return user;
        var environmentUrl = $"{BaseUrl(context)}v1/environments/{environmentId}";
        user._links = new UserLinks
        {
            Self = new Link { Href = $"{environmentUrl}/users/{user.Id}" },
            Environment = new Link { Href = environmentUrl },
            Population = new Link { Href = $"{environmentUrl}/populations/{user.Population?.Id}" },
        };
        user.Environment = new ResourceReference { Id = environmentId };
        return user;
    }
}
