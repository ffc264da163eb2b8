using System.Net;
using Newtonsoft.Json.Linq;
using PingOne.Generated;
using PingOne.Generated.Tests.Transport;

namespace PingOne.Generated.Tests.Telemetry;

/// <summary>
/// Answers that differ from the spec: a property it does not declare (at the top or in a nested model) or a required one
/// missing is counted by model and property name and logged once per client, with what to do.
/// </summary>
[NonParallelizable]
public class SchemaDriftMockTests
{
    private static readonly string DevicesUrl = PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath();
    private static readonly string DeviceUrl = DevicesUrl + "/" + Seed.DeviceId;

    // The seed answer plus what PingOne might add one day: a top-level property, nested ones in lock, block and _links,
    // a "$ref" (data for us, not Json.NET metadata), and one whose name is a phone number (never quoted).
    private static string DriftingDevice()
    {
        var json = JObject.Parse(Seed.ResponseJson);
        json["riskScore"] = 0.3;
        json["lock"] = new JObject { ["status"] = "UNLOCKED", ["reason"] = "none" };
        json["block"] = new JObject { ["status"] = "UNBLOCKED", ["blockedBy"] = "admin" };
        ((JObject)json["_links"]!)["device.verify"] = new JObject { ["href"] = "https://api.pingone.com/v1/x" };
        json["$ref"] = "#/devices/1";
        json["15125551111"] = "+15125551111";
        return json.ToString();
    }

    [Test]
    public async Task UndeclaredProperties_AreCountedByModelAndName_EveryAnswer_AndLoggedOncePerClient()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        mock.When(HttpMethod.Get, DeviceUrl).Respond(HttpStatusCode.OK, "application/json", DriftingDevice());
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { LoggerFactory = logs });

        var device = await client.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);
        await client.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);

        // Nothing changes for the caller: the undeclared properties are still there to read.
        Assert.That(device.AdditionalProperties["riskScore"], Is.EqualTo(0.3));
        var drift = telemetry.Of("pingone.client.schema_drift");
        var counted = drift.GroupBy(m => (Model: (string)m.Tag("pingone.model")!, Property: (string)m.Tag("pingone.property")!))
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.That(counted, Is.EquivalentTo(new Dictionary<(string, string), double>
        {
            [("VoiceDevice", "riskScore")] = 2,
            [("VoiceDevice", "$ref")] = 2,
            [("VoiceDevice", "_OTHER")] = 2,
            [("DeviceLock", "reason")] = 2,
            [("DeviceBlock", "blockedBy")] = 2,
            [("DeviceLinks", "device.verify")] = 2,
        }));
        Assert.That(drift.Select(m => m.Tag("pingone.drift.kind")).Distinct(), Is.EqualTo(new[] { "undeclared" }));
        Assert.That(drift.SelectMany(m => m.Tags).Select(t => t.Key).Distinct(), Is.EquivalentTo(new[] { "pingone.model", "pingone.property", "pingone.drift.kind" }));

        var logged = logs.Lines.Where(line => line.StartsWith("Information: PingOne answered differently from the spec", StringComparison.Ordinal)).ToList();
        Assert.That(logged, Has.Count.EqualTo(6), string.Join("\n", logged));
        Assert.That(logged, Has.One.EqualTo("Information: PingOne answered differently from the spec: property reason of DeviceLock is not declared. Update openapi/pingone-mfa-devices.yaml and regenerate the client (logged once per client)"));
        Assert.That(string.Join("\n", logs.Lines), Does.Not.Contain("5125551111").And.Not.Contain("none").And.Not.Contain("admin"));

        // Another client logs them again: once per client, not once per process.
        var otherLogs = new ListLogger();
        var other = mock.CreateClient(new PingOneMfaClientOptions { LoggerFactory = otherLogs });
        await other.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);
        Assert.That(otherLogs.Lines.Count(line => line.StartsWith("Information: PingOne answered differently from the spec", StringComparison.Ordinal)), Is.EqualTo(6));
    }

    [Test]
    public void RequiredPropertyMissing_FailsAsBefore_AndIsCountedAsMissing()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var json = JObject.Parse(Seed.ResponseJson);
        json.Remove("id");
        mock.Expect(HttpMethod.Get, DeviceUrl).Respond(HttpStatusCode.OK, "application/json", json.ToString());
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { LoggerFactory = logs });

        var error = Assert.CatchAsync<PingOneException>(() => client.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId));

        Assert.That(error!.Kind, Is.EqualTo(PingOneFailureKind.InvalidResponse));
        var missing = telemetry.Of("pingone.client.schema_drift").Single();
        Assert.That(missing.Has(("pingone.model", "VoiceDevice"), ("pingone.property", "id"), ("pingone.drift.kind", "missing")), Is.True);
        Assert.That(logs.Lines, Has.One.EqualTo("Information: PingOne answered differently from the spec: property id of VoiceDevice is required but missing. Update openapi/pingone-mfa-devices.yaml and regenerate the client (logged once per client)"));
        Assert.That(telemetry.Single("PingOne get-device").GetTagItem("error.type"), Is.EqualTo("InvalidResponse"));
    }

    [Test]
    public async Task ListAnswer_NestedDrift_InTheCollectionAndItsDevices()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var list = JObject.Parse(RetryMockTests.DeviceList(RetryMockTests.Device("d1", "VOICE", "+15125551111", null, null)));
        list["_embedded"]!["devices"]![0]!["lastUsedAt"] = "2026-01-01T00:00:00Z";
        list["total"] = 1;
        mock.Expect(HttpMethod.Get, DevicesUrl).Respond(HttpStatusCode.OK, "application/json", list.ToString());
        var client = mock.CreateClient();

        await client.ListDevicesAsync(Seed.EnvironmentId, Seed.UserId);

        var names = telemetry.Of("pingone.client.schema_drift").Select(m => m.Tag("pingone.model") + "." + m.Tag("pingone.property"));
        Assert.That(names, Is.EquivalentTo(new[] { "DeviceCollection.total", "VoiceDevice.lastUsedAt" }));
    }

    [Test]
    public async Task AnswerAsTheSpecDeclaresIt_CountsNothing()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, DeviceUrl).Respond(HttpStatusCode.OK, "application/json", Seed.ResponseJson);
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { LoggerFactory = logs });

        await client.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);

        Assert.That(telemetry.Of("pingone.client.schema_drift"), Is.Empty);
        Assert.That(logs.Lines, Has.None.Contains("differently from the spec"));
    }

    [TestCase("riskScore", "riskScore")]
    [TestCase("devices.reorder", "devices.reorder")]
    [TestCase("$ref", "$ref")]
    [TestCase("+15125551111", "_OTHER")]
    [TestCase("phone5125551111", "_OTHER")]
    [TestCase("a b", "_OTHER")]
    [TestCase("", "_OTHER")]
    public void PropertyNames_ThatCouldHoldData_AreNeverQuoted(string name, string reported) =>
        Assert.That(SchemaDrift.SafeName(name), Is.EqualTo(reported));

    [Test]
    public async Task ManyDifferentNames_AreCappedPerClient()
    {
        using var telemetry = new TelemetryCapture();
        using var mock = new PingOneMock();
        var json = JObject.Parse(Seed.ResponseJson);
        for (var i = 0; i < SchemaDrift.MaxNamesPerClient + 50; i++) json["p" + i] = i;
        mock.Expect(HttpMethod.Get, DeviceUrl).Respond(HttpStatusCode.OK, "application/json", json.ToString());
        var logs = new ListLogger();
        var client = mock.CreateClient(new PingOneMfaClientOptions { LoggerFactory = logs });

        await client.GetDeviceAsync(Seed.EnvironmentId, Seed.UserId, Seed.DeviceId);

        var names = telemetry.Of("pingone.client.schema_drift").Select(m => (string)m.Tag("pingone.property")!).Distinct().ToList();
        Assert.That(names, Has.Count.EqualTo(SchemaDrift.MaxNamesPerClient + 1));
        Assert.That(names, Does.Contain("_OTHER"));
        Assert.That(logs.Lines.Count(line => line.StartsWith("Information: PingOne answered differently from the spec", StringComparison.Ordinal)), Is.EqualTo(SchemaDrift.MaxNamesPerClient + 1));
    }
}
