using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace PingOne.Generated.Tests.Users;

/// <summary>
/// The Users API on the wire: read one, create, and the lazily paged list (pages fetched as the caller reads, next links
/// checked, retried per page, cancellable between users). Every sent URL is checked in full.
/// </summary>
public class UserMockTests
{
    private static readonly string UsersUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + "environments/" + Seed.EnvironmentId + "/users";
    private const string Helena = "wingar_helena";
    private const string HelenaFilter = "username eq \"wingar_helena\"";
    private const string HelenaFilterEncoded = "username%20eq%20%22wingar_helena%22";

    internal static string User(string id, string? username = null, string? mobilePhone = null, string? countryCode = null, string extra = "") =>
        "{\"id\":\"" + id + "\",\"environment\":{\"id\":\"" + Seed.EnvironmentId + "\"},\"population\":{\"id\":\"" + PopulationId + "\"}" +
        ",\"username\":\"" + (username ?? "user-" + id) + "\",\"email\":\"" + (username ?? id) + "@example.com\",\"enabled\":true" +
        (mobilePhone is null ? "" : ",\"mobilePhone\":\"" + mobilePhone + "\"") +
        (countryCode is null ? "" : ",\"address\":{\"countryCode\":\"" + countryCode + "\"}") + extra + "}";

    internal const string PopulationId = "60971d3b-cc5a-4601-9c44-2be541f91bf1";

    private static string Page(string? next, params string[] users) =>
        "{\"_links\":{\"self\":{\"href\":\"" + UsersUrl + "\"}" + (next is null ? "" : ",\"next\":{\"href\":\"" + next + "\"}") +
        "},\"_embedded\":{\"users\":[" + string.Join(",", users) + "]},\"count\":" + users.Length + ",\"size\":" + users.Length + "}";

    private static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static async Task<List<PingOneUser>> ReadAll(IAsyncEnumerable<PingOneUser> users)
    {
        var all = new List<PingOneUser>();
        await foreach (var user in users) all.Add(user);
        return all;
    }

    [Test]
    public async Task GetUser_sends_one_GET_and_keeps_what_it_does_not_name()
    {
        using var mock = new PingOneMock();
        const string id = "8376797d-641c-4e7b-8bc1-2fdf71916cab";
        var body = User(id, Helena, "(512) 555-1234", "US",
            ",\"_links\":{\"self\":{\"href\":\"" + UsersUrl + "/" + id + "\"},\"password\":{\"href\":\"" + UsersUrl + "/" + id + "/password\"}}" +
            ",\"lifecycle\":{\"status\":\"ACCOUNT_OK\"},\"department\":\"engineering\",\"name\":{\"given\":\"Helena\",\"family\":\"Wingar\"}");
        mock.Expect(HttpMethod.Get, UsersUrl + "/" + id).Respond(HttpStatusCode.OK, "application/json", body);
        var client = mock.CreateClient();

        var user = await client.GetUserAsync(Seed.EnvironmentId, id);

        Assert.That(mock.Sent.Single().Uri.AbsoluteUri, Is.EqualTo(UsersUrl + "/" + id));
        Assert.That(mock.Sent.Single().Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
        Assert.That(user.Id, Is.EqualTo(id));
        Assert.That(user.Username, Is.EqualTo(Helena));
        Assert.That(user.Population?.Id, Is.EqualTo(PopulationId));
        Assert.That(user.Environment?.Id, Is.EqualTo(Seed.EnvironmentId));
        Assert.That(user.Enabled, Is.True);
        Assert.That(user.MobilePhone, Is.EqualTo("(512) 555-1234"));
        Assert.That(user.Address?.CountryCode, Is.EqualTo("US"));
        Assert.That(user.Name?.Given, Is.EqualTo("Helena"));
        Assert.That(user.Links?.Self?.Href, Is.EqualTo(UsersUrl + "/" + id));
        Assert.That(user.Links!.AdditionalProperties.ContainsKey("password"), Is.True, "a link the client does not name is kept");
        Assert.That(user.AdditionalProperties["department"], Is.EqualTo("engineering"));
        Assert.That(user.Lifecycle?.Status, Is.EqualTo("ACCOUNT_OK"));
    }

    [Test]
    public void GetUser_of_an_unknown_user_is_a_404_PingOneException()
    {
        using var mock = new PingOneMock();
        const string id = "8376797d-641c-4e7b-8bc1-2fdf71916cab";
        mock.Expect(HttpMethod.Get, UsersUrl + "/" + id).Respond(HttpStatusCode.NotFound, "application/json", "{\"id\":\"e\",\"code\":\"NOT_FOUND\",\"message\":\"The requested resource was not found.\"}");
        var client = mock.CreateClient();

        var error = Assert.CatchAsync<PingOneException>(() => client.GetUserAsync(Seed.EnvironmentId, id));

        Assert.That(error!.Status, Is.EqualTo(404));
        Assert.That(error.Error?.Code, Is.EqualTo("NOT_FOUND"));
    }

    [TestCase("not-a-uuid", Seed.UserId)]
    [TestCase(Seed.EnvironmentId, "../../devices")]
    public void GetUser_with_an_id_that_is_not_a_UUID_sends_nothing(string environmentId, string userId)
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();

        Assert.ThrowsAsync<ArgumentException>(() => client.GetUserAsync(environmentId, userId));
        Assert.That(mock.Sent, Is.Empty);
    }

    [Test]
    public async Task ListUsers_sends_the_filter_URL_encoded_and_the_limit_exactly()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(null, User("u1", Helena)));
        var client = mock.CreateClient();

        var users = await ReadAll(client.ListUsersAsync(Seed.EnvironmentId, new UserQuery { Filter = HelenaFilter, Limit = 2 }));

        Assert.That(users.Select(u => u.Username), Is.EqualTo(new[] { Helena }));
        Assert.That(mock.Sent.Single().Uri.AbsoluteUri, Is.EqualTo(UsersUrl + "?filter=" + HelenaFilterEncoded + "&limit=2"));
        Assert.That(mock.Sent.Single().Method, Is.EqualTo(HttpMethod.Get));
    }

    [Test]
    public async Task ListUsers_encodes_and_or_parentheses_and_reserved_characters_of_a_filter()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(null));
        var client = mock.CreateClient();
        var filter = "(email eq \"a+b&c=d@example.com\") or population.id eq \"" + PopulationId + "\"";

        await ReadAll(client.ListUsersAsync(Seed.EnvironmentId, new UserQuery { Filter = filter }));

        Assert.That(mock.Sent.Single().Uri.AbsoluteUri,
            Is.EqualTo(UsersUrl + "?filter=%28email%20eq%20%22a%2Bb%26c%3Dd%40example.com%22%29%20or%20population.id%20eq%20%22" + PopulationId + "%22"));
    }

    [Test]
    public async Task ListUsers_without_a_query_sends_no_query_string()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(null));
        var client = mock.CreateClient();

        var users = await ReadAll(client.ListUsersAsync(Seed.EnvironmentId));

        Assert.That(users, Is.Empty);
        Assert.That(mock.Sent.Single().Uri.AbsoluteUri, Is.EqualTo(UsersUrl));
    }

    [Test]
    public async Task ListUsers_fetches_a_page_only_when_the_caller_reads_past_the_previous_one()
    {
        using var mock = new PingOneMock();
        var second = UsersUrl + "?filter=" + HelenaFilterEncoded + "&limit=2&cursor=c2";
        var third = UsersUrl + "?limit=2&cursor=c3";
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(second, User("u1"), User("u2")));
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(third, User("u3"), User("u4")));
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(null, User("u5")));
        var client = mock.CreateClient();

        var users = client.ListUsersAsync(Seed.EnvironmentId, new UserQuery { Filter = HelenaFilter, Limit = 2 });
        Assert.That(mock.Sent, Is.Empty, "nothing is sent before the enumeration starts");
        var seen = new List<string>();
        var sentWhenSeen = new List<int>();
        await foreach (var user in users)
        {
            seen.Add(user.Id!);
            sentWhenSeen.Add(mock.Sent.Count);
        }

        Assert.That(seen, Is.EqualTo(new[] { "u1", "u2", "u3", "u4", "u5" }));
        Assert.That(sentWhenSeen, Is.EqualTo(new[] { 1, 1, 2, 2, 3 }));
        // The link's cursor and limit travel as arguments of the generated call, with the query's own filter.
        Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[]
        {
            UsersUrl + "?filter=" + HelenaFilterEncoded + "&limit=2",
            UsersUrl + "?filter=" + HelenaFilterEncoded + "&limit=2&cursor=c2",
            UsersUrl + "?filter=" + HelenaFilterEncoded + "&limit=2&cursor=c3",
        }));
        mock.Handler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Each_enumeration_of_one_query_reads_from_the_first_page_again()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(null, User("u1")));
        var client = mock.CreateClient();
        var users = client.ListUsersAsync(Seed.EnvironmentId, new UserQuery { Limit = 5 });

        var both = await Task.WhenAll(ReadAll(users), ReadAll(users));

        Assert.That(both.Select(list => list.Single().Id), Is.EqualTo(new[] { "u1", "u1" }));
        Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[] { UsersUrl + "?limit=5", UsersUrl + "?limit=5" }));
    }

    [Test]
    public async Task ListUsers_takes_the_page_size_PingOne_links_and_decodes_the_cursor()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(UsersUrl + "?limit=200&cursor=a%2Fb%3D%3D", User("u1")));
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(null, User("u2")));
        var client = mock.CreateClient();

        var users = await ReadAll(client.ListUsersAsync(Seed.EnvironmentId, new UserQuery { Limit = 1000 }));

        Assert.That(users.Select(u => u.Id), Is.EqualTo(new[] { "u1", "u2" }));
        Assert.That(mock.Sent[1].Uri.AbsoluteUri, Is.EqualTo(UsersUrl + "?limit=200&cursor=a%2Fb%3D%3D"));
    }

    private static readonly string OtherEnvironment = "11111111-2222-4333-8444-555555555555";

    private static IEnumerable<TestCaseData> HostileNextLinks()
    {
        const string path = "/v1/environments/" + Seed.EnvironmentId + "/users";
        yield return new TestCaseData("https://evil.example" + path + "?cursor=c2").SetName("Next_link_to_another_host");
        yield return new TestCaseData("http://api.pingone.com" + path + "?cursor=c2").SetName("Next_link_over_http");
        yield return new TestCaseData("https://api.pingone.com:8443" + path + "?cursor=c2").SetName("Next_link_to_another_port");
        yield return new TestCaseData("https://user:pw@api.pingone.com" + path + "?cursor=c2").SetName("Next_link_with_user_info");
        yield return new TestCaseData("https://api.pingone.com/v1/environments/" + OtherEnvironment + "/users?cursor=c2").SetName("Next_link_to_another_environment");
        yield return new TestCaseData("https://api.pingone.com" + path + "/" + Seed.UserId + "/devices?cursor=c2").SetName("Next_link_to_another_path");
        yield return new TestCaseData("https://api.pingone.com/v2/environments/" + Seed.EnvironmentId + "/users?cursor=c2").SetName("Next_link_to_another_base_path");
        yield return new TestCaseData("https://api.pingone.com" + path + "/../../../admin?cursor=c2").SetName("Next_link_climbing_out_of_the_list");
        yield return new TestCaseData("https://api.pingone.com" + path + "?cursor=c2&filter=username%20pr").SetName("Next_link_with_another_filter");
        yield return new TestCaseData("https://api.pingone.com" + path + "?cursor=c2&expand=population").SetName("Next_link_with_a_parameter_the_client_does_not_send");
        yield return new TestCaseData("https://api.pingone.com" + path + "?cursor=c2&cursor=c3").SetName("Next_link_with_two_cursors");
        yield return new TestCaseData("https://api.pingone.com" + path + "?limit=2").SetName("Next_link_without_a_cursor");
        yield return new TestCaseData("https://api.pingone.com" + path + "?cursor=c2&limit=100000").SetName("Next_link_with_a_limit_out_of_range");
        yield return new TestCaseData("https://api.pingone.com" + path + "?cursor=c2&limit=-1").SetName("Next_link_with_a_negative_limit");
        yield return new TestCaseData("javascript:alert(1)").SetName("Next_link_that_is_not_http");
    }

    [TestCaseSource(nameof(HostileNextLinks))]
    public async Task A_hostile_next_link_is_refused_after_the_users_read_and_nothing_more_is_sent(string next)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(next, User("u1")));
        var client = mock.CreateClient();
        var seen = new List<string>();

        var error = Assert.ThrowsAsync<PingOneException>(async () =>
        {
            await foreach (var user in client.ListUsersAsync(Seed.EnvironmentId)) seen.Add(user.Id!);
        });

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(error.Message, Does.Contain("not followed"));
        Assert.That(error.Message, Does.Not.Contain("c2").And.Not.Contain("alert").And.Not.Contain("pw"), "the link's query and credentials are not repeated");
        Assert.That(seen, Is.EqualTo(new[] { "u1" }), "the users of the page before were read");
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
        await Task.CompletedTask;
    }

    [Test]
    public void A_cursor_linked_twice_is_refused_rather_than_read_forever()
    {
        using var mock = new PingOneMock();
        var again = UsersUrl + "?cursor=c2";
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(again, User("u1")));
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(again, User("u2")));
        var client = mock.CreateClient();

        var error = Assert.ThrowsAsync<PingOneException>(() => ReadAll(client.ListUsersAsync(Seed.EnvironmentId)));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(error.Message, Does.Contain("linked before"));
        Assert.That(mock.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_endless_chain_of_new_cursors_stops_at_the_page_cap()
    {
        using var mock = new PingOneMock();
        var served = 0;
        mock.When(HttpMethod.Get, UsersUrl).Respond(_ =>
        {
            var n = Interlocked.Increment(ref served);
            return Json(HttpStatusCode.OK, Page(UsersUrl + "?cursor=c" + n, User("u" + n)));
        });
        var client = mock.CreateClient();
        client.UserPageCap = 7;

        var error = Assert.ThrowsAsync<PingOneException>(() => ReadAll(client.ListUsersAsync(Seed.EnvironmentId)));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(error.Message, Does.Contain("more than 7 pages"));
        Assert.That(served, Is.EqualTo(7));
        Assert.That(PingOneMfaClient.MaxUserPages, Is.EqualTo(100_000));
    }

    [Test]
    public async Task A_429_on_page_two_is_retried_after_Retry_After_and_the_list_goes_on()
    {
        using var mock = new PingOneMock();
        var second = UsersUrl + "?limit=1&cursor=c2";
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(second, User("u1")));
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(() => Task.FromResult(RetryAfter(Json((HttpStatusCode)429, "{\"id\":\"e\",\"code\":\"REQUEST_LIMITED\",\"message\":\"The request was rate limited\"}"))));
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(null, User("u2")));
        var client = mock.CreateClient(new PingOneMfaClientOptions { Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } });

        var users = await ReadAll(client.ListUsersAsync(Seed.EnvironmentId, new UserQuery { Limit = 1 }));

        Assert.That(users.Select(u => u.Id), Is.EqualTo(new[] { "u1", "u2" }));
        Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[] { UsersUrl + "?limit=1", second, second }));
    }

    private static HttpResponseMessage RetryAfter(HttpResponseMessage response)
    {
        response.Headers.TryAddWithoutValidation("Retry-After", "0");
        return response;
    }

    [Test]
    public void A_page_that_fails_after_its_retries_ends_the_enumeration_with_the_PingOneException()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(UsersUrl + "?cursor=c2", User("u1")));
        mock.When(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.BadRequest, "application/json", "{\"id\":\"e\",\"code\":\"INVALID_FILTER\",\"message\":\"The filter is not valid.\"}");
        var client = mock.CreateClient();

        var error = Assert.CatchAsync<PingOneException>(() => ReadAll(client.ListUsersAsync(Seed.EnvironmentId)));

        Assert.That(error!.Status, Is.EqualTo(400));
        Assert.That(error.Error?.Code, Is.EqualTo("INVALID_FILTER"));
        Assert.That(mock.Sent, Has.Count.EqualTo(2), "a 400 is not retried");
    }

    [Test]
    public async Task Cancelling_mid_enumeration_stops_before_the_next_page_with_the_callers_token()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(UsersUrl + "?cursor=c2", User("u1"), User("u2")));
        var client = mock.CreateClient();
        using var cancel = new CancellationTokenSource();
        var seen = new List<string>();

        var error = Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var user in client.ListUsersAsync(Seed.EnvironmentId, null, cancel.Token))
            {
                seen.Add(user.Id!);
                cancel.Cancel();
            }
        });

        Assert.That(error!.CancellationToken, Is.EqualTo(cancel.Token));
        Assert.That(seen, Is.EqualTo(new[] { "u1" }));
        Assert.That(mock.Sent, Has.Count.EqualTo(1), "the second page was never asked for");
        await Task.CompletedTask;
    }

    [Test]
    public async Task Cancelling_through_WithCancellation_stops_the_enumeration_too()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, UsersUrl).Respond(HttpStatusCode.OK, "application/json", Page(UsersUrl + "?cursor=c2", User("u1")));
        var client = mock.CreateClient();
        using var cancel = new CancellationTokenSource();

        var error = Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var user in client.ListUsersAsync(Seed.EnvironmentId).WithCancellation(cancel.Token)) cancel.Cancel();
        });

        Assert.That(error!.CancellationToken, Is.EqualTo(cancel.Token));
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
        await Task.CompletedTask;
    }

    private static IEnumerable<TestCaseData> BadQueries()
    {
        yield return new TestCaseData("not-a-uuid", null).SetName("List_with_an_environment_that_is_not_a_UUID");
        yield return new TestCaseData(Seed.EnvironmentId, new UserQuery { Limit = 0 }).SetName("List_with_limit_0");
        yield return new TestCaseData(Seed.EnvironmentId, new UserQuery { Limit = 1001 }).SetName("List_with_limit_1001");
        yield return new TestCaseData(Seed.EnvironmentId, new UserQuery { Filter = "username eq \"a\"\r\nX-Injected: 1" }).SetName("List_with_CR_LF_in_the_filter");
        yield return new TestCaseData(Seed.EnvironmentId, new UserQuery { Filter = "username eq \"a\"\u0000" }).SetName("List_with_NUL_in_the_filter");
        yield return new TestCaseData(Seed.EnvironmentId, new UserQuery { Filter = "  " }).SetName("List_with_a_blank_filter");
        yield return new TestCaseData(Seed.EnvironmentId, new UserQuery { Filter = "username eq \"" + new string('a', UserQuery.MaxFilterLength) + "\"" }).SetName("List_with_a_filter_over_the_length_bound");
    }

    [TestCaseSource(nameof(BadQueries))]
    public void A_bad_query_is_refused_by_the_call_itself_and_nothing_is_sent(string environmentId, UserQuery? query)
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();

        var error = Assert.Catch<ArgumentException>(() => client.ListUsersAsync(environmentId, query));

        Assert.That(error!.ParamName, Is.EqualTo(query is null ? "environmentId" : "query"));
        Assert.That(mock.Sent, Is.Empty);
    }

    [Test]
    public void A_filter_of_exactly_the_length_bound_is_accepted()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();

        Assert.DoesNotThrow(() => client.ListUsersAsync(Seed.EnvironmentId, new UserQuery { Filter = new string('a', UserQuery.MaxFilterLength), Limit = UserQuery.MaxLimit }));
    }

    [Test]
    public void Quote_escapes_quotes_and_backslashes_so_a_value_cannot_change_the_filter()
    {
        Assert.That(UserQuery.Quote("a\"b\\c"), Is.EqualTo("\"a\\\"b\\\\c\""));
        Assert.That("username eq " + UserQuery.Quote("x\" or username pr \""), Is.EqualTo("username eq \"x\\\" or username pr \\\"\""));
    }

    [Test]
    public async Task CreateUser_posts_the_user_as_Ping_documents_and_returns_the_201_answer()
    {
        using var mock = new PingOneMock();
        const string id = "8376797d-641c-4e7b-8bc1-2fdf71916cab";
        mock.Expect(HttpMethod.Post, UsersUrl).Respond(HttpStatusCode.Created, "application/json", User(id, "marysample", "+1 (512) 555-1234", "US"));
        var client = mock.CreateClient();
        var request = new CreateUserRequest
        {
            Username = "marysample",
            Email = "marysample@example.com",
            Name = new UserName { Given = "Mary", Family = "Sample" },
            Population = new PopulationReference { Id = PopulationId },
            MobilePhone = "+1 (512) 555-1234",
            Address = new UserAddress { CountryCode = "US" },
        };
        request.AdditionalProperties["department"] = "engineering";

        var user = await client.CreateUserAsync(Seed.EnvironmentId, request);

        var sent = mock.Sent.Single();
        Assert.That(sent.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(UsersUrl));
        Assert.That(sent.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(JToken.DeepEquals(sent.BodyJson, JToken.Parse(
            "{\"username\":\"marysample\",\"email\":\"marysample@example.com\",\"population\":{\"id\":\"" + PopulationId + "\"}," +
            "\"name\":{\"given\":\"Mary\",\"family\":\"Sample\"},\"mobilePhone\":\"+1 (512) 555-1234\",\"address\":{\"countryCode\":\"US\"},\"department\":\"engineering\"}")),
            Is.True, sent.Body);
        Assert.That(user.Id, Is.EqualTo(id));
        Assert.That(request.MobilePhone, Is.EqualTo("+1 (512) 555-1234"), "the caller's request is not changed");
    }

    [Test]
    public void CreateUser_is_not_sent_again_after_a_500_whose_outcome_is_unknown()
    {
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Post, UsersUrl).Respond(HttpStatusCode.InternalServerError, "application/json", "{\"id\":\"e\",\"code\":\"UNEXPECTED_ERROR\",\"message\":\"x\"}");
        var client = mock.CreateClient(new PingOneMfaClientOptions { Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } });

        var error = Assert.CatchAsync<PingOneException>(() => client.CreateUserAsync(Seed.EnvironmentId, new CreateUserRequest { Username = "x" }));

        Assert.That(error!.Status, Is.EqualTo(500));
        Assert.That(mock.Sent, Has.Count.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> BadCreates()
    {
        yield return new TestCaseData(new CreateUserRequest { Username = "" }).SetName("Create_without_a_username");
        yield return new TestCaseData(new CreateUserRequest { Username = new string('u', 129) }).SetName("Create_with_a_username_over_128_characters");
        yield return new TestCaseData(new CreateUserRequest { Username = "u", Email = "" }).SetName("Create_with_an_empty_email");
        yield return new TestCaseData(new CreateUserRequest { Username = "u", Population = new PopulationReference { Id = "../x" } }).SetName("Create_with_a_population_id_that_is_not_a_UUID");
        yield return new TestCaseData(new CreateUserRequest { Username = "u", MobilePhone = "+1 512 555 1234 0000000000000000000000" }).SetName("Create_with_a_mobile_phone_over_32_characters");
        yield return new TestCaseData(new CreateUserRequest { Username = "u", PrimaryPhone = "" }).SetName("Create_with_an_empty_primary_phone");
    }

    [TestCaseSource(nameof(BadCreates))]
    public void A_bad_create_is_refused_before_sending_without_repeating_the_phone(CreateUserRequest request)
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.CreateUserAsync(Seed.EnvironmentId, request));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(error.Message, Does.Not.Contain("5125551234").And.Not.Contain("512 555 1234"));
        Assert.That(mock.Sent, Is.Empty);
    }
}
