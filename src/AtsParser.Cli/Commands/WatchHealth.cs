using System.Text.Json;

namespace AtsParser.Cli.Commands;

/// <summary>
/// The health file of `ats watch`, rewritten atomically (temp file + rename) every few seconds. A supervisor or
/// container HEALTHCHECK treats a stale `updatedAt`, or status other than "ok", as unhealthy.
/// </summary>
public sealed class WatchHealth(string path)
{
    public string Status { get; set; } = "starting";
    public int Pending { get; set; }
    public int Uploaded { get; set; }
    public int Skipped { get; set; }
    public int Duplicates { get; set; }
    public int UploadFailures { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastUploadAt { get; set; }
    public DateTimeOffset? LastScanAt { get; set; }

    public string Path => path;

    public async Task WriteAsync(string directory, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new
        {
            status = Status, pid = Environment.ProcessId, directory, pending = Pending, uploaded = Uploaded, skipped = Skipped,
            duplicates = Duplicates, uploadFailures = UploadFailures, lastError = LastError, lastUploadAt = LastUploadAt,
            lastScanAt = LastScanAt, updatedAt = DateTimeOffset.UtcNow,
        }, new JsonSerializerOptions { WriteIndented = true });
        var tmp = path + ".tmp";
        await File.WriteAllTextAsync(tmp, body, ct);
        File.Move(tmp, path, overwrite: true);
    }
}
