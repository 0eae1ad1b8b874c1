using System.Collections.Concurrent;
using System.Net;
using AtsParser.Core.Parsing;

namespace AtsParser.IntegrationTests.Jobs;

/// <summary>
/// A double for the pipeline's parse step (the seam DocumentPipeline already has). Everything around it is real:
/// upload, extraction, queue, database. Documents say what to do in their text: "FAIL-503 x2" fails twice with a
/// 503 and then succeeds, "FAIL-429 always" never succeeds, "BLOCK" hangs ignoring cancellation (a stuck or
/// crashed worker), anything else parses after Delay.
/// </summary>
public sealed class ScriptedParser : IResumeParser
{
    readonly ConcurrentDictionary<string, int> _calls = new();
    readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _blocked;

    public string Mode => "scripted";
    public TimeSpan Delay { get; init; }
    public bool BlockEverything { get; init; }
    /// <summary>Calls after this many hang (a replica that dies mid-job); 0 means never.</summary>
    public int BlockAfter { get; init; }
    readonly ConcurrentDictionary<string, byte> _healed = new();

    /// <summary>The "dependency" is healthy again for documents carrying this marker.</summary>
    public void Heal(string marker) => _healed[marker] = 0;

    public int Blocked => _blocked;
    public int Calls(string marker) => _calls.Where(kv => kv.Key.Contains(marker, StringComparison.Ordinal)).Sum(kv => kv.Value);
    public int TotalCalls => _calls.Values.Sum();

    /// <summary>Lets every hung call return (the zombie case: a replica that was presumed dead wakes up).</summary>
    public void Release() => _release.TrySetResult();

    public async Task<Resume> ParseAsync(ParseInput input, CancellationToken ct)
    {
        var key = input.Text.Trim();
        var n = _calls.AddOrUpdate(key, 1, (_, c) => c + 1);
        if (BlockEverything || (BlockAfter > 0 && TotalCalls > BlockAfter) || key.Contains("BLOCK", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _blocked);
            await _release.Task; // deliberately deaf to ct
        }
        var healed = _healed.Keys.Any(m => key.Contains(m, StringComparison.Ordinal));
        if (!healed && key.Contains("FAIL-503 x2", StringComparison.Ordinal) && n <= 2)
            throw new HttpRequestException("upstream 503", null, HttpStatusCode.ServiceUnavailable);
        if (!healed && key.Contains("FAIL-429 always", StringComparison.Ordinal))
            throw new HttpRequestException("rate limited", null, HttpStatusCode.TooManyRequests);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ct);
        return new Resume { Summary = "scripted" };
    }
}

public static class TestDocs
{
    /// <summary>A plain-text resume long enough to extract, unique per (marker, n) so no two share a hash or cache entry.</summary>
    public static (string Name, byte[] Bytes) Text(string marker, int n, string? tag = null) =>
        ($"{marker.Replace(' ', '_')}-{n}.txt", System.Text.Encoding.UTF8.GetBytes(
            $"{marker} {tag ?? Guid.NewGuid().ToString("N")} candidate {n}\nJane Doe, Accountant, jane{n}@example.com\nExperience: Ledger Corp 2019-2024\n"));
}
