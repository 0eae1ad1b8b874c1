using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Derivation;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>Certification lists: bars, wrapped items, and a skills list whose heading was lost; texts are invented.</summary>
public class CertificationListTests
{
    [Fact]
    public void Certificates_separated_by_bars_are_separate_items()
    {
        var r = Parse("Lee Park\nCertifications\nAWS Certified Solutions Architect – Associate | Cisco CCNA |\nCitrix CCA | SCSA");
        r.Certifications.Select(c => c.Name).Should().Equal("AWS Certified Solutions Architect – Associate", "Cisco CCNA", "Citrix CCA", "SCSA");
    }

    [Fact]
    public void A_certificate_wrapped_after_a_connective_is_one_item()
    {
        var r = Parse("Rui Costa\nCertificações\nNR-11 Operador de\nEmpilhadeira\nPMP");
        r.Certifications.Select(c => c.Name).Should().Equal("NR-11 Operador de Empilhadeira", "PMP");
    }

    [Fact]
    public void A_paragraph_without_any_certificate_after_the_certificates_is_skills()
    {
        var r = Parse("Ann Poe\nCertifications\n\nCertified Public Accountant (CPA)\nHabilitation électrique B1V\n\nBasic mathematics\nOrganizational skills\n\nAttention to detail\n");
        r.Certifications.Select(c => c.Name).Should().Equal("Certified Public Accountant (CPA)", "Habilitation électrique B1V");
        r.Skills.Select(s => s.Raw).Should().Contain(["Basic mathematics", "Organizational skills", "Attention to detail"]);
    }
}
