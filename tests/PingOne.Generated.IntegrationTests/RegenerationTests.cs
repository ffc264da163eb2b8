namespace PingOne.Generated.IntegrationTests;

/// <summary>
/// Build-time generation, proven on a temporary copy of the repository: a no-change rebuild does not run
/// NSwag, and a property added to the spec reaches the generated model once the public API files
/// acknowledge it.
/// </summary>
[Category("Regeneration")]
[NonParallelizable]
public class RegenerationTests
{
    private const string Framework = "net10.0";
    private string _copy = null!;

    [OneTimeSetUp]
    public void CopyTheRepository()
    {
        var root = RepositoryRoot.Path;
        _copy = Directory.CreateTempSubdirectory("pingone-regeneration-").FullName;
        foreach (var file in new[] { "nswag.json", "global.json", "Directory.Build.props", "Directory.Packages.props" })
            File.Copy(Path.Combine(root, file), Path.Combine(_copy, file));
        Directory.CreateDirectory(Path.Combine(_copy, "src"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets" })
            File.Copy(Path.Combine(root, "src", file), Path.Combine(_copy, "src", file));
        foreach (var folder in new[] { "openapi", "build", Path.Combine("src", "PingOne.Generated") })
            CopyFolder(Path.Combine(root, folder), Path.Combine(_copy, folder));
        File.Copy(Path.Combine(root, "README.md"), Path.Combine(_copy, "README.md"));
    }

    [Test, Order(3)]
    public void PublicMemberRemovedFromTheSpec_FailsTheBuild_SayingWhyAndWhatToDo()
    {
        var spec = Path.Combine(_copy, "openapi", "pingone-mfa-devices.yaml");
        const string nickname = "        nickname:\n          type: string\n          nullable: true\n          description: A name the user sees for the device.\n";
        Assert.That(File.ReadAllText(spec), Does.Contain(nickname), "the VoiceDevice schema changed; update this test's anchor");
        File.WriteAllText(spec, File.ReadAllText(spec).Replace(nickname, "", StringComparison.Ordinal));

        var removed = Build();

        Assert.That(removed.ExitCode, Is.Not.Zero, "removing a public member must fail the build");
        Assert.That(removed.Output, Does.Contain("RS0017").And.Contain("VoiceDevice.Nickname"));
        Assert.That(removed.Output, Does.Contain("error PINGONEAPI2").And.Contain("code compiled against the old package breaks")
            .And.Contain("raise the major version"));
    }

    [OneTimeTearDown]
    public void DeleteTheCopy() => Directory.Delete(_copy, recursive: true);

    [Test, Order(1)]
    public void NoChangeRebuild_DoesNotRunNSwag()
    {
        var first = Build();
        var second = Build();

        Assert.That(first.ExitCode, Is.Zero, first.Output);
        Assert.That(first.Output, Does.Contain("NSwag: generating"));
        Assert.That(second.ExitCode, Is.Zero, second.Output);
        Assert.That(second.Output, Does.Not.Contain("NSwag: generating"));
        Assert.That(second.Output, Does.Contain("Skipping target \"GeneratePingOneClient\" because all output files are up-to-date"));
    }

    [Test, Order(2)]
    public void OptionalPropertyAddedToTheSpec_FailsThePublicApiGuard_ThenAppearsOnTheModelOnceAcknowledged()
    {
        var spec = Path.Combine(_copy, "openapi", "pingone-mfa-devices.yaml");
        var text = File.ReadAllText(spec);
        const string anchor = "        nickname:\n          type: string\n          nullable: true\n          description: A name the user sees for the device.\n";
        Assert.That(text, Does.Contain(anchor), "the VoiceDevice schema changed; update this test's anchor");
        File.WriteAllText(spec, text.Replace(anchor, anchor + "        deliveryHint:\n          type: string\n          nullable: true\n          description: Added by the regeneration test.\n", StringComparison.Ordinal));

        var guarded = Build();
        Assert.That(guarded.Output, Does.Contain("NSwag: generating"), "editing the spec must regenerate");
        Assert.That(guarded.ExitCode, Is.Not.Zero, "a public API change must fail the build until acknowledged");
        Assert.That(guarded.Output, Does.Contain("RS0016").And.Contain("DeliveryHint"));
        Assert.That(guarded.Output, Does.Contain("error PINGONEAPI1").And.Contain("python3 build/update-public-api.py src/PingOne.Generated -c Debug"),
            "the failure must print the one command that acknowledges it");

        File.AppendAllText(Path.Combine(_copy, "src", "PingOne.Generated", "PublicAPI.Unshipped.txt"),
            "PingOne.Generated.VoiceDevice.DeliveryHint.get -> string?\nPingOne.Generated.VoiceDevice.DeliveryHint.set -> void\n");
        var acknowledged = Build();

        Assert.That(acknowledged.ExitCode, Is.Zero, acknowledged.Output);
        var generated = File.ReadAllText(Path.Combine(_copy, "src", "PingOne.Generated", "obj", "Debug", Framework, "PingOneMfaRestClient.g.cs"));
        Assert.That(generated, Does.Contain("[Newtonsoft.Json.JsonProperty(\"deliveryHint\", Required = Newtonsoft.Json.Required.Default, NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore)]"));
        Assert.That(generated, Does.Contain("public string? DeliveryHint { get; set; }"));
    }

    private (int ExitCode, string Output) Build() =>
        Command.Run(_copy, "dotnet", "build", "src/PingOne.Generated/PingOne.Generated.csproj", "-f", Framework, "-v:n", "-nologo");

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules")) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
