using System.Security.Cryptography;

namespace AtsParser.Cli.Client;

/// <summary>A file to upload: where it is, how it is named in the output, and its content hash (the resume key).</summary>
public sealed record InputFile(string Path, string RelativeName, long Size, string Sha256);

public static class InputFiles
{
    /// <summary>What the service accepts. Directories are filtered by it; files named explicitly are always sent (the server detects by content).</summary>
    public static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".docx", ".doc", ".rtf", ".odt", ".txt", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp",
    };

    public static bool IsSupported(string path) => Extensions.Contains(System.IO.Path.GetExtension(path));

    /// <summary>Office lock files, partial downloads and hidden files are never resumes.</summary>
    public static bool IsTemporary(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
            || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".download", StringComparison.OrdinalIgnoreCase);
    }

    public static IEnumerable<(string Path, string RelativeName)> Expand(IEnumerable<string> args)
    {
        foreach (var arg in args)
        {
            if (File.Exists(arg)) { yield return (System.IO.Path.GetFullPath(arg), System.IO.Path.GetFileName(arg)); continue; }
            if (!Directory.Exists(arg)) throw new FileNotFoundException($"No such file or directory: {arg}");
            var root = System.IO.Path.GetFullPath(arg);
            foreach (var f in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Order(StringComparer.Ordinal))
                if (IsSupported(f) && !IsTemporary(f) && !System.IO.Path.GetRelativePath(root, f).Split('/').Any(s => s.StartsWith('.')))
                    yield return (f, System.IO.Path.GetRelativePath(root, f));
        }
    }

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
    }
}
