using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Jobs;

public sealed class CorpusJobTests
{
    // Quick hostile files: failures must match /parse too (same stable code).
    static readonly string[] Hostile =
    [
        "encrypted_userpw_rc4_128.pdf", "empty.pdf", "empty.docx", "elf_named.pdf", "random_bytes.txt", "trunc_pdf_1k.pdf", "header_only.pdf",
        "docx_missing_document_xml.docx", "resume_utf8_bom.txt", "resume_utf16le_bom.txt", "lebenslauf_latin1.txt", "png_truncated.png", "zip_text_only.docx",
    ];

    [Fact(Timeout = 300_000)]
    public async Task A_job_of_50_corpus_files_completes_with_the_same_results_as_the_parse_endpoint()
    {
        await using var host = await JobsHost.StartAsync();
        var files = Corpus.Manifest().Select(r => r["file"])
            .Concat(Hostile.Select(h => "hostile/generated/" + h))
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(Corpus.PathOf(f)))).ToList();
        files.Should().HaveCount(50);

        var job = await host.SubmitAsync(files, ("asOf", "2025-06-01"));
        var status = await host.WaitForAsync(job);
        var page = await host.Client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job}/results?limit=1000");
        var fromJob = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("index").GetInt32());

        status.GetProperty("counts").GetProperty("succeeded").GetInt32().Should().BeGreaterThan(30);
        fromJob.Should().HaveCount(50);
        // force=true: parse again rather than serve the cache entry the job just wrote.
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (i, ct) =>
        {
            var response = await host.Client.PostAsync("/api/v1/parse?force=true&asOf=2025-06-01", ApiFactory.Form("file", files[i]), ct);
            var direct = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var viaJob = fromJob[i];
            if (response.IsSuccessStatusCode)
            {
                viaJob.GetProperty("status").GetString().Should().Be("succeeded", files[i].Name);
                Deterministic(viaJob.GetProperty("result")).Should().Be(Deterministic(direct), files[i].Name);
            }
            else
            {
                viaJob.GetProperty("status").GetString().Should().Be("failed", files[i].Name);
                viaJob.GetProperty("error").GetProperty("code").GetString().Should().Be(direct.GetProperty("code").GetString(), files[i].Name);
            }
        });
    }

    /// <summary>What must not depend on the route: format, extractor, characters and the structured resume (minus timings and cache meta).</summary>
    static string Deterministic(JsonElement result)
    {
        var resume = result.TryGetProperty("resume", out var r) ? JsonNode.Parse(r.GetRawText())!.AsObject() : null;
        resume?.Remove("meta");
        return new JsonObject
        {
            ["format"] = result.GetProperty("document").GetProperty("format").GetString(),
            ["extractedBy"] = result.GetProperty("extraction").GetProperty("extractedBy").GetString(),
            ["chars"] = result.GetProperty("extraction").GetProperty("chars").GetInt32(),
            ["resume"] = resume,
        }.ToJsonString();
    }
}
