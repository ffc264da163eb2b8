using Newtonsoft.Json.Linq;
using PingOne.Generated.Emulator;

namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// The emulator's device list as PingOne's "Read All MFA User Devices" describes it (links, limit, filter, test mode),
/// read raw and through the client, which follows every page.
/// </summary>
public class ListPagingEmulatorTests
{
    private static string DevicesPath(string userId) => $"environments/{EmulatorSeed.EnvironmentId}/users/{userId}/devices";

    private static async Task<(int Status, JObject Body)> GetRawAsync(PingOneEmulator emulator, string relative)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await EmulatorClient.TokenAsync(emulator));
        using var response = await http.GetAsync(new Uri(emulator.ApiBaseAddress, relative));
        return ((int)response.StatusCode, JObject.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<List<string>> CreateVoiceDevicesAsync(PingOneMfaClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var created = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId,
                CreateVoiceDeviceRequest.Create("+1 512 555 12" + (30 + i), EmulatorSeed.PolicyId));
            ids.Add(created.Id);
        }
        return ids;
    }

    [Test]
    public async Task Limit_one_returns_one_device_per_page_and_the_client_still_reads_them_all()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var ids = await CreateVoiceDevicesAsync(client, 3);

        var (status, page) = await GetRawAsync(emulator, DevicesPath(EmulatorSeed.UserId) + "?limit=1");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(page["_embedded"]!["devices"]!.Select(d => d["id"]!.Value<string>()), Is.EqualTo(new[] { ids[0] }));
        Assert.That(page["size"]!.Value<int>(), Is.EqualTo(1));
        Assert.That(page["count"]!.Value<int>(), Is.EqualTo(3));
        Assert.That(page["_links"]!["next"]!["href"]!.Value<string>(), Does.StartWith(new Uri(emulator.ApiBaseAddress, DevicesPath(EmulatorSeed.UserId)).AbsoluteUri + "?"));

        var all = await client.QueryDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, new DeviceListQuery { Limit = 1 });
        Assert.That(all.Select(d => d.Id), Is.EqualTo(ids));
        var byTwo = await client.QueryDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, new DeviceListQuery { Limit = 2 });
        Assert.That(byTwo.Select(d => d.Id), Is.EqualTo(ids));
    }

    [Test]
    public async Task The_last_page_has_no_next_link()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        await CreateVoiceDevicesAsync(client, 2);

        var (_, first) = await GetRawAsync(emulator, DevicesPath(EmulatorSeed.UserId) + "?limit=2");
        var (_, unlimited) = await GetRawAsync(emulator, DevicesPath(EmulatorSeed.UserId));

        Assert.That(first["_links"]!["next"], Is.Null);
        Assert.That(unlimited["_links"]!["next"], Is.Null);
        Assert.That(unlimited["_embedded"]!["devices"]!.Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task The_voice_filter_returns_only_voice_devices_across_pages()
    {
        await using var emulator = await PingOneEmulator.StartAsync(new EmulatorOptions { MaxDevicesPerUser = 10 });
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        emulator.AddDeviceOfType(EmulatorSeed.UserId, "SMS");
        var voice = await CreateVoiceDevicesAsync(client, 2);
        emulator.AddDeviceOfType(EmulatorSeed.UserId, "EMAIL");

        var (status, page) = await GetRawAsync(emulator, DevicesPath(EmulatorSeed.UserId) + "?filter=" + Uri.EscapeDataString("type eq \"VOICE\""));
        Assert.That(status, Is.EqualTo(200));
        Assert.That(page["_embedded"]!["devices"]!.Select(d => d["type"]!.Value<string>()), Is.EqualTo(new[] { "VOICE", "VOICE" }));

        var filtered = await client.QueryDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, new DeviceListQuery { Filter = DeviceListQuery.VoiceDevicesFilter, Limit = 1 });
        Assert.That(filtered.Select(d => d.Id), Is.EqualTo(voice));
        var everything = await client.ListDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId);
        Assert.That(everything.Select(d => d.Type), Is.EqualTo(new[] { "SMS", "VOICE", "VOICE", "EMAIL" }));
    }

    [Test]
    public async Task The_list_links_reorder_and_an_inactive_test_mode_device_links_activate_and_says_testMode()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var request = CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId);
        request.Status = DeviceCreationStatus.ActivationRequired;
        request.TestMode = true;
        var created = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, request);
        var devicesUrl = new Uri(emulator.ApiBaseAddress, DevicesPath(EmulatorSeed.UserId)).AbsoluteUri;

        var (_, page) = await GetRawAsync(emulator, DevicesPath(EmulatorSeed.UserId));
        var listed = (JObject)page["_embedded"]!["devices"]![0]!;
        Assert.That(page["_links"]!["devices.reorder"]!["href"]!.Value<string>(), Is.EqualTo(devicesUrl));
        Assert.That(listed["_links"]!["activate"]!["href"]!.Value<string>(), Is.EqualTo(devicesUrl + "/" + created.Id));
        Assert.That(listed["testMode"]!.Value<bool>(), Is.True);

        var read = await client.GetDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, created.Id);
        Assert.That(read.TestMode, Is.True);
        Assert.That(read._links?.Activate?.Href, Is.EqualTo(devicesUrl + "/" + created.Id));
        Assert.That(created.TestMode, Is.True);

        var active = await client.ActivateDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, created.Id, created.Test!.Otp!);
        Assert.That(active._links?.Activate, Is.Null, "an active device has no activate link");
        Assert.That(active.TestMode, Is.True);
        var list = await client.ListDevicesAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId);
        Assert.That(list.Single()._links?.Activate, Is.Null);
    }

    [Test]
    public async Task A_device_created_without_test_mode_has_no_testMode_and_an_active_one_no_activate_link()
    {
        await using var emulator = await PingOneEmulator.StartAsync();
        using var client = new PingOneMfaClient(emulator.ClientOptions());
        var created = await client.CreateVoiceDeviceAsync(EmulatorSeed.EnvironmentId, EmulatorSeed.UserId, CreateVoiceDeviceRequest.Create("+1 512 555 1234", EmulatorSeed.PolicyId));

        var (_, page) = await GetRawAsync(emulator, DevicesPath(EmulatorSeed.UserId));
        var listed = (JObject)page["_embedded"]!["devices"]![0]!;

        Assert.That(created.Status, Is.EqualTo("ACTIVE"));
        Assert.That(listed.ContainsKey("testMode"), Is.False);
        Assert.That(((JObject)listed["_links"]!).ContainsKey("activate"), Is.False);
    }
}
