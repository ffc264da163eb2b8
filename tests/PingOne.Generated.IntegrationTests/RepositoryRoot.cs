namespace PingOne.Generated.IntegrationTests;

/// <summary>The checkout the tests run from, found by walking up from the test binaries to the solution file.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PingOne.Generated.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root was not found above the test directory.");
    }
}
