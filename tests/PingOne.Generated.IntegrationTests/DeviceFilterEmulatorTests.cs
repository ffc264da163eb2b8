using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;
using PingOne.Generated.Tests;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// The emulator's <c>filter</c> on Read All MFA User Devices, from Ping's pages: the list filters on <c>status</c> (eq) and
/// <c>type</c> (eq) (https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/read-all-mfa-user-devices.html;
/// https://developer.pingidentity.com/pingone-api/platform/reference/query-parameter-quick-reference.html), joined by
/// <c>and</c>; any other filter is refused in Ping's error shape
/// (https://developer.pingidentity.com/pingone-api/platform/reference/error-codes.html: <c>id</c>, <c>code</c>,
/// <c>message</c>, <c>details[].code/target/message</c>).
/// </summary>
public class DeviceFilterEmulatorTests
{
    private static readonly string[] ErrorFields = { "code", "details", "details[].code", "details[].message", "details[].target", "id", "message" };

    [TestCase("status eq \"ACTIVE\"", "ACTIVE", null)]
    [TestCase("(status eq \"ACTIVATION_REQUIRED\")", "ACTIVATION_REQUIRED", null)]
    [TestCase("type eq \"SMS\"", null, "SMS")]
    [TestCase("status eq \"ACTIVATION_REQUIRED\" and type eq \"VOICE\"", "ACTIVATION_REQUIRED", "VOICE")]
    [TestCase("(type eq \"VOICE\") AND (status EQ \"ACTIVE\")", "ACTIVE", "VOICE")]
    public async Task A_documented_filter_returns_exactly_the_matching_devices(string filter, string? status, string? type)
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 10 });
        await SeedAsync(emulator);
        var expected = emulator.DevicesOf(EmulatorSeed.UserId)
            .Where(d => (status is null || d.Status == status) && (type is null || d.Type == type)).Select(d => d.Id).ToList();

        var (code, body) = await GetAsync(emulator, filter);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(200), body.ToString());
            Assert.That(expected, Is.Not.Empty, "the seed has devices the filter keeps");
            Assert.That(body["_embedded"]?["devices"]?.Select(d => (string?)d["id"]), Is.EqualTo(expected), "the matching devices, in the list's order");
            Assert.That((int?)body["count"], Is.EqualTo(expected.Count));
        });
    }

    [Test]
    public async Task The_client_reads_every_page_of_a_status_filter()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 10 });
        await SeedAsync(emulator);
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var active = await client.QueryDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, new DeviceListQuery { Filter = "status eq \"ACTIVE\"", Limit = 1 });

        Assert.That(active.Select(d => d.Id), Is.EqualTo(emulator.DevicesOf(EmulatorSeed.UserId).Where(d => d.Status == "ACTIVE").Select(d => d.Id)));
    }

    [TestCase("nickname eq \"Home\"")]
    [TestCase("phone eq \"+15125551230\"")]
    [TestCase("status ne \"ACTIVE\"")]
    [TestCase("type sw \"V\"")]
    [TestCase("status eq \"ACTIVE\" or type eq \"SMS\"")]
    [TestCase("not (status eq \"ACTIVE\")")]
    [TestCase("status pr")]
    [TestCase("status eq ACTIVE")]
    [TestCase("(status eq \"ACTIVE\"")]
    [TestCase("status eq \"ACTIVE\" and")]
    [TestCase("status eq \"ACTIVE\" type eq \"SMS\"")]
    [TestCase("status eq \"AC\\qTIVE\"")]
    public async Task A_filter_Ping_does_not_document_is_refused_in_Pings_error_shape(string filter)
    {
        await using var emulator = await PingOneEmulator.StartAsync();

        var (code, body) = await GetAsync(emulator, filter);

        var detail = body["details"]?.Single();
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(400));
            Assert.That(PingDocsFixtures.FieldNames(body), Is.EqualTo(ErrorFields), body.ToString());
            Assert.That(Guid.TryParse((string?)body["id"], out _), Is.True);
            Assert.That((string?)body["code"], Is.EqualTo("INVALID_DATA"));
            Assert.That((string?)detail?["code"], Is.EqualTo("INVALID_FILTER"));
            Assert.That((string?)detail?["target"], Is.EqualTo("filter"));
        });
    }

    [Test]
    public async Task The_client_reports_a_refused_filter_as_a_refusal_naming_the_filter()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());

        var error = Assert.CatchAsync<PingOneException>(() => client.QueryDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, new DeviceListQuery { Filter = "nickname eq \"Home\"" }))!;

        Assert.That((error.Status, error.Kind, error.Details.Single().Code, error.Details.Single().Target), Is.EqualTo((400, PingOneFailureKind.Refused, "INVALID_FILTER", "filter")));
    }

    // Two voice devices of each status and one SMS device: every documented filter keeps some and leaves some.
    private static async Task SeedAsync(PingOneEmulator emulator)
    {
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        emulator.AddDeviceOfType(EmulatorSeed.UserId, "SMS");
        for (var i = 0; i < 4; i++)
        {
            var request = CreateVoiceDeviceRequest.Create("+1 512 555 12" + (30 + i), EmulatorSeed.PolicyId);
            if (i % 2 == 1) request.Status = DeviceCreationStatus.ActivationRequired;
            await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, request);
        }
    }

    private static async Task<(int Status, JObject Body)> GetAsync(PingOneEmulator emulator, string filter)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        var url = new Uri(emulator.ApiBaseAddress, $"environments/{EmulatorSeed.EnvironmentId}/users/{EmulatorSeed.UserId}/devices?filter={Uri.EscapeDataString(filter)}");
        using var response = await http.GetAsync(url);
        return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }
}
