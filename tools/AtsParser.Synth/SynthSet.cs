using System.Text.Json;

namespace AtsParser.Synth;

/// <summary>
/// A deterministic set of synthetic resumes with answer keys. Document i = 5m + k (i &lt; 40) gets language k and job
/// layout (7m + k) mod 8, so the first 40 documents hold every job layout in EN, DE, FR, ES and PT; from 40 on, Hebrew and
/// Chinese alternate with job layout (i - 40) mod 8. Page layout, education layout, format and content come from
/// Random(seed, i), so adding languages after the first round left those 40 documents as they were. Formats: about 4 in 10 stay DOCX, 3 become PDF, 2 ODT, 1 RTF (LibreOffice).
/// </summary>
public static class SynthSet
{
    /// <summary>Bump when generated content changes, so cached sets are rebuilt.</summary>
    public const int GeneratorVersion = 3;
    public const string StampFile = "synth.json";

    public sealed record Stamp(int Version, int Seed, int Count);

    public static async Task<IReadOnlyList<string>> GenerateAsync(string dir, int seed, int count, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        foreach (var sub in (string[])["docx", "pdf", "odt", "rtf", "truth", "staging"])
            if (Directory.Exists(Path.Combine(dir, sub))) Directory.Delete(Path.Combine(dir, sub), recursive: true);
        File.Delete(Path.Combine(dir, StampFile));
        var staging = Path.Combine(dir, "staging");
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(Path.Combine(dir, "docx"));
        var planned = new List<(string File, SynthResume Resume, SynthLayout Layout)>();
        var toConvert = new Dictionary<string, List<string>> { ["pdf"] = [], ["odt"] = [], ["rtf"] = [] };
        for (int i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var r = new Random(seed * 100_003 + i);
            var locale = Locales.For(i);
            var page = (PageLayout)r.Next(4);
            var jobs = (JobLayout)(i < Locales.FirstRound ? (7 * (i / 5) + i % 5) % 8 : (i - Locales.FirstRound) % 8);
            var layout = new SynthLayout(page, jobs, (SchoolLayout)r.Next(4), EducationFirst: r.Next(4) == 0, SkillsAsTable: page != PageLayout.Sidebar && r.Next(4) == 0);
            var format = r.Next(10) switch { < 4 => "docx", < 7 => "pdf", < 9 => "odt", _ => "rtf" };
            var resume = Composer.Compose(r, locale);
            var stem = $"synth_{i:D3}_{locale.Code}_{page}_{layout.Jobs}".ToLowerInvariant();
            var docx = Path.Combine(format == "docx" ? Path.Combine(dir, "docx") : staging, stem + ".docx");
            DocxWriter.Write(docx, resume, layout, r);
            if (format != "docx") toConvert[format].Add(docx);
            planned.Add(($"{format}/{stem}.{format}", resume, layout));
        }
        foreach (var (format, files) in toConvert) await Converter.ConvertAsync(files, format, Path.Combine(dir, format), ct);
        Directory.Delete(staging, recursive: true);
        foreach (var (file, resume, layout) in planned) KeyWriter.Write(dir, file, resume, layout);
        await File.WriteAllTextAsync(Path.Combine(dir, StampFile), JsonSerializer.Serialize(new Stamp(GeneratorVersion, seed, count)), ct);
        return planned.Select(p => p.File).ToList();
    }

    /// <summary>The set in <paramref name="dir"/> was made by this generator version with these settings.</summary>
    public static bool IsCurrent(string dir, int seed, int count)
    {
        var path = Path.Combine(dir, StampFile);
        if (!File.Exists(path)) return false;
        try { return JsonSerializer.Deserialize<Stamp>(File.ReadAllText(path)) == new Stamp(GeneratorVersion, seed, count); }
        catch (JsonException) { return false; }
    }

    /// <summary>Generates the set unless an identical one is already there (a cache outside the repository).</summary>
    public static async Task<string> EnsureAsync(string dir, int seed, int count, CancellationToken ct)
    {
        if (!IsCurrent(dir, seed, count)) await GenerateAsync(dir, seed, count, ct);
        return dir;
    }

    public const int DefaultSeed = 1, DefaultCount = 48;

    /// <summary>$ATS_SYNTH_DIR, else ~/.cache/atsparser/synth-v{version}-s{seed}-n{count}.</summary>
    public static string DefaultDir(int seed = DefaultSeed, int count = DefaultCount) =>
        Environment.GetEnvironmentVariable("ATS_SYNTH_DIR") is { Length: > 0 } d ? d
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "atsparser", $"synth-v{GeneratorVersion}-s{seed}-n{count}");
}
