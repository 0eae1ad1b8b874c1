using AtsParser.Core.Extraction;
using AtsParser.Core.Parsing;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>
/// Document hints (Title/Subtitle-styled paragraphs, author and title properties) as evidence for the name, never as
/// truth; and names in capitals with credentials after them or printed "First.Last". People and companies are invented.
/// </summary>
public class NameHintTests
{
    static Resume ParseWith(string text, params DocumentHint[] hints) =>
        Heuristic.Parse(new ParseInput(text, [], AsOf) { Hints = hints });

    static DocumentHint Title(string t) => new(DocumentHints.TitleStyle, t);
    static DocumentHint Subtitle(string t) => new(DocumentHints.SubtitleStyle, t);
    static DocumentHint Author(string t) => new(DocumentHints.AuthorProperty, t);
    static DocumentHint Editor(string t) => new(DocumentHints.EditorProperty, t);
    static DocumentHint TitleProperty(string t) => new(DocumentHints.TitleProperty, t);

    // A sidebar of contact data and skills first; the name below it with no headline, place or matching e-mail.
    const string SidebarFirst = """
        Contact
        +44 20 7946 0321
        hello@orbitmail.example
        Skills
        Inventory Control
        Forklift Operation
        Odalys Brennick
        Experience
        Warehouse Lead | Tamsin Freight Ltd | 2019 - Present
        """;

    [Fact]
    public void A_name_printed_only_in_a_title_styled_paragraph_after_a_sidebar_is_the_name()
    {
        Parse(SidebarFirst).Candidate.Name.Should().BeNull("without the style nothing confirms the line");

        ParseWith(SidebarFirst, Title("Odalys Brennick")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
    }

    [Fact]
    public void A_title_styled_job_title_or_document_word_is_no_name()
    {
        ParseWith(SidebarFirst, Title("Curriculum Vitae")).Candidate.Name.Should().BeNull();
        ParseWith(SidebarFirst, Title("Warehouse Lead")).Candidate.Name.Should().BeNull();
    }

    [Fact]
    public void A_subtitle_styled_paragraph_is_the_job_title_not_the_name()
    {
        ParseWith(SidebarFirst, Subtitle("Odalys Brennick")).Candidate.Name.Should().BeNull();
    }

    [Fact]
    public void A_title_styled_name_wins_over_a_name_shaped_line_above_it()
    {
        const string text = "Harlow Staffing Partners\nOdalys Brennick\nhello@orbitmail.example\nExperience\nWarehouse Lead | Tamsin Freight Ltd | 2019 - Present";
        Parse(text).Candidate.Name!.Raw.Should().Be("Harlow Staffing Partners", "the first name-shaped line, without evidence");

        ParseWith(text, Title("Odalys Brennick")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
    }

    [Fact]
    public void A_title_styled_name_in_capitals_with_credentials_gives_the_name_alone()
    {
        ParseWith(SidebarFirst.Replace("Odalys Brennick", "ODALYS BRENNICK RHCE Certified"), Title("ODALYS BRENNICK RHCE Certified"))
            .Candidate.Name!.Raw.Should().Be("ODALYS BRENNICK");
    }

    [Theory]
    [InlineData("Microsoft Office User")]
    [InlineData("Admin")]
    [InlineData("HP")]
    [InlineData("Resume")]
    [InlineData("Tamsin Freight Ltd")]
    public void A_template_or_company_author_is_ignored(string author)
    {
        ParseWith(SidebarFirst, Author(author), Editor(author), TitleProperty(author)).Candidate.Name.Should().BeNull();
    }

    [Fact]
    public void An_author_the_text_does_not_confirm_is_ignored_even_when_it_looks_like_a_name()
    {
        // A recruiter's name on every file they handle.
        ParseWith(SidebarFirst, Author("Quentin Varga")).Candidate.Name.Should().BeNull();
        ParseWith("Odalys Brennick\nhello@orbitmail.example\nExperience\nWarehouse Lead | Tamsin Freight Ltd | 2019 - Present", Author("Quentin Varga"))
            .Candidate.Name!.Raw.Should().Be("Odalys Brennick");
    }

    [Fact]
    public void An_author_confirmed_by_the_email_names_a_candidate_the_text_does_not()
    {
        var text = SidebarFirst.Replace("hello@orbitmail.example", "obrennick@orbitmail.example").Replace("Odalys Brennick\n", "");
        Parse(text).Candidate.Name.Should().BeNull();

        ParseWith(text, Author("Odalys Brennick")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
        ParseWith(text, Author("Brennick, Odalys")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
    }

    [Fact]
    public void An_author_printed_in_the_header_breaks_the_tie_with_a_name_shaped_line_above_it()
    {
        const string text = "Harlow Staffing Partners\nOdalys Brennick\nhello@orbitmail.example\nExperience\nWarehouse Lead | Tamsin Freight Ltd | 2019 - Present";

        ParseWith(text, Author("Odalys Brennick")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
        ParseWith(text, Author("Quentin Varga")).Candidate.Name!.Raw.Should().Be("Harlow Staffing Partners");
    }

    [Fact]
    public void A_title_property_made_from_the_file_name_counts_when_the_email_confirms_it()
    {
        var text = SidebarFirst.Replace("hello@orbitmail.example", "odalys.brennick@orbitmail.example").Replace("Odalys Brennick\n", "");

        ParseWith(text, TitleProperty("Odalys_Brennick_Resume_2024.docx")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
        ParseWith(text, TitleProperty("Resume - Odalys Brennick")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
        ParseWith(text, TitleProperty("Microsoft Word - Odalys Brennick CV.docx")).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
        ParseWith(text, TitleProperty("Microsoft Word - Undergraduate Student Resume Examples.docx")).Candidate.Name.Should().BeNull();
    }

    [Theory]
    [InlineData("JANE DOE RHCE Certified\njane.doe@example.com\nExperience", "JANE DOE")]
    [InlineData("MARISOL QUENTARA RHCE CERTIFIED ENGINEER\nm.q@example.com\nExperience\nSysadmin at Pelt Hosting\n2019 - 2022", "MARISOL QUENTARA")]
    [InlineData("TOBIAS WRENFIELD, PMP, CSM\nProject Manager\nExperience", "TOBIAS WRENFIELD")]
    [InlineData("TOBIAS WRENFIELD – RHCSA, CCNA\n+1 555 123 4567\nExperience", "TOBIAS WRENFIELD")]
    [InlineData("Tobias.Wrenfield\nProject Manager\nExperience", "Tobias Wrenfield")]
    [InlineData("TOBIAS.WRENFIELD\n+1 555 123 4567\nExperience", "Tobias Wrenfield")]
    [InlineData("tobias.wrenfield\nProject Manager\nExperience", "Tobias Wrenfield")]
    [InlineData("Tobias_Wrenfield\nProject Manager\nExperience", "Tobias Wrenfield")]
    public void Capitals_with_credentials_and_first_dot_last_give_the_name(string text, string name) =>
        Parse(text).Candidate.Name!.Raw.Should().Be(name);

    [Fact]
    public void The_email_breaks_the_tie_between_a_place_read_first_from_a_sidebar_and_the_name_below_it()
    {
        const string text = """
            obrennick@orbitmail.example
            +55 11 95683-0444
            Porto Alegre
            Skills
            Forklift Operation
            Inventory Control
            Odalys Brennick
            Profile
            Warehouse lead.
            Experience
            Warehouse Lead | Tamsin Freight Ltd | 2019 - Present
            """;
        Parse(text).Candidate.Name!.Raw.Should().Be("Odalys Brennick");
        Parse(text.Replace("obrennick@", "hello@")).Candidate.Name!.Raw.Should().Be("Porto Alegre", "without the e-mail's word the first name-shaped line stands");
    }

    [Theory]
    [InlineData("Odalys Brennick, page 1\nSummary\nWarehouse lead.", "Odalys Brennick")]
    [InlineData("Odalys Brennick – Resume\nSummary\nWarehouse lead.", "Odalys Brennick")]
    [InlineData("ODALYS BRENNICK | CV | Page 1 of 2\nSummary\nWarehouse lead.", "ODALYS BRENNICK")]
    public void A_page_header_line_gives_the_name_without_its_page_number_or_document_word(string text, string name) =>
        Parse(text).Candidate.Name!.Raw.Should().Be(name);
}
