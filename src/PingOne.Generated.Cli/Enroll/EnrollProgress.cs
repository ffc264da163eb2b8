using System.Globalization;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>
/// Progress on stderr: a bar on an interactive terminal, plain periodic lines anywhere else (logs, CI, pipes), or
/// <c>{"progress":…}</c> lines with <c>--output json</c>. Rate and ETA count this run's work only: rows kept from the
/// journal, invalid rows and duplicates end at once and would make a resumed run look faster than it is.
/// </summary>
internal static class EnrollProgress
{
    public static async Task<T> TrackAsync<T>(Enrollment enrollment, int total, CliContext cli, Func<Task<T>> run)
    {
        var interactive = !cli.JsonOutput && ReferenceEquals(cli.Error, Console.Error) && !Console.IsErrorRedirected;
        if (interactive)
        {
            // Spectre hides the cursor while the bar runs and shows it again when StartAsync returns, which it does on
            // Ctrl+C too: the first signal stops the run, it does not end the process.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            return await console.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask("enroll", maxValue: total);
                    var work = run();
                    while (!work.IsCompleted)
                    {
                        bar.Value = enrollment.Done;
                        bar.Description = Line(enrollment, total);
                        await Task.WhenAny(work, Task.Delay(200, CancellationToken.None)).ConfigureAwait(false);
                    }
                    bar.Value = enrollment.Done;
                    bar.Description = Line(enrollment, total);
                    return await work.ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        var task = run();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
            if (task.IsCompleted) break;
            if (cli.JsonOutput) await cli.Error.WriteLineAsync(Json(enrollment, total).ToString(Newtonsoft.Json.Formatting.None)).ConfigureAwait(false);
            else await cli.NoteAsync("enroll: " + Line(enrollment, total)).ConfigureAwait(false);
        }
        return await task.ConfigureAwait(false);
    }

    // The statuses seen so far; those not seen yet are left out.
    private static string Counts(Enrollment enrollment) => RowStatus.Tally(RowStatus.Outcomes.Where(status => enrollment.Count(status) > 0), enrollment.Count);

    /// <summary>Rows per second and time left, from the rows this run ended itself.</summary>
    internal static (double Rate, TimeSpan? Eta) Pace(int doneThisRun, int left, TimeSpan elapsed)
    {
        var rate = doneThisRun / Math.Max(elapsed.TotalSeconds, 0.001);
        return (rate, rate > 0 ? TimeSpan.FromSeconds(left / rate) : null);
    }

    private static string Line(Enrollment enrollment, int total)
    {
        var done = enrollment.Done;
        var (rate, eta) = Pace(enrollment.DoneThisRun, total - done, enrollment.Elapsed);
        return string.Create(CultureInfo.InvariantCulture,
            $"{done}/{total} rows ({Counts(enrollment)}), {rate:F1} rows/s, ETA {(eta is { } left ? left.ToString("hh\\:mm\\:ss", CultureInfo.InvariantCulture) : "unknown")}");
    }

    private static JObject Json(Enrollment enrollment, int total)
    {
        var (rate, eta) = Pace(enrollment.DoneThisRun, total - enrollment.Done, enrollment.Elapsed);
        var counts = new JObject();
        foreach (var status in RowStatus.Outcomes) counts[status] = enrollment.Count(status);
        return new JObject
        {
            ["progress"] = new JObject
            {
                ["done"] = enrollment.Done, ["total"] = total, ["counts"] = counts,
                ["rowsPerSecond"] = Math.Round(rate, 1), ["etaSeconds"] = eta is { } left ? Math.Round(left.TotalSeconds) : (double?)null,
            },
        };
    }
}
