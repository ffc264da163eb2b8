using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace PingOne.Generated.Tests;

/// <summary>
/// Each shipped assembly is tested on the runtime it is for: these sources also run on a real .NET 8 runtime
/// (PingOne.Generated.Tests.Net8, self-contained) and, in part, on Mono (PingOne.Generated.Tests.NetFramework, net48),
/// and this says which runtime ran them and which build of the library was loaded.
/// </summary>
public class RuntimeTests
{
    [Test]
    public void RunsOnTheRuntimeItWasBuiltFor_AgainstTheLibraryBuiltForIt()
    {
        var library = typeof(PingOneMfaClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        TestContext.Out.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}; PingOne.Generated built for {library}");
#if NET10_0
        Assert.That(RuntimeInformation.FrameworkDescription, Does.StartWith(".NET 10."));
        Assert.That(library, Is.EqualTo(".NETCoreApp,Version=v10.0"));
#elif NET8_0
        Assert.That(RuntimeInformation.FrameworkDescription, Does.StartWith(".NET 8."));
        Assert.That(library, Is.EqualTo(".NETCoreApp,Version=v8.0"));
#elif NETFRAMEWORK
        Assert.That(RuntimeInformation.FrameworkDescription, Does.StartWith("Mono ").Or.StartWith(".NET Framework 4.8"));
        Assert.That(library, Is.EqualTo(".NETStandard,Version=v2.0"));
#else
        Assert.Fail("a target framework this test does not know");
#endif
    }
}
