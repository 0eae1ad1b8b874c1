using System.Diagnostics;
using Spectre.Console;

namespace AtsParser.Cli.Commands;

/// <summary>
/// Progress of a parse run: a Spectre.Console bar (files, rate, ETA, failures) on a terminal, or a plain line
/// every few seconds when output is redirected (CI logs, systemd journal).
/// </summary>
public sealed class ParseProgress
{
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly int _total;
    ProgressTask? _bar;
    TimeSpan _lastLine;

    public int Succeeded { get; private set; }
    public int Failed { get; private set; }
    public int Uploaded { get; private set; }

    ParseProgress(int total) => _total = total;

    public static async Task<T> RunAsync<T>(int total, Func<ParseProgress, Task<T>> work)
    {
        var p = new ParseProgress(total);
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            var result = await work(p);
            p.PrintLine(force: true);
            return result;
        }
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                p._bar = ctx.AddTask(p.Describe(), maxValue: Math.Max(total, 1));
                var result = await work(p);
                p._bar.Value = p._bar.MaxValue;
                p._bar.StopTask();
                return result;
            });
    }

    public void AddUploaded(int n) { Uploaded += n; Refresh(); }

    /// <summary>Called with the running totals of the jobs being watched, so a file counts once however often it is polled.</summary>
    public void Set(int succeeded, int failed)
    {
        (Succeeded, Failed) = (succeeded, failed);
        Refresh();
    }

    public static void Note(string message)
    {
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected) AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]");
        else Console.Error.WriteLine(message);
    }

    void Refresh()
    {
        if (_bar is not null) { _bar.Description = Describe(); _bar.Value = Succeeded + Failed; }
        else PrintLine(force: false);
    }

    double Rate => (Succeeded + Failed) / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);

    string Describe() =>
        $"{Succeeded + Failed}/{_total} files · [green]{Succeeded} ok[/] · [red]{Failed} failed[/] · {Uploaded} uploaded · {Rate:0.0}/s";

    void PrintLine(bool force)
    {
        if (!force && _clock.Elapsed - _lastLine < TimeSpan.FromSeconds(5)) return;
        _lastLine = _clock.Elapsed;
        var remaining = _total - Succeeded - Failed;
        var eta = Rate > 0 ? TimeSpan.FromSeconds(remaining / Rate).ToString(@"hh\:mm\:ss") : "--:--:--";
        Console.Error.WriteLine($"{Succeeded + Failed}/{_total} files, {Succeeded} ok, {Failed} failed, {Uploaded} uploaded, {Rate:0.0} files/s, ETA {eta}");
    }
}
