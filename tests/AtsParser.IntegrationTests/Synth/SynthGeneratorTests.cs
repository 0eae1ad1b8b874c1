using System.Text.Json;
using AtsParser.Core.Parsing.Data;
using AtsParser.Synth;
using DocumentFormat.OpenXml.Packaging;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Synth;

public class SynthGeneratorTests
{
    static List<SynthResume> Draw(int seed) =>
        Enumerable.Range(0, SynthSet.DefaultCount).Select(i => Composer.Compose(new Random(seed * 100_003 + i), Locales.For(i))).ToList();

    [Fact]
    public void The_same_seed_draws_the_same_resumes_and_another_seed_different_ones()
    {
        JsonSerializer.Serialize(Draw(1)).Should().Be(JsonSerializer.Serialize(Draw(1)));
        JsonSerializer.Serialize(Draw(2)).Should().NotBe(JsonSerializer.Serialize(Draw(1)));
    }

    [Fact]
    public void Nearly_every_employer_and_school_carries_a_word_no_vocabulary_file_knows_and_most_titles_are_no_vocabulary_entry()
    {
        var resumes = Draw(SynthSet.DefaultSeed);
        var files = typeof(DataFiles).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".tsv", StringComparison.Ordinal))
            .Select(n => n[(n.LastIndexOf(".Data.", StringComparison.Ordinal) + 6)..]).ToList();
        var text = string.Join("\n", files.Select(DataFiles.ReadText)).ToLowerInvariant();
        var words = text.Split(['\n', '\t', ' ', '|', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var entries = DataFilesEntries(files);
        files.Should().Contain("job-words.tsv");

        bool Invented(string value) => value.ToLowerInvariant().Split(' ', ',', '&').Any(w => w.Length > 2 && !words.Contains(w));
        // Invented syllables can happen to spell a real word ("Lumières"); the set must still test structure, not lookup.
        Share(resumes.SelectMany(r => r.Jobs).Select(j => j.Company), Invented).Should().BeGreaterThanOrEqualTo(0.9);
        Share(resumes.SelectMany(r => r.Schools).Select(s => s.Institution), Invented).Should().BeGreaterThanOrEqualTo(0.9);
        Share(resumes.SelectMany(r => r.Jobs).Select(j => j.Title), t => !entries.Contains(t.ToLowerInvariant())).Should().BeGreaterThanOrEqualTo(0.5);
    }

    static double Share(IEnumerable<string> values, Func<string, bool> holds)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : (double)list.Count(holds) / list.Count;
    }

    [Fact]
    public void A_written_docx_holds_every_printed_key_value_and_the_link_targets()
    {
        var resume = Composer.Compose(new Random(7), Locales.All[1]);
        var path = Path.Combine(Path.GetTempPath(), $"synth-{Guid.NewGuid():N}.docx");
        try
        {
            foreach (var page in Enum.GetValues<PageLayout>())
                foreach (var jobs in Enum.GetValues<JobLayout>())
                {
                    DocxWriter.Write(path, resume, new SynthLayout(page, jobs, SchoolLayout.TableRow, false, true), new Random(1));
                    using var doc = WordprocessingDocument.Open(path, false);
                    var main = doc.MainDocumentPart!;
                    var text = string.Concat(main.HeaderParts.Select(h => h.Header.InnerText).Prepend(main.Document.Body!.InnerText));
                    var targets = main.HyperlinkRelationships.Concat(main.HeaderParts.SelectMany(h => h.HyperlinkRelationships)).Select(r => r.Uri.ToString()).ToList();
                    foreach (var value in new[] { resume.Name, resume.Email, resume.Phone }.Concat(resume.Jobs.SelectMany(j => new[] { j.Title, j.Company, j.Start }))
                                 .Concat(resume.Schools.SelectMany(s => new[] { s.Degree, s.Institution })).Concat(resume.Skills).Concat(resume.Languages))
                        text.Should().Contain(value, $"{page}/{jobs} prints every key value");
                    targets.Should().HaveCount(resume.Links.Count);
                }
        }
        finally { File.Delete(path); }
    }

    static HashSet<string> DataFilesEntries(IEnumerable<string> files) =>
        files.SelectMany(DataFiles.ReadTsv).SelectMany(row => row.Skip(1).SelectMany(c => c.Split('|')).Append(row[0])).Select(e => e.Trim().ToLowerInvariant()).ToHashSet();
}
