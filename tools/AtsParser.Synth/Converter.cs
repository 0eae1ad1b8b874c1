using System.Diagnostics;

namespace AtsParser.Synth;

/// <summary>
/// DOCX → PDF/ODT/RTF with LibreOffice: one soffice process per target format converts the whole batch (about 60 ms a
/// file after a ~1 s start), with its own throw-away profile, a timeout and a process-tree kill.
/// </summary>
public static class Converter
{
    public static async Task ConvertAsync(IReadOnlyList<string> docxFiles, string format, string outDir, CancellationToken ct)
    {
        if (docxFiles.Count == 0) return;
        Directory.CreateDirectory(outDir);
        var profile = Path.Combine(Path.GetTempPath(), "ats-synth-lo-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{profile}", "--convert-to", format, "--outdir", outDir])
            psi.ArgumentList.Add(a);
        foreach (var f in docxFiles) psi.ArgumentList.Add(f);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120 + 5 * docxFiles.Count));
        Process process;
        try { process = Process.Start(psi) ?? throw new InvalidOperationException("soffice did not start."); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("LibreOffice (soffice) is needed to write PDF/ODT/RTF: run scripts/install-deps.sh.", e);
        }
        using (process)
        {
            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                if (process.ExitCode != 0) throw new InvalidOperationException($"soffice --convert-to {format} exited {process.ExitCode}: {await stderr}");
                await stdout;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested) throw;
                throw new TimeoutException($"soffice --convert-to {format} did not finish {docxFiles.Count} files in time.");
            }
            finally
            {
                try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        var missing = docxFiles.Select(f => Path.Combine(outDir, Path.GetFileNameWithoutExtension(f) + "." + format)).Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"soffice did not write {string.Join(", ", missing.Select(Path.GetFileName))}.");
    }
}
