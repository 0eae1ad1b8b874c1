using AtsParser.Core.Parsing.Compaction;
using FsCheck;
using FsCheck.Fluent;
using FluentAssertions;
using Xunit;

namespace AtsParser.Tests.Parsing.Compaction;

public sealed class CompactionPropertyTests
{
    static readonly string[] Protected =
    [
        "jane.roe@example.org", "Tel: +49 30 1234567", "github.com/janeroe", "03/2018 - heute", "Jan 2020 – Present", "2015 (Expected)",
        "EXPERIENCE", "Berufserfahrung", "Formación académica", "SKILLS", "Since 2017",
    ];

    static readonly string[] Filler =
    [
        "Built a data pipeline for reporting", "Mentored two junior developers in the team", "Hobbies include chess and running",
        "References available upon request", "Worked closely with product managers", "- Improved test coverage", "Page 2 of 3", "",
    ];

    [Fact]
    public void Every_protected_line_survives_any_budget_and_any_page_layout()
    {
        var line = Gen.OneOf(Gen.Elements(Protected), Gen.Elements(Filler));
        var page = Gen.ListOf(line).Select(l => string.Join("\n", l));
        var doc = Gen.ListOf(page).Select(p => string.Join("\f", p));
        var budget = Gen.Choose(0, 3000);

        Prop.ForAll(doc.ToArbitrary(), budget.ToArbitrary(), (text, max) =>
        {
            var compacted = TextCompactor.Compact(text, max, 4).Text;
            var kept = compacted.Split('\n').ToHashSet();
            return Protected.Where(p => text.Split('\n', '\f').Contains(p)).All(kept.Contains);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_same_text_and_budget_give_the_same_result()
    {
        Prop.ForAll(Gen.ListOf(Gen.Elements(Filler.Concat(Protected).ToArray())).Select(l => string.Join("\n", l)).ToArbitrary(), text =>
            TextCompactor.Compact(text, 500, 4) == TextCompactor.Compact(text, 500, 4)).QuickCheckThrowOnFailure();
    }
}
