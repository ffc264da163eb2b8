using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PingOne.Generated.LowestDependencies.Tests;

/// <summary>
/// This project is only worth its name if the assemblies loaded are the lowest supported ones: a package added
/// later that lifts one of them (transitively) must fail here, not silently turn the leak tests into 9.x tests.
/// </summary>
public class VersionsTests
{
    private static readonly object[] Pinned =
    {
        // The library's floors.
        new object[] { typeof(IHttpClientFactory), "Microsoft.Extensions.Http", "8.0.1" },
        new object[] { typeof(OptionsConfigurationServiceCollectionExtensions), "Microsoft.Extensions.Options.ConfigurationExtensions", "8.0.0" },
        new object[] { typeof(ILogger), "Microsoft.Extensions.Logging.Abstractions", "8.0.2" },
        // The test host.
        new object[] { typeof(ServiceProvider), "Microsoft.Extensions.DependencyInjection", "8.0.1" },
        new object[] { typeof(LoggerFactory), "Microsoft.Extensions.Logging", "8.0.1" },
        new object[] { typeof(ConfigurationBuilder), "Microsoft.Extensions.Configuration", "8.0.0" },
        new object[] { typeof(ConfigurationBinder), "Microsoft.Extensions.Configuration.Binder", "8.0.2" },
    };

    [TestCaseSource(nameof(Pinned))]
    public void TheLoadedAssembly_IsFromTheLowestSupportedPackage(Type type, string name, string packageVersion)
    {
        var assembly = type.Assembly;
        var loaded = $"{assembly.GetName().Name} {assembly.GetName().Version} ({assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}) from {assembly.Location}";

        Assert.That(assembly.GetName().Name, Is.EqualTo(name));
        Assert.That(assembly.GetName().Version!.Major, Is.EqualTo(8), loaded);
        // The assembly version is 8.0.0.0 across all of 8.0.x: the package is told by the deps file, and the
        // file loaded is that package's (same file version).
        var (package, fileVersion) = PackageOf(name + ".dll");
        Assert.That(package, Is.EqualTo($"{name}/{packageVersion}"), loaded);
        Assert.That(FileVersionInfo.GetVersionInfo(assembly.Location).FileVersion, Is.EqualTo(fileVersion), loaded);
    }

    // The library (package/version) whose runtime assets include fileName, and that asset's file version, from this test's deps file.
    private static (string Package, string? FileVersion) PackageOf(string fileName)
    {
        var depsFile = Path.Combine(AppContext.BaseDirectory, typeof(VersionsTests).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var found = new List<(string, string?)>();
        foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
        foreach (var library in target.Value.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("runtime", out var runtime)) continue;
            foreach (var asset in runtime.EnumerateObject())
            {
                if (Path.GetFileName(asset.Name) == fileName)
                    found.Add((library.Name, asset.Value.TryGetProperty("fileVersion", out var version) ? version.GetString() : null));
            }
        }
        Assert.That(found, Has.Count.EqualTo(1), $"{fileName} in {depsFile}");
        return found[0];
    }
}
