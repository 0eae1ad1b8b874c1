using AtsParser.Api.Security;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Security;

public class ApiKeyEntryTests
{
    static readonly string HashA = new('a', 64), HashB = new('B', 64);

    [Fact]
    public void Entries_carry_their_tenant_and_scopes_and_a_star_means_every_scope()
    {
        var (entries, errors) = ApiKeyEntry.ParseAll($"{HashA} tenant=acme scopes=parse,resumes:read ;  {HashB}   scopes=* tenant=ops.team");

        errors.Should().BeEmpty();
        entries.Should().HaveCount(2);
        entries[0].Should().BeEquivalentTo(new ApiKeyEntry(HashA, "acme", ["parse", "resumes:read"]));
        entries[1].Hash.Should().Be(HashB.ToLowerInvariant());
        entries[1].Tenant.Should().Be("ops.team");
        entries[1].Scopes.Should().BeEquivalentTo(Scopes.All);
    }

    [Theory]
    [InlineData("abc tenant=acme scopes=parse", "64-character hex")]
    [InlineData("HASH scopes=parse", "tenant=NAME is required")]
    [InlineData("HASH tenant=acme", "scopes=S1,S2 is required")]
    [InlineData("HASH tenant=acme scopes=parse,delete-everything", "unknown scope 'delete-everything'")]
    [InlineData("HASH tenant=ac/me scopes=parse", "tenant=NAME is required")]
    [InlineData("HASH tenant=acme scopes=parse role=root", "unknown field 'role'")]
    public void A_malformed_entry_is_refused_with_a_message_naming_the_problem(string entry, string message)
    {
        var (_, errors) = ApiKeyEntry.ParseAll(entry.Replace("HASH", HashA));

        errors.Should().ContainSingle().Which.Should().Contain(message).And.StartWith("API_KEYS entry 1");
    }

    [Fact]
    public void Api_key_hashes_stay_valid_as_the_default_tenant_with_every_scope()
    {
        var o = new SecurityOptions { ApiKeyHashes = HashA, ApiKeys = $"{HashB} tenant=acme scopes=metrics" };

        o.Keys().Should().HaveCount(2);
        o.Keys().Single(k => k.Hash == HashA).Should().BeEquivalentTo(new ApiKeyEntry(HashA, Tenancy.DefaultTenant, Scopes.All));
        o.AuthEnforced.Should().BeTrue();
    }
}
