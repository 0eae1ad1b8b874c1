using System.Net;
using AtsParser.IntegrationTests.Security;
using AtsParser.IntegrationTests.Storage;
using FluentAssertions;
using Xunit;

namespace AtsParser.IntegrationTests.Caching;

/// <summary>
/// The parse cache is shared across tenants on purpose (identical bytes give identical parses), so these tests
/// pin down that only the parse is shared: never a stored id, a correction or a dedupe hit of another tenant.
/// </summary>
public class CacheTenancyTests(TenantsFixture fx) : IClassFixture<TenantsFixture>
{
    readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    [Fact]
    public async Task Another_tenant_parsing_the_same_bytes_gets_the_parse_but_not_the_stored_id_or_the_corrections()
    {
        var a = fx.Client(TenantsFixture.KeyA);
        var b = fx.Client(TenantsFixture.KeyB);
        var bytes = SampleResumes.Text("Cassia Cached", "Payroll Specialist", "Numbers Guild", "Lyon, France", "Payroll, Excel", 2014, 2023);
        var (stored, storedBody) = await a.ParseAsync(bytes, "?store=true");
        stored.StatusCode.Should().Be(HttpStatusCode.OK, storedBody.ToString());
        var id = storedBody.GetProperty("id").GetGuid();
        var patch = new StringContent("""[{"op":"add","path":"/resume/candidate/emails/-","value":"corrected@example.test"}]""",
            System.Text.Encoding.UTF8, "application/json-patch+json");
        var corrected = await a.PatchAsync($"/api/v1/resumes/{id}", patch, _ct);
        corrected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await corrected.Content.ReadAsStringAsync(_ct)).Should().Contain("corrected@example.test");

        var (parsed, body) = await b.ParseAsync(bytes);
        var (storedByB, storedByBBody) = await b.ParseAsync(bytes, "?store=true");

        parsed.StatusCode.Should().Be(HttpStatusCode.OK);
        body.TryGetProperty("id", out var leakedId).Should().BeFalse("a parse without store has no id, least of all another tenant's ({0})", leakedId);
        body.GetRawText().Should().NotContain(id.ToString()).And.NotContain("corrected@example.test");
        body.GetProperty("resume").GetProperty("candidate").GetProperty("name").GetRawText().Should()
            .Be(storedBody.GetProperty("resume").GetProperty("candidate").GetProperty("name").GetRawText(), "the parse itself is shared");
        storedByB.StatusCode.Should().Be(HttpStatusCode.OK);
        storedByBBody.GetProperty("id").GetGuid().Should().NotBe(id);
        storedByBBody.GetRawText().Should().NotContain("corrected@example.test");
    }
}
