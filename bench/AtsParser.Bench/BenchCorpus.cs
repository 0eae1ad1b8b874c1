namespace AtsParser.Bench;

/// <summary>Finds ../shared/corpus (or ATS_CORPUS_DIR), like the test projects do.</summary>
public static class BenchCorpus
{
    public static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("ATS_CORPUS_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "shared", "corpus");
                if (File.Exists(Path.Combine(candidate, "MANIFEST.tsv"))) return candidate;
            }
        }
        throw new InvalidOperationException("The corpus was not found: set ATS_CORPUS_DIR or keep ../shared/corpus next to the repository.");
    }

    public static string[] Files(string corpus, string folder, Func<string, bool>? where = null) =>
        Directory.GetFiles(Path.Combine(corpus, folder)).Where(f => where?.Invoke(Path.GetFileName(f)) ?? true).Order(StringComparer.Ordinal).ToArray();
}
