using System.Globalization;
using Spectre.Console;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>A progress bar on an interactive terminal; plain periodic lines anywhere else (logs, CI, pipes).</summary>
internal static class EnrollProgress
{
    public static async Task<T> TrackAsync<T>(Enrollment enrollment, int total, bool interactive, TextWriter output, Func<Task<T>> run, CancellationToken cancellationToken)
    {
        if (interactive)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask("enroll", maxValue: total);
                    var work = run();
                    while (!work.IsCompleted)
                    {
                        bar.Value = enrollment.Done;
                        bar.Description = ShortLine(enrollment, total);
                        await Task.WhenAny(work, Task.Delay(200, CancellationToken.None)).ConfigureAwait(false);
                    }
                    bar.Value = enrollment.Done;
                    return await work.ConfigureAwait(false);
                }).ConfigureAwait(false);
        }

        var task = run();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false);
            if (!task.IsCompleted) await output.WriteLineAsync("enroll: " + Line(enrollment, total)).ConfigureAwait(false);
        }
        return await task.ConfigureAwait(false);
    }

    // The bar, percentage and remaining time are columns of their own; the description keeps the counts short enough for 80 columns.
    private static string ShortLine(Enrollment enrollment, int total) => string.Create(CultureInfo.InvariantCulture,
        $"{enrollment.Done}/{total} +{enrollment.Count(RowStatus.Created)} ={enrollment.Count(RowStatus.Exists)} !{enrollment.Count(RowStatus.Invalid) + enrollment.Count(RowStatus.Failed)} {enrollment.Done / Math.Max(enrollment.Elapsed.TotalSeconds, 0.001):F0}/s");

    private static string Line(Enrollment enrollment, int total)
    {
        var done = enrollment.Done;
        var rate = done / Math.Max(enrollment.Elapsed.TotalSeconds, 0.001);
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"{done}/{total} rows (created {enrollment.Count(RowStatus.Created)}, existing {enrollment.Count(RowStatus.Exists)}, invalid {enrollment.Count(RowStatus.Invalid)}, failed {enrollment.Count(RowStatus.Failed)}), {rate:F1} rows/s, ETA {eta:hh\\:mm\\:ss}");
    }
}
