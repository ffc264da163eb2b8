namespace PingOne.Generated.Tests.Safety;

/// <summary>No id can change which resource a request addresses: anything but a UUID is refused before sending.</summary>
public class HostileIdMockTests
{
    private static readonly string[] HostileIds =
    {
        "..", ".", "", " ", "../..", "a/b", "%2e%2e", "%2E%2E%2F", "?x=1", "#frag", "..%2f", "\\..",
        "{" + Seed.DeviceId + "}", Seed.DeviceId + "/..", Seed.DeviceId + " ", " " + Seed.DeviceId, Seed.DeviceId + "/nickname",
        Seed.DeviceId.Replace('-', '/'), "35798a33-0ed0-442b-902d-b273218dff7", "35798a33-0ed0-442b-902d-b273218dff7bb",
        "35798a33-0ed0-442b-902d-b273218dff7g", "３５７９８ａ３３-0ed0-442b-902d-b273218dff7b", "35798a33_0ed0_442b_902d_b273218dff7b",
    };

    // Every public operation, with the name of each id parameter it takes.
    private static readonly (string Operation, string Parameter)[] IdParameters =
    {
        ("create", "environmentId"), ("create", "userId"),
        ("list", "environmentId"), ("list", "userId"),
        ("get", "environmentId"), ("get", "userId"), ("get", "deviceId"),
        ("delete", "environmentId"), ("delete", "userId"), ("delete", "deviceId"),
        ("rename", "environmentId"), ("rename", "userId"), ("rename", "deviceId"),
        ("activate", "environmentId"), ("activate", "userId"), ("activate", "deviceId"),
    };

    private static IEnumerable<TestCaseData> Cases() =>
        from target in IdParameters
        from id in HostileIds
        select new TestCaseData(target.Operation, target.Parameter, id).SetName($"{target.Operation}_{target.Parameter}_{Printable(id)}");

    [TestCaseSource(nameof(Cases))]
    public void AHostileId_IsRefusedNamingItsParameter_AndNothingIsSent(string operation, string parameter, string hostile)
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();
        string Id(string name) => name == parameter ? hostile : name switch { "environmentId" => Seed.EnvironmentId, "userId" => Seed.UserId, _ => Seed.DeviceId };

        var error = Assert.Catch<ArgumentException>(() => Call(client, operation, Id("environmentId"), Id("userId"), Id("deviceId")).GetAwaiter().GetResult());

        Assert.That(error!.ParamName, Is.EqualTo(parameter));
        Assert.That(error.Message, Does.Contain("must be a PingOne id: a UUID"));
        Assert.That(mock.Sent, Is.Empty);
    }

    [TestCaseSource(nameof(PolicyIds))]
    public void AHostilePolicyId_IsRefusedBeforeSending(string hostile)
    {
        using var mock = new PingOneMock();
        var client = mock.CreateClient();
        var request = Seed.Request();
        request.Policy = new DevicePolicyReference { Id = hostile };

        var error = Assert.CatchAsync<ArgumentException>(() => client.CreateVoiceDeviceAsync(Seed.EnvironmentId, Seed.UserId, request));

        Assert.That(error!.ParamName, Is.EqualTo("request"));
        Assert.That(error.Message, Does.StartWith("request.Policy.Id must be the id of a device authentication policy"));
        Assert.That(mock.Sent, Is.Empty);
    }

    [TestCase("ABFBA8F6-49EB-49F5-A5D9-80AD5C98F9F6")]
    [TestCase("abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6")]
    public async Task AUuidInEitherCase_IsSentAsGiven(string environmentId)
    {
        using var mock = new PingOneMock();
        mock.Expect(HttpMethod.Get, PingOneRegion.NorthAmerica.ApiBaseAddress + Seed.DevicesPath(environmentId)).Respond("application/json", Transport.RetryMockTests.DeviceList());
        var client = mock.CreateClient();

        await client.ListDevicesAsync(environmentId, Seed.UserId);

        mock.Handler.VerifyNoOutstandingExpectation();
    }

    private static IEnumerable<string> PolicyIds() => HostileIds;

    internal static Task Call(PingOneMfaClient client, string operation, string environmentId, string userId, string deviceId) => operation switch
    {
        "create" => client.CreateVoiceDeviceAsync(environmentId, userId, Seed.Request()),
        "list" => client.ListDevicesAsync(environmentId, userId),
        "get" => client.GetDeviceAsync(environmentId, userId, deviceId),
        "delete" => client.DeleteDeviceAsync(environmentId, userId, deviceId),
        "rename" => client.UpdateNicknameAsync(environmentId, userId, deviceId, "Desk"),
        "activate" => client.ActivateDeviceAsync(environmentId, userId, deviceId, "123456"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static string Printable(string id) =>
        id.Length == 0 ? "empty" : string.Concat(id.Select(c => char.IsLetterOrDigit(c) && c < 128 ? c.ToString() : $"x{(int)c:X}"));
}
