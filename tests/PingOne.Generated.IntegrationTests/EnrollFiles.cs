using System.Globalization;

namespace PingOne.Generated.IntegrationTests;

/// <summary>What the enrollment tests read of the files a run writes: its results file, and a journal as it grows.</summary>
internal static class EnrollFiles
{
    /// <summary>The rows of <c>&lt;csv&gt;.results.csv</c>, each by column name.</summary>
    public static List<Dictionary<string, string>> ReadResults(string csv) => ReadResultsFile(csv + ".results.csv");

    /// <summary>The rows of a results file, each by column name.</summary>
    public static List<Dictionary<string, string>> ReadResultsFile(string path)
    {
        using var reader = new StreamReader(path);
        using var parser = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        parser.Read();
        parser.ReadHeader();
        while (parser.Read()) rows.Add(parser.HeaderRecord!.ToDictionary(column => column, column => parser.GetField(column)!));
        return rows;
    }

    /// <summary>Waits (up to 30 s) until the file another process or task is writing has more than <paramref name="lines"/> lines.</summary>
    public static async Task WaitForLinesAsync(string path, int lines)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                if ((await reader.ReadToEndAsync()).Split('\n').Length > lines) return;
            }
            await Task.Delay(25);
        }
        Assert.Fail($"{path} never reached {lines} lines");
    }
}
