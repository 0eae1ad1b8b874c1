using System.Reflection;

namespace AtsParser.Core.Parsing.Data;

/// <summary>The parser's maintained vocabularies (headings, skills, languages, countries, ...) ship as embedded data files.</summary>
public static class DataFiles
{
    public static string ReadText(string name)
    {
        var asm = typeof(DataFiles).Assembly;
        var resource = asm.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded data file {name} is missing from {asm.GetName().Name}.");
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Rows of a tab-separated data file, skipping blank lines and '#' comments.</summary>
    public static IEnumerable<string[]> ReadTsv(string name) =>
        ReadText(name).Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));
}
