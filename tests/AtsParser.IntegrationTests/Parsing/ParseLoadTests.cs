using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Heuristic;
using AtsParser.IntegrationTests.Support;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AtsParser.IntegrationTests.Parsing;

/// <summary>
/// Load answers are coded: the parse-slot limit (PARSE_CONCURRENCY) turns a full house into 503 server_busy with
/// Retry-After, and a parser pattern that runs past its time guard (what 50 concurrent 10 MB uploads did on 2 cores)
/// is 504 parse_timeout, not 500.
/// </summary>
public class ParseLoadTests
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    static byte[] Resume(string name) => Encoding.UTF8.GetBytes(
        $"{name}\nSenior Accountant\n{name.ToLowerInvariant().Replace(' ', '.')}@example.org\n\nExperience\nLedger Works, 2015 - 2022\nSkills: audit, tax, payroll\n");

    sealed class Gate
    {
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The real heuristic parser behind a gate the test opens, so a document stays "being parsed" as long as the test wants.</summary>
    sealed class GatedParser(HeuristicResumeParser inner, Gate gate) : IResumeParser
    {
        public string Mode => inner.Mode;

        public async Task<Resume> ParseAsync(ParseInput input, CancellationToken ct)
        {
            gate.Entered.TrySetResult();
            await gate.Release.Task.WaitAsync(ct);
            return await inner.ParseAsync(input, ct);
        }
    }

    sealed class PatternTimeoutParser : IResumeParser
    {
        public string Mode => HeuristicResumeParser.ParserName;

        public Task<Resume> ParseAsync(ParseInput input, CancellationToken ct) =>
            throw new RegexMatchTimeoutException(input.Text[..10], "(a+)+$", TimeSpan.FromSeconds(1));
    }

    static HttpClient Client(ApiFactory factory, Func<IServiceProvider, IResumeParser> parser) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(parser))).CreateClient();

    static async Task<JsonElement> Json(HttpResponseMessage r, CancellationToken ct) =>
        JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct)).RootElement;

    [Fact(Timeout = 120_000)]
    public async Task With_one_parse_slot_a_second_request_waits_its_queue_time_then_gets_a_coded_503_with_retry_after()
    {
        using var factory = new ApiFactory().With("ParseLimits:Concurrency", "1").With("ParseLimits:QueueTimeoutSeconds", "1");
        var gate = new Gate();
        using var client = Client(factory, sp => new GatedParser(sp.GetRequiredService<HeuristicResumeParser>(), gate));

        var first = client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("a.txt", Resume("Ada Quill"))), _ct);
        await gate.Entered.Task.WaitAsync(_ct);

        using var second = await client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("b.txt", Resume("Bo Ruskin"))), _ct);
        using var bulk = await client.PostAsync("/api/v1/bulk-parse-resumes", ApiFactory.Form("files", ("c.txt", Resume("Cy Marrow"))), _ct);
        gate.Release.TrySetResult();
        using var firstResponse = await first;
        using var third = await client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("d.txt", Resume("Di Fenwick"))), _ct);

        second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Json(second, _ct)).GetProperty("code").GetString().Should().Be("server_busy");
        second.Headers.RetryAfter.Should().NotBeNull();
        bulk.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = (await Json(bulk, _ct)).GetProperty("results")[0];
        entry.GetProperty("status").GetInt32().Should().Be(503);
        entry.GetProperty("error").GetProperty("code").GetString().Should().Be("server_busy");
        firstResponse.StatusCode.Should().Be(HttpStatusCode.OK, "the request holding the slot is unaffected");
        third.StatusCode.Should().Be(HttpStatusCode.OK, "the slot is given back when a parse ends");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_parser_pattern_running_past_its_time_guard_is_a_coded_504_parse_timeout_for_parse_and_for_a_bulk_entry()
    {
        using var factory = new ApiFactory();
        using var client = Client(factory, _ => new PatternTimeoutParser());

        using var single = await client.PostAsync("/api/v1/parse", ApiFactory.Form("file", ("a.txt", Resume("Ada Quill"))), _ct);
        using var bulk = await client.PostAsync("/api/v1/bulk-parse-resumes", ApiFactory.Form("files", ("b.txt", Resume("Bo Ruskin"))), _ct);

        single.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await Json(single, _ct)).GetProperty("code").GetString().Should().Be("parse_timeout");
        var entry = (await Json(bulk, _ct)).GetProperty("results")[0];
        entry.GetProperty("status").GetInt32().Should().Be(504);
        entry.GetProperty("error").GetProperty("code").GetString().Should().Be("parse_timeout");
    }
}
