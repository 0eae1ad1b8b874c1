using System.Text.Json;

namespace AtsParser.IntegrationTests.Search;

/// <summary>The labelled set in bench/data/search-eval.json: a pool of corpus resumes and job descriptions with their obvious match.</summary>
public sealed record SearchEval(string About, List<string> Pool, List<SearchEval.Query> Queries)
{
    public sealed record Query(string Expected, string Text);

    public static SearchEval Load()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var path = Path.Combine(d.FullName, "bench", "data", "search-eval.json");
            if (File.Exists(path)) return JsonSerializer.Deserialize<SearchEval>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        throw new FileNotFoundException("bench/data/search-eval.json was not found above the test directory.");
    }

    /// <summary>Upload names are unique per pool entry (the corpus has klair_resume in three formats).</summary>
    public static string UploadName(string corpusPath) => corpusPath.Replace('/', '_');
}
