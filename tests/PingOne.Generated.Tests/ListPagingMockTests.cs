using System.Net;
using static PingOne.Generated.Tests.Transport.RetryMockTests;

namespace PingOne.Generated.Tests;

/// <summary>
/// Listing follows PingOne's <c>_links.next</c> page by page, only on the list's own address, never endlessly, and sends
/// <c>limit</c> and <c>filter</c> exactly. Every sent URL is checked in full (MockHttp itself matches queries loosely).
/// </summary>
public class ListPagingMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();

    private static string Page(string? next, params string[] devices) =>
        "{\"_links\":{\"self\":{\"href\":\"" + DevicesUrl + "\"}" + (next is null ? "" : ",\"next\":{\"href\":\"" + next + "\"}") +
        "},\"_embedded\":{\"devices\":[" + string.Join(",", devices) + "]}}";

    private static string Voice(string id) => Device(id, "VOICE", "+15125551111", null, null);

    [Test]
    public async Task Follows_next_links_and_returns_the_devices_of_every_page_in_order()
    {
        using var mock = new PingOneMock();
        var second = DevicesUrl + "?limit=1&cursor=1";
        var third = DevicesUrl + "?limit=1&cursor=2";
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", Page(second, Voice("d1")));
        mock.Expect(HttpMethod.Get, second).Respond(HttpStatusCode.OK, "application/json", Page(third, Voice("d2")));
        mock.Expect(HttpMethod.Get, third).Respond(HttpStatusCode.OK, "application/json", Page(null, Voice("d3")));
        var client = mock.CreateClient();

        var devices = await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(devices.Select(d => d.Id), Is.EqualTo(new[] { "d1", "d2", "d3" }));
        Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[] { DevicesUrl, second, third }));
        Assert.That(mock.Sent.All(r => r.Headers.Authorization?.Parameter == PingOneMock.Token), Is.True);
        mock.Handler.VerifyNoOutstandingExpectation();
    }

    [TestCase("https://evil.example/v1/environments/" + Seed.EnvironmentId + "/users/" + Seed.UserId + "/devices?cursor=1")]
    [TestCase("http://api.pingone.com/v1/environments/" + Seed.EnvironmentId + "/users/" + Seed.UserId + "/devices?cursor=1")]
    [TestCase("https://api.pingone.com:8443/v1/environments/" + Seed.EnvironmentId + "/users/" + Seed.UserId + "/devices?cursor=1")]
    [TestCase("https://api.pingone.com/v1/environments/" + Seed.EnvironmentId + "/users/" + Seed.UserId + "/other?cursor=1")]
    [TestCase("https://user@api.pingone.com/v1/environments/" + Seed.EnvironmentId + "/users/" + Seed.UserId + "/devices?cursor=1")]
    public void A_next_link_off_the_list_address_is_refused_without_sending(string next)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", Page(next, Voice("d1")));
        var client = mock.CreateClient();

        var error = Assert.ThrowsAsync<PingOneException>(() => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(error.Message, Does.Contain("not followed"));
        Assert.That(mock.Sent, Has.Count.EqualTo(1), "only the first page was requested");
    }

    [Test]
    public async Task A_next_link_seen_before_ends_the_list()
    {
        using var mock = new PingOneMock();
        var second = DevicesUrl + "?cursor=1";
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", Page(second, Voice("d1")));
        mock.Expect(HttpMethod.Get, second).Respond(HttpStatusCode.OK, "application/json", Page(second, Voice("d2")));
        var client = mock.CreateClient();

        var devices = await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(devices.Select(d => d.Id), Is.EqualTo(new[] { "d1", "d2" }));
        Assert.That(mock.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_endless_chain_of_new_next_links_stops_at_the_page_cap()
    {
        using var mock = new PingOneMock();
        var served = 0;
        mock.When(HttpMethod.Get, DevicesUrl).Respond(_ =>
        {
            var n = Interlocked.Increment(ref served);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Page(DevicesUrl + "?cursor=" + n, Voice("d" + n)), System.Text.Encoding.UTF8, "application/json") };
        });
        var client = mock.CreateClient();

        var error = Assert.ThrowsAsync<PingOneException>(() => client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        Assert.That(served, Is.EqualTo(PingOneMfaClient.MaxListPages));
    }

    [Test]
    public async Task Limit_and_filter_are_sent_as_query_parameters_exactly()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", Page(null, Voice("d1")));
        var client = mock.CreateClient();

        await client.QueryDevicesAsync(Seed.EnvironmentId, Seed.UserId, new DeviceListQuery { Limit = 2, Filter = DeviceListQuery.VoiceDevicesFilter });

        Assert.That(mock.Sent.Single().Uri.AbsoluteUri, Is.EqualTo(DevicesUrl + "?limit=2&filter=type%20eq%20%22VOICE%22"));
    }

    [Test]
    public async Task A_query_without_limit_or_filter_sends_no_query()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", Page(null));
        var client = mock.CreateClient();

        var devices = await client.QueryDevicesAsync(Seed.EnvironmentId, Seed.UserId, new DeviceListQuery());

        Assert.That(devices, Is.Empty);
        Assert.That(mock.Sent.Single().Uri.AbsoluteUri, Is.EqualTo(DevicesUrl));
    }

    [Test]
    public void A_limit_below_one_is_refused_before_sending()
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();

        Assert.ThrowsAsync<ArgumentException>(() => client.QueryDevicesAsync(Seed.EnvironmentId, Seed.UserId, new DeviceListQuery { Limit = 0 }));
        Assert.That(mock.Sent, Is.Empty);
    }

    [Test]
    public async Task A_failed_next_page_is_retried_on_its_own()
    {
        using var mock = new PingOneMock();
        var second = DevicesUrl + "?cursor=1";
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", Page(second, Voice("d1")));
        mock.Expect(HttpMethod.Get, second).Respond(HttpStatusCode.ServiceUnavailable, "application/json", "{\"code\":\"UNEXPECTED_ERROR\",\"message\":\"x\"}");
        mock.Expect(HttpMethod.Get, second).Respond(HttpStatusCode.OK, "application/json", Page(null, Voice("d2")));
        var client = mock.CreateClient(new PingOneMfaClientOptions { Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } });

        var devices = await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        Assert.That(devices.Select(d => d.Id), Is.EqualTo(new[] { "d1", "d2" }));
        Assert.That(mock.Sent.Select(r => r.Uri.AbsoluteUri), Is.EqualTo(new[] { DevicesUrl, second, second }));
    }
}
