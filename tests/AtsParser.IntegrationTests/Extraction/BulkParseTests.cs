using System.Net;
using System.Text.Json;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Extraction;

public sealed class BulkHost() : ExtractionHost(("Extraction:BulkMaxFiles", "5"));

[Collection(ExtractionCollection.Name)]
public class BulkParseTests(BulkHost host) : IClassFixture<BulkHost>
{
    static (string, byte[]) File(string relative) => (Path.GetFileName(relative), System.IO.File.ReadAllBytes(Corpus.PathOf(relative)));

    async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(params (string Name, byte[] Bytes)[] files)
    {
        using var form = ApiFactory.Form("files", files);
        using var response = await host.Client.PostAsync("/api/v1/bulk-parse-resumes?includeText=true", form);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact(Timeout = 300_000)]
    public async Task A_bulk_request_mixing_good_and_hostile_files_returns_every_good_result_in_upload_order()
    {
        var (status, body) = await PostAsync(
            File("docx/soupboss_02-Desktop_Support.docx"),
            File("hostile/generated/encrypted_userpw_aes256.pdf"),
            File("txt/soupboss_sample_resume.txt"),
            File("hostile/generated/empty.pdf"),
            File("pdf/openresume_openresume-resume.pdf"));

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("count").GetInt32().Should().Be(5);
        body.GetProperty("succeeded").GetInt32().Should().Be(3);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("index").GetInt32()).Should().Equal(0, 1, 2, 3, 4);
        results.Select(r => r.GetProperty("fileName").GetString()).Should().Equal(
            "soupboss_02-Desktop_Support.docx", "encrypted_userpw_aes256.pdf", "soupboss_sample_resume.txt", "empty.pdf", "openresume_openresume-resume.pdf");
        results[0].GetProperty("result").GetProperty("extraction").GetProperty("text").GetString().Should().Contain("emoore@email.com");
        results[2].GetProperty("result").GetProperty("extraction").GetProperty("text").GetString().Should().Contain("john.smith@email.com");
        results[4].GetProperty("result").GetProperty("extraction").GetProperty("text").GetString().Should().Contain("hello@openresume.com");
        results[1].GetProperty("status").GetInt32().Should().Be(422);
        results[1].GetProperty("error").GetProperty("code").GetString().Should().Be("encrypted_document");
        results[3].GetProperty("status").GetInt32().Should().Be(400);
        results[3].GetProperty("error").GetProperty("code").GetString().Should().Be("empty_file");
        host.TempEntries().Should().BeEmpty();
    }

    [Fact]
    public async Task More_files_than_the_limit_are_refused_with_413_too_many_files()
    {
        var txt = File("txt/soupboss_sample_resume.txt");

        var (status, body) = await PostAsync(txt, txt, txt, txt, txt, txt);

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        body.GetProperty("code").GetString().Should().Be("too_many_files");
    }

    [Fact]
    public async Task A_bulk_request_without_files_is_a_400_missing_file()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        using var response = await host.Client.PostAsync("/api/v1/bulk-parse-resumes", form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString().Should().Be("missing_file");
    }
}
