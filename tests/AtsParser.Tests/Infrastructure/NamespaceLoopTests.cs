using System.Text.RegularExpressions;
using AtsParser.Tests.Deployment;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Infrastructure;

/// <summary>
/// The API's feature folders depend on each other in one direction (issue 11: no namespace loops). Read from the
/// `using AtsParser.Api.X;` directives of the source, as a reader (or grep) sees them, unused ones included.
/// </summary>
public sealed partial class NamespaceLoopTests
{
    [GeneratedRegex(@"^namespace\s+AtsParser\.Api\.?([\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using\s+AtsParser\.Api\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Using();

    static Dictionary<string, HashSet<string>> Graph()
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("src/AtsParser.Api"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains("EfMigrations")) continue;
            var source = File.ReadAllText(file);
            var ns = Namespace().Match(source) is { Success: true } m ? m.Groups[1].Value : "";
            var uses = graph.TryGetValue(ns, out var set) ? set : graph[ns] = [];
            foreach (Match u in Using().Matches(source)) if (u.Groups[1].Value != ns) uses.Add(u.Groups[1].Value);
        }
        return graph;
    }

    static List<string> LoopThrough(Dictionary<string, HashSet<string>> graph, string start)
    {
        // Breadth-first from start's dependencies back to start; the shortest loop, or none.
        var from = new Dictionary<string, string>();
        var queue = new Queue<string>();
        foreach (var d in graph.GetValueOrDefault(start, [])) { from[d] = start; queue.Enqueue(d); }
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            if (n == start)
            {
                var loop = new List<string> { start };
                for (var x = from[start]; x != start; x = from[x]) loop.Insert(1, x);
                return [.. loop, start];
            }
            foreach (var d in graph.GetValueOrDefault(n, []))
                if (from.TryAdd(d, n)) queue.Enqueue(d);
        }
        return [];
    }

    [Theory]
    [InlineData("Storage")]
    [InlineData("Search")]
    [InlineData("Parse")]
    [InlineData("Caching")]
    [InlineData("Jobs")]
    [InlineData("Webhooks")]
    public void A_feature_folder_never_depends_on_itself_through_others(string feature)
    {
        var graph = Graph();
        graph.Should().ContainKey(feature);

        LoopThrough(graph, feature).Should().BeEmpty("a loop reads {0}", string.Join(" -> ", LoopThrough(graph, feature)));
    }
}
