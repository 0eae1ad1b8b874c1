using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Dates;
using AtsParser.Core.Parsing.Heuristic;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing;

// The parser's pre-checks must never skip a pattern that would match, and the answers kept per document must be the
// answers computed afresh: each is compared with the general code on hand-made lines and on many generated ones.
public class ParserFastPathTests
{
    static readonly string[] Handmade =
    [
        "", " ", "Jan 2019 - Present", "'19 – '21", "’98", "03/2018 – 12/2020", "2015 年 3 月", "2021.03 -", "Since 2017", "in 1999",
        "Tel: +1 415 555 0123", "30% growth", "Room 1900", "20", "1920", "2101", "x20y19", "Degree", "degree / course", "Name of the  Institution",
        "Year of\u00A0Passing", "%", "From - To", "from – to", "Company", "Company:", "Position", "Zeitraum", "学历", "תואר", "Ort", "Dates",
        "Designation : Software Engineer", "公司名称：杭州云帆", "Acme Ltd as Senior Engineer", "Acme as an Engineer", "Acme AS Engineer",
        "jane (at) example (dot) com", "jane [ AT ] example.com", "jane {\u2003at} mail {dot} org", "worked (at) night", "(a t)", "<at>", "(",
        "Senior Software Engineer", "Müller & Partner GmbH", "Bachelor of Science in Physics", "University of Leeds", "MSc",
        "• Led the 2019 - 2020 migration.", "Reduzierung der Durchlaufzeiten um 15 %.", "JANE DOE RHCE Certified", "Dr. Helena Marquardt (she/her)",
    ];

    static readonly string[] Pieces =
    [
        "19", "20", "2019", "1987", "'", "’", "03", "/", ".", "-", "–", "—", ":", "：", "%", ",", "(", ")", "[", "]", "{", "<", ">", "at", "AT",
        "At", "dot", " ", "  ", "\t", "\u00A0", "\u2003", "as", "an", "Jan", "Dec.", "de", "of", "Present", "heute", "至今", "年", "月", "degree",
        "Company", "Position", "from", "to", "Year", "of", "Passing", "Engineer", "Manager", "GmbH", "Inc.", "University", "Bachelor", "MSc",
        "Python", "•", "(at)", "[ at ]", "{AT}", " (dot) ", "<at>", "jane", "a", "x", "Z", "é", "ß", "学历", "תואר", "9", "0", "1", "2", "name", "the", "institution", "@", "example", "com",
    ];

    // Lines made of the pieces above, with a fixed seed: the same many inputs on every run.
    public static IEnumerable<string> Generated()
    {
        var random = new Random(14);
        for (int n = 0; n < 4000; n++)
        {
            var parts = new string[random.Next(1, 9)];
            for (int k = 0; k < parts.Length; k++) parts[k] = Pieces[random.Next(Pieces.Length)];
            yield return string.Concat(parts.Select((p, k) => k > 0 && random.Next(3) == 0 ? " " + p : p));
        }
    }

    static IEnumerable<string> All() => Handmade.Concat(Generated());

    [Fact]
    public void A_date_token_is_never_found_on_a_line_the_year_test_skips()
    {
        int matched = 0;
        foreach (var s in All())
            if (DateParser.Token().IsMatch(s) && ++matched > 0) DateParser.HasYear(s).Should().BeTrue($"the token pattern matches \"{s}\"");
        matched.Should().BeGreaterThan(200, "the inputs must exercise the pattern");
    }

    [Fact]
    public void Table_heading_roles_are_what_the_patterns_alone_give()
    {
        int roles = 0;
        foreach (var s in All().Concat(All().Select(x => x.Trim())))
        {
            if (TableColumns.RoleByPatterns(s) is not null || TableColumns.EducationRoleByPatterns(s) is not null) roles++;
            TableColumns.JobRoleOf(s).Should().Be(TableColumns.RoleByPatterns(s), $"job role of \"{s}\"");
            TableColumns.EducationRoleOf(s).Should().Be(TableColumns.EducationRoleByPatterns(s), $"education role of \"{s}\"");
        }
        roles.Should().BeGreaterThan(20, "the inputs must exercise the patterns");
    }

    [Fact]
    public void The_label_and_as_patterns_and_the_obfuscated_address_need_what_their_pre_checks_look_for()
    {
        int labels = 0, titles = 0, addresses = 0;
        foreach (var s in All())
        {
            if (FieldLabels.Label().IsMatch(s) && ++labels > 0) s.Should().ContainAny(":", "：");
            if (HeaderFragments.AsTitle().IsMatch(s) && ++titles > 0) s.Should().Contain("as");
            if (HeaderFragments.TrailingPlace().IsMatch(s)) s.Should().Contain("(");
            if (ContactPatterns.ObfuscatedEmail().IsMatch(s) && ++addresses > 0) ContactPatterns.MayHoldBracketedAt(s).Should().BeTrue($"the pattern matches \"{s}\"");
        }
        labels.Should().BeGreaterThan(20, "the inputs must exercise the label pattern");
        titles.Should().BeGreaterThan(10, "the inputs must exercise the 'as' pattern");
        addresses.Should().BeGreaterThan(5, "the inputs must exercise the address pattern");
    }

    [Fact]
    public void A_wrapped_open_range_ends_in_the_dash_the_pre_check_looks_for()
    {
        int open = 0;
        foreach (var t in All().Select(s => s.TrimEnd()))
            if (ColumnTables.OpenRange().IsMatch(t) && ++open > 0) t[^1].Should().BeOneOf('-', '–', '—', '~', '至', '到');
        open.Should().BeGreaterThan(20, "the inputs must exercise the pattern");
    }

    [Fact]
    public void The_ascii_word_separators_are_the_separators_among_ascii_characters()
    {
        for (char c = '\0'; c < '\u0080'; c++)
            LanguageDetector.AsciiSeparators.Contains(c).Should().Be(LanguageDetector.Separators.Contains(c), $"U+{(int)c:X4}");
    }

    [Fact]
    public void Skill_mentions_are_what_trying_every_name_at_every_word_start_gives()
    {
        var dictionary = new SkillDictionary();
        var random = new Random(3);
        var names = dictionary.Names;
        var lines = Handmade.Concat(Generated().Take(300)).Concat(Enumerable.Range(0, 400).Select(_ =>
            string.Join(random.Next(2) == 0 ? ", " : " ", Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(3) == 0
                ? Pieces[random.Next(Pieces.Length)] : names[random.Next(names.Count)] + (random.Next(4) == 0 ? Pieces[random.Next(Pieces.Length)] : "")))));
        int mentioned = 0;
        foreach (var line in lines)
        {
            var expected = new List<string>();
            for (int at = 0; at < line.Length; at++)
            {
                if (at > 0 && SkillDictionary.IsWordChar(line[at - 1])) continue;
                foreach (var name in names.Where(n => n.Length > 2))
                {
                    int end = at + name.Length;
                    if (end > line.Length || string.CompareOrdinal(line, at, name, 0, name.Length) != 0) continue;
                    bool right = end >= line.Length || !SkillDictionary.IsWordChar(line[end]) || (line[end] == '.' && (end + 1 >= line.Length || !char.IsLetter(line[end + 1])));
                    if (right && !expected.Contains(name)) expected.Add(name);
                }
            }
            dictionary.Mentions(line).Should().Equal(expected, line);
            mentioned += expected.Count;
        }
        mentioned.Should().BeGreaterThan(300, "the inputs must name skills");
    }

    [Fact]
    public void A_line_the_split_test_passes_over_is_one_item_at_most()
    {
        int skipped = 0;
        foreach (var s in All())
            if (!ListItems.MaySplit(s) && ++skipped > 0) ListItems.Split(ListItems.StripPrefix(s)).Count.Should().BeLessThanOrEqualTo(1, s);
        skipped.Should().BeGreaterThan(100, "the inputs must exercise the test");
    }

    [Fact]
    public void The_name_clean_up_patterns_need_what_their_pre_checks_look_for()
    {
        var names = new[] { "Jane Roe", "JANE ROEFeatured Resume", "Jordan Ellery (she/her)", "Jane Roe, page 2 of 3", "Jane Roe – Resume",
            "Jane Roe | CV", "Dr. Helena Marquardt", "Prof. Dr. Jan Roth", "Kofi Mensah-Boateng | Data Engineer", "Ana Ruiz — ana@example.org",
            "John.Smith", "john_smith", "Omar FennPremium CV", "Ana Ruiz · they/them", "Max Muster, Lebenslauf", "Mx. Sam Lee" };
        int matched = 0;
        foreach (var s in All().Concat(names).Concat(names.SelectMany(n => Pieces.Select(p => n + p))))
        {
            if (ContactPatterns.GluedLabel().IsMatch(s) && ++matched > 0) s.AsSpan().ContainsAny(NameExtractor.GluedLabelWords).Should().BeTrue(s);
            if (NameExtractor.Pronouns().IsMatch(s) && ++matched > 0) s.Should().Contain("/");
            if (NameExtractor.PageOrDocumentTail().IsMatch(s) && ++matched > 0) s.AsSpan().ContainsAny(NameExtractor.TailSeparators).Should().BeTrue(s);
            if (NameExtractor.Honorific().IsMatch(s) && ++matched > 0) s.Should().Contain(".");
            if (NameExtractor.NameThenMore().IsMatch(s) && ++matched > 0) s.AsSpan().ContainsAny(NameExtractor.HeadlineSeparators).Should().BeTrue(s);
            if (NameExtractor.DottedName().IsMatch(s) && ++matched > 0) s.AsSpan().ContainsAny('.', '_').Should().BeTrue(s);
        }
        matched.Should().BeGreaterThan(100, "the inputs must exercise the patterns");
    }

    [Fact]
    public void Answers_kept_for_a_document_are_the_answers_computed_afresh()
    {
        ParseMemo.Forget();
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var s in All().Take(1500))
            {
                JobTitles.TitleScore(s).Should().Be(JobTitles.ComputeTitleScore(s), s);
                JobTitles.CompanyScore(s).Should().Be(JobTitles.ComputeCompanyScore(s), s);
                NameExtractor.Clean(s).Should().Be(NameExtractor.ComputeClean(s), s);
                EntrySegmenter.IsBody(s).Should().Be(EntrySegmenter.ComputeIsBody(s), s);
                DegreeLevelClassifier.IsInstitution(s).Should().Be(DegreeLevelClassifier.ComputeIsInstitution(s), s);
                DegreeLevelClassifier.Level(s).Should().Be(string.IsNullOrWhiteSpace(s) ? null : DegreeLevelClassifier.ComputeLevel(s), s);
            }
            // The second pass reads what the first kept, except after a new document.
            if (pass == 0) continue;
            ParseMemo.Forget();
        }
    }

    [Fact]
    public void Date_ranges_kept_for_a_document_depend_on_the_reading_direction()
    {
        // The same line read left to right and right to left (a Hebrew document) gives different ranges; the kept answer
        // for one direction must never be handed out for the other.
        string[] lines = ["2021 – 2018", "Jan 2019 - Mar 2021", "2015-2017 Engineer", "היום – 2019", "no year here", "’19 – ’21"];
        var fresh = new List<(IReadOnlyList<DateRange> Ltr, IReadOnlyList<DateRange> Rtl)>();
        foreach (var line in lines)
        {
            ParseMemo.Forget();
            var ltr = DateParser.FindRanges(line);
            ParseMemo.Forget();
            fresh.Add((ltr, DateParser.FindRanges(line, rightToLeft: true)));
        }
        fresh[0].Ltr.Should().NotBeEquivalentTo(fresh[0].Rtl, "the test needs a line whose two readings differ");

        ParseMemo.Forget();
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < lines.Length; i++)
            {
                // Alternate which direction is asked first, so each is asked while the other's answer is kept.
                if ((i + pass) % 2 == 0) DateParser.FindRanges(lines[i], rightToLeft: true).Should().BeEquivalentTo(fresh[i].Rtl, lines[i]);
                DateParser.FindRanges(lines[i]).Should().BeEquivalentTo(fresh[i].Ltr, lines[i]);
                DateParser.FindRanges(lines[i], rightToLeft: true).Should().BeEquivalentTo(fresh[i].Rtl, lines[i]);
            }
    }
}
