namespace AtsParser.Core.Extraction;

/// <summary>The python that runs the pool's UNO worker, and the worker script written next to the profiles.</summary>
public sealed record LibreOfficePoolRuntime(string Python, string Script)
{
    // Debian's python3-uno lives in the system python, which a pyenv or venv python3 on PATH does not see;
    // LibreOffice's own builds ship program/python.
    static readonly string[] Candidates = ["/usr/bin/python3", "/usr/lib/libreoffice/program/python", "/opt/libreoffice/program/python", "python3"];

    public static async Task<LibreOfficePoolRuntime?> ResolveAsync(string configured, string root, CancellationToken ct)
    {
        string? python = null;
        foreach (var candidate in string.IsNullOrWhiteSpace(configured) ? Candidates : [configured])
        {
            if (candidate.Contains('/') && !File.Exists(candidate)) continue;
            try
            {
                var r = await ProcessRunner.RunAsync(ToolCommands.PythonImportsUno(candidate), ct);
                if (r.ExitCode == 0) { python = candidate; break; }
            }
            catch (Exception e) when (e is ToolFailedException or ToolTimeoutException) { }
        }
        if (python is null) return null;
        Directory.CreateDirectory(root);
        var script = Path.Combine(root, "uno_worker.py");
        await using (var resource = typeof(LibreOfficePoolRuntime).Assembly.GetManifestResourceStream("AtsParser.Core.uno_worker.py")
            ?? throw new InvalidOperationException("uno_worker.py is not embedded in the assembly"))
        await using (var file = File.Create(script))
            await resource.CopyToAsync(file, ct);
        return new LibreOfficePoolRuntime(python, script);
    }
}

/// <summary>Maps `soffice --convert-to` filter specs ("txt:Text (encoded):UTF8", "pdf") onto UNO export filters.</summary>
public static class LibreOfficeFilters
{
    static readonly Dictionary<string, string> DefaultExport = new(StringComparer.OrdinalIgnoreCase)
    {
        ["txt"] = "Text", ["pdf"] = "writer_pdf_Export", ["odt"] = "writer8", ["docx"] = "MS Word 2007 XML",
    };

    /// <summary>The UNO filter name and options, or null when the pool cannot do this conversion.</summary>
    public static (string Filter, string Options)? ForUno(string spec)
    {
        var parts = spec.Split(':', 3);
        if (parts.Length >= 2 && parts[1].Length > 0) return (parts[1], parts.Length == 3 ? parts[2] : "");
        return DefaultExport.TryGetValue(parts[0], out var filter) ? (filter, "") : null;
    }
}

/// <summary>
/// The socket files LibreOffice creates in /tmp: OSL_PIPE_{uid}_SingleOfficeIPC_{md5 of the profile URL} per
/// profile, and OSL_PIPE_{uid}_{name} for `--accept=pipe,name=...`. A killed soffice leaves them behind, so
/// whoever kills one removes its files (the names are unique to our per-call or per-listener profiles).
/// </summary>
public static class LibreOfficePipes
{
    static readonly string? Uid = ReadUid();

    public static void Remove(string profileUrl, string? acceptPipeName = null)
    {
        if (Uid is null) return;
        // LibreOffice hashes the UTF-16 code units and writes each byte as unpadded hex (officeipcthread.cxx).
        var md5 = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.Unicode.GetBytes(profileUrl));
        var hash = string.Concat(md5.Select(b => b.ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
        TryDelete($"/tmp/OSL_PIPE_{Uid}_SingleOfficeIPC_{hash}");
        if (acceptPipeName is not null) TryDelete($"/tmp/OSL_PIPE_{Uid}_{acceptPipeName}");
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    static string? ReadUid()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return line?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
