namespace AtsParser.Core.Extraction;

/// <summary>
/// A per-call temporary directory (0700) under the instance's temp root (see <see cref="TempRoots"/>), always
/// deleted on dispose. Files the service writes into it are 0600: they hold personal data.
/// </summary>
public sealed class TempDir : IDisposable
{
    /// <summary>
    /// The process-wide root for code without options at hand (set to the instance's root at start-up).
    /// Extractors pass their host's root explicitly, so two hosts in one process (tests) never share one.
    /// </summary>
    public static string Root { get; set; } = TempRoots.NewRoot(System.IO.Path.GetTempPath());

    public string Path { get; }

    public TempDir(string purpose) : this(Root, purpose) { }

    public TempDir(string root, string purpose)
    {
        TempRoots.Ensure(root);
        Path = System.IO.Path.Combine(root, $"{purpose}-{Guid.NewGuid():N}");
        TempRoots.CreatePrivateDirectory(Path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file only this user can read (0600) and returns its path.</summary>
    public async Task<string> WriteFileAsync(string name, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var path = File(name);
        await using var file = CreatePrivateFile(path, FileMode.CreateNew, FileOptions.Asynchronous);
        await file.WriteAsync(bytes, ct);
        return path;
    }

    /// <summary>A new file with mode 0600 from the start (never readable by others, not even briefly).</summary>
    public static FileStream CreatePrivateFile(string path, FileMode mode, FileOptions options, FileAccess access = FileAccess.Write)
    {
        var o = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None, BufferSize = 81920, Options = options };
        if (!OperatingSystem.IsWindows()) o.UnixCreateMode = TempRoots.PrivateFile;
        return new FileStream(path, o);
    }

    public void Dispose()
    {
        for (int i = 0; i < 3; i++)
        {
            try { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); return; }
            catch (IOException) { Thread.Sleep(50); }
            catch (UnauthorizedAccessException) { Thread.Sleep(50); }
        }
    }
}
