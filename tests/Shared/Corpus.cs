namespace AtsParser.TestSupport;

/// <summary>Finds ../shared/corpus (or ATS_CORPUS_DIR). Tests use the files in place; nothing is copied.</summary>
public static class Corpus
{
    public static string Dir { get; } = Locate();

    public static string PathOf(string relative) => System.IO.Path.Combine(Dir, relative);

    /// <summary>Rows of a MANIFEST.tsv as dictionaries keyed by column name.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Manifest(string relative = "MANIFEST.tsv")
    {
        var lines = File.ReadAllLines(PathOf(relative)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split('\t');
            return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        }).ToList();
    }

    static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("ATS_CORPUS_DIR");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = System.IO.Path.Combine(d.FullName, "shared", "corpus");
            if (File.Exists(System.IO.Path.Combine(candidate, "MANIFEST.tsv"))) return candidate;
        }
        throw new InvalidOperationException("The corpus was not found: set ATS_CORPUS_DIR or keep ../shared/corpus next to the repository.");
    }
}
