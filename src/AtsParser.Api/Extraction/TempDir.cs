namespace AtsParser.Api.Extraction;

/// <summary>A per-call temporary directory under the service's temp root, always deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public static string Root { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "atsparser");

    public string Path { get; }

    public TempDir(string purpose)
    {
        Path = System.IO.Path.Combine(Root, $"{purpose}-{Guid.NewGuid():N}");
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
