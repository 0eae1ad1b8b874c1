namespace AtsParser.Core.Extraction;

/// <summary>A per-call temporary directory under the service's temp root, always deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public static string DefaultRoot { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "atsparser");

    /// <summary>
    /// The process-wide root for code without options at hand (set from Extraction:TempRoot at start-up).
    /// Extractors pass their host's root explicitly, so two hosts in one process (tests) never share one.
    /// </summary>
    public static string Root { get; set; } = DefaultRoot;

    public string Path { get; }

    public TempDir(string purpose) : this(Root, purpose) { }

    public TempDir(string root, string purpose)
    {
        Path = System.IO.Path.Combine(root, $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

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
