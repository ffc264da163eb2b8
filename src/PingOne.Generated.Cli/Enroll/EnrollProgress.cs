using System.Globalization;
using Spectre.Console;

namespace PingOne.Generated.Cli.Enroll;

/// <summary>A progress bar on an interactive terminal; plain periodic lines anywhere else (logs, CI, pipes).</summary>
internal static class EnrollProgress
{
    /// <param name="total">Rows to do; <see langword="null"/> when unknown (users streamed from the directory).</param>
    public static async Task<T> TrackAsync<T>(Enrollment enrollment, int? total, bool interactive, TextWriter output, Func<Task<T>> run)
    {
        if (interactive)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask("enroll", maxValue: total ?? 1);
                    bar.IsIndeterminate = total is null;
                    var work = run();
                    while (!work.IsCompleted)
                    {
                        if (total is not null) bar.Value = enrollment.Done;
                        bar.Description = string.Create(CultureInfo.InvariantCulture, $"{enrollment.Done}{(total is null ? string.Empty : "/" + total)} {Counts(enrollment)}");
                        await Task.WhenAny(work, Task.Delay(200, CancellationToken.None)).ConfigureAwait(false);
                    }
                    if (total is not null) bar.Value = enrollment.Done;
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

    // The statuses seen so far; those not seen yet are left out.
    private static string Counts(Enrollment enrollment) => RowStatus.Tally(RowStatus.Outcomes.Union(RowStatus.DirectoryOutcomes).Where(status => enrollment.Count(status) > 0), enrollment.Count);

    private static string Line(Enrollment enrollment, int? total)
    {
        var done = enrollment.Done;
        var rate = done / Math.Max(enrollment.Elapsed.TotalSeconds, 0.001);
        if (total is null) return string.Create(CultureInfo.InvariantCulture, $"{done} users ({Counts(enrollment)}), {rate:F1} users/s");
        var eta = rate > 0 ? TimeSpan.FromSeconds((total.Value - done) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture, $"{done}/{total} rows ({Counts(enrollment)}), {rate:F1} rows/s, ETA {eta:hh\\:mm\\:ss}");
    }
}
