using AtsParser.Core.Documents;

namespace AtsParser.Core.Parsing.Output;

/// <summary>The optional views of a parse result: ?redact=true (anonymised, with the masked spans listed) and ?format=jsonresume.</summary>
public static class ResultViews
{
    public const string JsonResumeFormat = "jsonresume";

    public static void Validate(string? format)
    {
        if (format is not null && !format.Equals(JsonResumeFormat, StringComparison.OrdinalIgnoreCase) && !format.Equals("schema", StringComparison.OrdinalIgnoreCase))
            throw new DocumentException(ErrorCodes.BadRequest, $"Unknown format '{format}': use 'jsonresume', or leave it out for schema v1");
    }

    public static ParseResult Apply(ParseResult result, bool redact, string? format)
    {
        if (redact)
        {
            var redactor = new Redactor(result.Resume ?? new Resume());
            var redactions = new List<Redaction>();
            Resume? masked = null;
            if (result.Resume is { } resume) (masked, redactions) = redactor.Apply(resume);
            var extraction = result.Extraction.Text is { } text ? result.Extraction with { Text = redactor.Apply(text, "extraction.text", redactions) } : result.Extraction;
            result = result with { Resume = masked, Extraction = extraction, Redactions = redactions };
        }
        if (string.Equals(format, JsonResumeFormat, StringComparison.OrdinalIgnoreCase) && result.Resume is { } r)
            result = result with { Resume = null, JsonResume = JsonResumeRenderer.Render(r) };
        return result;
    }
}
