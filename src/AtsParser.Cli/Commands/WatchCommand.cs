using System.CommandLine;

namespace AtsParser.Cli.Commands;

public static class WatchCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("directory") { Description = "The folder to watch (recursively)" };
        var state = new Option<string?>("--state-dir") { Description = "Sync history and health.json (default: <directory>/.ats)" };
        var stable = new Option<double>("--stable-seconds") { Description = "Upload a file once its size and mtime held still this long", DefaultValueFactory = _ => 3 };
        var maxSize = new Option<long>("--max-size") { Description = "Skip larger files (bytes; match the server's MAX_FILE_SIZE)", DefaultValueFactory = _ => 10L * 1024 * 1024 };
        var rate = new Option<int>("--per-minute") { Description = "At most this many files uploaded per minute", DefaultValueFactory = _ => 60 };
        var rescan = new Option<double>("--rescan-seconds") { Description = "Full rescan interval (the watcher can drop events)", DefaultValueFactory = _ => 30 };
        var store = new Option<bool>("--store") { Description = "Ask the server to store the parsed resumes (store=true)" };
        var webhook = new Option<string?>("--webhook-url") { Description = "Passed to each job: the server calls it, signed, when the job completes" };

        var command = new Command("watch", "Upload resumes dropped into a folder, once each (SHA-256 dedupe across restarts). Stops cleanly on SIGTERM/Ctrl+C.")
        {
            dir, ParseCommand.Server, ParseCommand.ApiKey, state, stable, maxSize, rate, rescan, store, webhook,
        };
        command.SetAction(async (r, ct) =>
        {
            var fields = new Dictionary<string, string>();
            if (r.GetValue(store)) fields["store"] = "true";
            if (r.GetValue(webhook) is { } url) fields["webhookUrl"] = url;
            var directory = r.GetValue(dir)!;
            var settings = new WatchSettings(directory, r.GetValue(ParseCommand.Server)!, r.GetValue(ParseCommand.ApiKey),
                r.GetValue(state) ?? Path.Combine(directory, ".ats"), r.GetValue(stable), r.GetValue(maxSize), r.GetValue(rate),
                RescanSeconds: r.GetValue(rescan), JobFields: fields);
            return await new WatchRun(settings, Console.Error).RunAsync(ct);
        });
        return command;
    }
}
