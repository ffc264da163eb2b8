using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using NSwag;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// The emulator's Users resource through the real client: create, read one, read all page by page with PingOne's filters,
/// the generated directory's deterministic profiles, and PingOne's answers to what it refuses.
/// </summary>
public class UsersEmulatorTests
{
    private static async Task<List<PingOneUser>> ReadAll(IAsyncEnumerable<PingOneUser> users)
    {
        var all = new List<PingOneUser>();
        await foreach (var user in users) all.Add(user);
        return all;
    }

    private static async Task<(int Status, JObject Body)> GetRawAsync(PingOneEmulator emulator, string relative)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiBaseAddress, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Test]
    public async Task A_created_user_can_be_read_listed_by_username_and_given_devices()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var request = new CreateUserRequest
        {
            Username = "new.hire",
            Email = "new.hire@example.com",
            Population = new PopulationReference { Id = EmulatorSeed.ContractorsPopulationId },
            MobilePhone = "(512) 555-0199",
            Address = new UserAddress { CountryCode = "US" },
        };
        request.AdditionalProperties["department"] = "engineering";

        var created = await client.CreateUserAsync(EmulatorSeed.EnvironmentId, request);
        var read = await client.GetUserAsync(EmulatorSeed.EnvironmentId, created.Id!);
        var listed = await ReadAll(client.ListUsersAsync(EmulatorSeed.EnvironmentId, new UserQuery { Filter = "username eq " + UserQuery.Quote("NEW.HIRE") }));
        var device = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, created.Id!, CreateVoiceDeviceRequest.Create("+15125550199", EmulatorSeed.PolicyId));

        Assert.Multiple(() =>
        {
            Assert.That(created.Enabled, Is.True);
            Assert.That(created.Population?.Id, Is.EqualTo(EmulatorSeed.ContractorsPopulationId));
            Assert.That(created.Links?.Self?.Href, Is.EqualTo(emulator.ApiBaseAddress + "environments/" + EmulatorSeed.EnvironmentId + "/users/" + created.Id));
            Assert.That(read.Username, Is.EqualTo("new.hire"));
            Assert.That(read.MobilePhone, Is.EqualTo("(512) 555-0199"), "a profile phone is stored as written");
            Assert.That(read.AdditionalProperties["department"], Is.EqualTo("engineering"));
            Assert.That(listed.Select(u => u.Id), Is.EqualTo(new[] { created.Id }), "username compares without case");
            Assert.That(emulator.DevicesOf(created.Id!).Single().Id, Is.EqualTo(device.Id));
        });
    }

    [Test]
    public async Task A_taken_username_or_an_unknown_population_is_refused_as_PingOne_answers()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var taken = Assert.CatchAsync<PingOneException>(() => client.CreateUserAsync(EmulatorSeed.EnvironmentId, new CreateUserRequest { Username = EmulatorSeed.Username.ToUpperInvariant() }));
        var population = Assert.CatchAsync<PingOneException>(() => client.CreateUserAsync(EmulatorSeed.EnvironmentId, new CreateUserRequest { Username = "x", Population = new PopulationReference { Id = "11111111-2222-4333-8444-555555555555" } }));

        Assert.That(taken!.Status, Is.EqualTo(400));
        Assert.That(taken.Details.Single().Code, Is.EqualTo("UNIQUENESS_VIOLATION"));
        Assert.That(taken.Details.Single().Target, Is.EqualTo("username"));
        Assert.That(population!.Details.Single().Target, Is.EqualTo("population.id"));
    }

    [Test]
    public async Task Five_thousand_generated_users_are_read_page_by_page_in_order_each_once()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 5_000 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var users = await ReadAll(client.ListUsersAsync(EmulatorSeed.EnvironmentId, new UserQuery { Limit = 333 }));

        Assert.That(users, Has.Count.EqualTo(5_003));
        Assert.That(users.Take(3).Select(u => u.Id), Is.EqualTo(EmulatorSeed.UserIds));
        Assert.That(users.Skip(3).Select(u => u.Id), Is.EqualTo(Enumerable.Range(0, 5_000).Select(EmulatorSeed.GeneratedUserId)));
        Assert.That(users[3 + 42].Username, Is.EqualTo(EmulatorSeed.GeneratedUsername(42)));
    }

    [Test]
    public async Task Pages_link_the_next_by_cursor_with_the_filter_and_limit_and_count_the_whole_selection()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 40 });
        var filter = Uri.EscapeDataString("population.id eq \"" + EmulatorSeed.ContractorsPopulationId + "\"");

        var (status, first) = await GetRawAsync(emulator, $"environments/{EmulatorSeed.EnvironmentId}/users?filter={filter}&limit=4");
        var next = (string)first["_links"]!["next"]!["href"]!;
        var (_, second) = await GetRawAsync(emulator, next.Substring(emulator.ApiBaseAddress.AbsoluteUri.Length));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(200));
            Assert.That((int)first["count"]!, Is.EqualTo(10), "every 4th of 40 generated users");
            Assert.That((int)first["size"]!, Is.EqualTo(4));
            Assert.That(next, Does.StartWith(emulator.ApiBaseAddress + "environments/" + EmulatorSeed.EnvironmentId + "/users?filter=").And.Contain("&limit=4&cursor="));
            Assert.That(second["_embedded"]!["users"]!.Select(u => (string)u["id"]!), Is.EqualTo(new[] { 19, 23, 27, 31 }.Select(EmulatorSeed.GeneratedUserId)));
        });
    }

    private static IEnumerable<TestCaseData> Filters()
    {
        yield return new TestCaseData("email eq \"user000048@example.com\"", new[] { 48, 49 }).SetName("Email_eq_finds_every_user_sharing_it");
        yield return new TestCaseData("username eq \"user000007\" or username eq \"user000011\"", new[] { 7, 11 }).SetName("Or_of_username_eq");
        yield return new TestCaseData("(population.id eq \"" + EmulatorSeed.ContractorsPopulationId + "\") and enabled eq false", new[] { 99 }).SetName("And_of_population_and_enabled");
        yield return new TestCaseData("username sw \"user00002\" and mobilePhone sw \"+44\"", new[] { 26, 27 }).SetName("Starts_with_on_username_and_mobilePhone");
        yield return new TestCaseData("address.countryCode eq \"GB\" and username sw \"user00003\"", new[] { 30 }).SetName("Country_code");
        yield return new TestCaseData("email ew \"00003@example.com\"", new[] { 3 }).SetName("Email_ends_with");
    }

    [TestCaseSource(nameof(Filters))]
    public async Task Documented_filters_select_the_generated_users_they_describe(string filter, int[] indexes)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 100 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var users = await ReadAll(client.ListUsersAsync(EmulatorSeed.EnvironmentId, new UserQuery { Filter = filter, Limit = 7 }));

        Assert.That(users.Select(u => u.Id), Is.EqualTo(indexes.Select(EmulatorSeed.GeneratedUserId)));
    }

    [TestCase("username co \"user\"")]
    [TestCase("memberOfGroups[id eq \"x\"]")]
    [TestCase("lifecycle.status eq \"ACCOUNT_OK\"")]
    [TestCase("username eq user000001")]
    [TestCase("(username eq \"a\"")]
    [TestCase("username eq \"a\" xor username eq \"b\"")]
    [TestCase("not (username eq \"a\")")]
    public async Task A_filter_the_emulator_does_not_support_is_400_INVALID_FILTER(string filter)
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => ReadAll(client.ListUsersAsync(EmulatorSeed.EnvironmentId, new UserQuery { Filter = filter })));

        Assert.That(error!.Status, Is.EqualTo(400));
        Assert.That(error.Details.Single().Code, Is.EqualTo("INVALID_FILTER"));
        Assert.That(error.Details.Single().Target, Is.EqualTo("filter"));
        await Task.CompletedTask;
    }

    [TestCase("limit=0")]
    [TestCase("limit=1001")]
    [TestCase("limit=ten")]
    [TestCase("cursor=-5")]
    public async Task A_limit_or_cursor_out_of_range_is_400(string query)
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var (status, body) = await GetRawAsync(emulator, $"environments/{EmulatorSeed.EnvironmentId}/users?{query}");

        Assert.That(status, Is.EqualTo(400));
        Assert.That((string?)body["code"], Is.EqualTo("INVALID_DATA"));
    }

    [Test]
    public async Task An_unknown_user_is_404()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 10 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.GetUserAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.GeneratedUserId(10)));

        Assert.That(error!.Status, Is.EqualTo(404));
        Assert.That((await client.GetUserAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.GeneratedUserId(9))).Username, Is.EqualTo("user000009"));
    }

    [Test]
    public async Task The_generated_phones_read_through_UserPhone_as_the_mix_documents()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 20 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var users = (await ReadAll(client.ListUsersAsync(EmulatorSeed.EnvironmentId))).Skip(3).ToList();
        string Read(PingOneUser user, UserPhoneAttribute attribute) =>
            UserPhone.TryRead(user, attribute, null, out var phone, out var error) ? phone!.Value.Phone : error!.Reason.ToString();

        Assert.That(users.Select(u => Read(u, UserPhoneAttribute.MobilePhone)), Is.EqualTo(new[]
        {
            "+15125551000", "+15125551001", "+15125551002", "+15125551003", "+15125551004", "+15125551005",
            "+442079460006", "+442079460007", "+15125551008", "+15125551009", "+442079460010",
            "MissingCountryCode", "MissingCountryCode", "Empty", "Empty", "Empty", "Empty", "TooShort", "NotANumber", "+15125551019",
        }));
        Assert.That(users.Select(u => Read(u, UserPhoneAttribute.PrimaryPhone)).Where(p => p != "Empty"), Is.EqualTo(new[] { "+15125551013", "+15125551014", "+17375551019" }));
        Assert.That(UserPhone.TryRead(users[11], UserPhoneAttribute.MobilePhone, new PhoneNormalizationOptions { DefaultRegion = "US" }, out var fallback, out _), Is.True);
        Assert.That(fallback!.Value.Phone, Is.EqualTo("+15125551011"));
    }

    [Test]
    public async Task Every_user_answer_validates_against_the_spec()
    {
        var spec = await OpenApiYamlDocument.FromFileAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi", "pingone-mfa-devices.yaml"));
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { GeneratedUsers = 20 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        await client.CreateUserAsync(EmulatorSeed.EnvironmentId, new CreateUserRequest { Username = "custom", Email = "c@example.com", Name = new UserName { Given = "C" } });
        var schema = spec.Operations.Single(o => o.Operation.OperationId == "listUsers").Operation.Responses["200"].Content["application/json"].Schema!.ActualSchema;

        var (status, body) = await GetRawAsync(emulator, $"environments/{EmulatorSeed.EnvironmentId}/users?limit=1000");

        Assert.That(status, Is.EqualTo(200));
        Assert.That(schema.Validate(body.ToString()), Is.Empty);
        Assert.That(body["_embedded"]!["users"]!.Count(), Is.EqualTo(24));
    }
}
