using System.Diagnostics.CodeAnalysis;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS) for <see cref="PingOne.Generated.IntegrationTests.OtlpExportTests"/>: in the process it
/// is loaded into, writes the simple names of all loaded assemblies to the file <see cref="ListVariable"/> names, at exit.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook in no namespace.")]
internal static class StartupHook
{
    public const string ListVariable = "PINGONE_TEST_LOADED_ASSEMBLIES";

    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(ListVariable) is not { Length: > 0 } path) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty));
    }
}
