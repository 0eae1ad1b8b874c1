using AtsParser.Cli.Client;

namespace AtsParser.Cli.Commands;

public sealed record ParseSettings(IReadOnlyList<string> Inputs, string Server, string? ApiKey, string Out, string? Format,
    int BatchSize = 100, int JobsInFlight = 2, int Retries = 5, double PollSeconds = 1);

public static class ExitCodes
{
    public const int Success = 0, Error = 1, PartialFailure = 2, Unreachable = 3, Interrupted = 130;
}

/// <summary>
/// `ats parse`: hash the inputs, skip what the state file says is done, re-attach to jobs submitted by an
/// interrupted run, upload the rest in batches through the jobs API, and write each job's results when it
/// finishes. Keeps JobsInFlight jobs on the server so its queue never runs dry between batches.
/// </summary>
public static class ParseRun
{
    sealed class Tracked(Guid id, Dictionary<int, InputFile> files)
    {
        public Guid Id { get; } = id;
        public Dictionary<int, InputFile> Files { get; } = files;
        public JobCounts? Counts { get; set; }
    }

    public static async Task<int> RunAsync(ParseSettings s, CancellationToken ct)
    {
        var (format, isDir) = ParseOutput.Resolve(s.Out, s.Format);
        var files = new List<InputFile>();
        foreach (var (path, rel) in InputFiles.Expand(s.Inputs))
            files.Add(new InputFile(path, rel, new FileInfo(path).Length, await InputFiles.Sha256Async(path, ct)));
        if (files.Count == 0) { ParseProgress.Note("No supported files found."); return ExitCodes.Error; }

        Directory.CreateDirectory(isDir ? s.Out : Path.GetDirectoryName(Path.GetFullPath(s.Out))!);
        await using var state = await ParseState.OpenAsync(ParseOutput.StatePath(s.Out, isDir), ct);
        await using var output = await ParseOutput.OpenAsync(s.Out, format, isDir, ct);
        using var client = new JobsClient(s.Server, s.ApiKey);
        var retry = new Retrying(s.Retries, TimeSpan.FromSeconds(1), ParseProgress.Note);

        var unique = files.GroupBy(f => f.Sha256).Select(g => g.First()).ToList();
        if (unique.Count < files.Count) ParseProgress.Note($"{files.Count - unique.Count} files have the same content as another input and are sent once.");
        var todo = unique.Where(f => !state.Done.ContainsKey(f.Sha256)).ToDictionary(f => f.Sha256);
        if (todo.Count < unique.Count) ParseProgress.Note($"{unique.Count - todo.Count} files are already done (state file {state.Path}); skipping them.");

        try
        {
            await retry.RunAsync(client.CheckAsync, ct);
            var tracked = new List<Tracked>();
            foreach (var (job, entries) in state.PendingJobs)
            {
                var mine = entries.Where(e => todo.ContainsKey(e.Sha256)).ToDictionary(e => e.Index, e => todo[e.Sha256]);
                if (mine.Count > 0) tracked.Add(new Tracked(job, mine));
            }
            var attached = tracked.SelectMany(t => t.Files.Values).Select(f => f.Sha256).ToHashSet();
            var resend = new Queue<(string Key, List<InputFile> Files)>();
            foreach (var (key, entries) in state.Unconfirmed)
            {
                // Re-sent exactly as first sent (same files, same order, same key), or not at all.
                var again = entries.Select(e => todo.GetValueOrDefault(e.Sha256)).ToList();
                if (again.Count == 0 || again.Any(f => f is null || attached.Contains(f.Sha256))) continue;
                var sent = again.OfType<InputFile>().ToList();
                resend.Enqueue((key, sent));
                foreach (var f in sent) attached.Add(f.Sha256);
            }
            if (attached.Count > 0) ParseProgress.Note($"Resuming {tracked.Count + resend.Count} batches sent earlier ({attached.Count} files); their files are not uploaded again.");
            var uploads = new Queue<InputFile>(todo.Values.Where(f => !attached.Contains(f.Sha256)));

            await ParseProgress.RunAsync(todo.Count, async progress =>
            {
                int succeeded = 0, failed = 0;
                while (tracked.Count > 0 || uploads.Count > 0)
                {
                    while (tracked.Count < s.JobsInFlight && (resend.Count > 0 || uploads.Count > 0))
                    {
                        var (key, batch) = resend.Count > 0 ? resend.Dequeue() : (Guid.NewGuid().ToString("N"), Take(uploads, s.BatchSize));
                        var entries = batch.Select((f, i) => new ParseState.FileEntry(i, f.Sha256, f.Path)).ToList();
                        await state.RecordSubmitAsync(key, entries, ct);
                        var accepted = await retry.RunAsync(t => client.SubmitAsync(batch.Select(b => b.Path).ToList(), key, t), ct);
                        await state.RecordJobAsync(accepted.Id, key, entries, ct);
                        tracked.Add(new Tracked(accepted.Id, batch.Select((f, i) => (f, i)).ToDictionary(x => x.i, x => x.f)));
                        progress.AddUploaded(batch.Count);
                    }
                    foreach (var job in tracked.ToList())
                    {
                        var status = await retry.RunAsync(t => client.GetAsync(job.Id, t), ct);
                        if (status is null)
                        {
                            // The server no longer knows the job (purged, or another server): send its files again.
                            ParseProgress.Note($"Job {job.Id} is unknown to the server; uploading its files again.");
                            foreach (var f in job.Files.Values) uploads.Enqueue(f);
                            tracked.Remove(job);
                            continue;
                        }
                        job.Counts = status.Counts;
                        if (status.Status is not ("completed" or "cancelled")) continue;
                        var (ok, bad) = await WriteResultsAsync(client, retry, job, output, state, ct);
                        (succeeded, failed) = (succeeded + ok, failed + bad + (job.Files.Count - ok - bad));
                        tracked.Remove(job);
                    }
                    progress.Set(succeeded + tracked.Sum(t => t.Counts?.Succeeded ?? 0),
                        failed + tracked.Sum(t => (t.Counts?.Failed ?? 0) + (t.Counts?.DeadLettered ?? 0)));
                    if (tracked.Count > 0) await Task.Delay(TimeSpan.FromSeconds(s.PollSeconds), ct);
                }
                return 0;
            });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            ParseProgress.Note("Interrupted. Run the same command again to resume: finished files are skipped and submitted jobs are re-attached.");
            return ExitCodes.Interrupted;
        }
        catch (ServerUnreachableException e)
        {
            ParseProgress.Note($"Server unreachable: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (ApiException e)
        {
            ParseProgress.Note($"The server refused the request: {e.Message}");
            return ExitCodes.Error;
        }
        var notOk = unique.Count(f => !state.Done.TryGetValue(f.Sha256, out var st) || st != "succeeded");
        ParseProgress.Note(notOk == 0 ? $"All {unique.Count} files parsed; results in {s.Out}." : $"{notOk} of {unique.Count} files did not parse; see the errors in {s.Out}.");
        return notOk == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    /// <summary>Writes every finished file of a completed job; dead-lettered ones are written but left undone, so a re-run retries them.</summary>
    static async Task<(int Ok, int Failed)> WriteResultsAsync(JobsClient client, Retrying retry, Tracked job, ParseOutput output, ParseState state, CancellationToken ct)
    {
        int ok = 0, failed = 0, after = -1;
        while (true)
        {
            var page = await retry.RunAsync(t => client.GetResultsAsync(job.Id, after, t), ct);
            foreach (var r in page.Items)
            {
                if (!job.Files.TryGetValue(r.Index, out var file)) continue;
                await output.WriteAsync(new OutputEntry(file.Path, file.RelativeName, file.Sha256, r.Status, r.Result, r.Error), ct);
                if (r.Status == "succeeded") ok++; else failed++;
                if (r.Status is "succeeded" or "failed") await state.RecordDoneAsync(job.Id, file.Sha256, r.Status, ct);
            }
            if (page.Next is not { } next) return (ok, failed);
            after = next;
        }
    }

    static List<InputFile> Take(Queue<InputFile> queue, int n)
    {
        var batch = new List<InputFile>();
        while (batch.Count < n && queue.TryDequeue(out var f)) batch.Add(f);
        return batch;
    }
}
