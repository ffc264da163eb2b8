using Newtonsoft.Json.Linq;
using static PingOne.Generated.Tests.PingDocsFixtures;

namespace PingOne.Generated.Tests;

/// <summary>
/// <see cref="PingOneMfaClient.GetDeviceAuthenticationPolicyAsync"/> on a mocked wire: Ping's documented request
/// (Fixtures/PingDocs/read-device-authentication-policy.request.json) and the data model's properties.
/// </summary>
public class DeviceAuthenticationPolicyMockTests
{
    private const string PolicyUrl = "https://api.pingone.com/v1/environments/" + EnvironmentId + "/deviceAuthenticationPolicies/" + PolicyId;

    // Shaped as Ping's data model describes a policy (id, environment, name, default, one object per method); the values are
    // those of Ping's "Create the device authentication policy" workflow example.
    private static readonly string PolicyJson = new JObject
    {
        ["_links"] = new JObject { ["self"] = new JObject { ["href"] = PolicyUrl } },
        ["id"] = PolicyId,
        ["environment"] = new JObject { ["id"] = EnvironmentId },
        ["name"] = "useCaseDeviceAuthPolicy",
        ["default"] = false,
        ["forSignOnPolicy"] = false,
        ["voice"] = new JObject { ["enabled"] = true, ["otp"] = new JObject { ["lifeTime"] = new JObject { ["duration"] = 30, ["timeUnit"] = "MINUTES" } } },
        ["sms"] = new JObject { ["enabled"] = false },
        ["totp"] = new JObject { ["enabled"] = true },
    }.ToString();

    [TestCase("html: {{apiPath}}/environments")]
    [TestCase("md: {{apiPath}}/v1/environments")]
    public async Task DocumentedRequest_IsWhatTheClientSends_OneGetWithTheBearerTokenAndNoBody(string readingName)
    {
        var reading = Readings.Single(r => r.Name == readingName);
        var documented = Request("read-device-authentication-policy");
        var url = new Uri(Url(documented, reading).OriginalString.Replace("{{deviceAuthenticationPolicyID}}", PolicyId, StringComparison.Ordinal));
        using var mock = new PingOneMock();
        mock.Expect(new HttpMethod(documented.Method), url.AbsoluteUri).Respond("application/json", PolicyJson);
        var client = mock.CreateClient(new PingOneMfaClientOptions { ApiBaseAddress = new Uri(reading.InsertV1 ? reading.ApiPath + "/v1" : reading.ApiPath) });

        await client.GetDeviceAuthenticationPolicyAsync(EnvironmentId, PolicyId);

        var sent = mock.Sent.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo(url.AbsoluteUri));
            Assert.That(sent.Headers.Authorization?.ToString(), Is.EqualTo("Bearer " + PingOneMock.Token));
            Assert.That(sent.Body, Is.Empty);
        });
    }

    [Test]
    public async Task Answer_MapsTheVoiceSwitch_AndKeepsTheOtherMethodsAsSent()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, PolicyUrl).Respond("application/json", PolicyJson);

        var policy = await mock.CreateClient().GetDeviceAuthenticationPolicyAsync(EnvironmentId, PolicyId);

        Assert.Multiple(() =>
        {
            Assert.That(policy.Id, Is.EqualTo(PolicyId));
            Assert.That(policy.Name, Is.EqualTo("useCaseDeviceAuthPolicy"));
            Assert.That(policy.AllowsVoice, Is.True);
            Assert.That(policy.Sms?.Enabled, Is.False);
            Assert.That(policy.Links?.Self?.Href, Is.EqualTo(PolicyUrl));
            Assert.That(policy.AdditionalProperties, Is.Empty, "every property of the data model has a typed property");
            Assert.That(JToken.DeepEquals(ToJson(policy), Parse(PolicyJson)), Is.True, ToJson(policy).ToString());
        });
    }

    [Test]
    public async Task Answer_WithoutVoice_DoesNotAllowVoice()
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, PolicyUrl).Respond("application/json", new JObject { ["id"] = PolicyId, ["sms"] = new JObject { ["enabled"] = true } }.ToString());

        var policy = await mock.CreateClient().GetDeviceAuthenticationPolicyAsync(EnvironmentId, PolicyId);

        Assert.That(policy.AllowsVoice, Is.False);
    }

    [TestCase("not-a-uuid")]
    [TestCase("")]
    public void PolicyIdThatIsNotAUuid_IsRefused_BeforeAnythingIsSent(string policyId)
    {
        using var mock = new PingOneMock();

        var error = Assert.ThrowsAsync<ArgumentException>(() => mock.CreateClient().GetDeviceAuthenticationPolicyAsync(EnvironmentId, policyId));

        Assert.That(error!.ParamName, Is.EqualTo("policyId"));
        Assert.That(mock.Sent, Is.Empty);
    }
}
