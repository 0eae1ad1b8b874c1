namespace AtsParser.Synth;

/// <summary>
/// What changes with the document language: headings, month words, "present", the "at" word, places, phone
/// formats, legal forms, school and degree patterns, and the words titles are made of. Company, school and most
/// title words are invented (see <see cref="Inventions"/>), so the set tests structure, not vocabulary lookup.
/// </summary>
public sealed record Locale
{
    public required string Code { get; init; }
    public required string[] ExperienceHeadings { get; init; }
    public required string[] EducationHeadings { get; init; }
    public required string[] SkillsHeadings { get; init; }
    public required string LanguagesHeading { get; init; }
    public required string CertificationsHeading { get; init; }
    public required string ProfileHeading { get; init; }
    public required string[] MonthsShort { get; init; }
    public required string[] MonthsLong { get; init; }
    public required string[] Present { get; init; }
    /// <summary>"Title at Company" in this language.</summary>
    public required string At { get; init; }
    public required string[] Cities { get; init; }
    public required string Country { get; init; }
    /// <summary>Phone patterns: '#' is a random digit.</summary>
    public required string[] Phones { get; init; }
    public required string[] EmailDomains { get; init; }
    public required string[] FirstNames { get; init; }
    public required string[] LastNames { get; init; }
    public required string[] LegalForms { get; init; }
    public required string[] Industries { get; init; }
    /// <summary>School patterns: '{0}' is an invented place name.</summary>
    public required string[] Schools { get; init; }
    /// <summary>Degree patterns: '{0}' is a field of study.</summary>
    public required string[] Degrees { get; init; }
    public required string[] Fields { get; init; }
    /// <summary>Title patterns: '{0}' is a domain.</summary>
    public required string[] Titles { get; init; }
    public required string[] Domains { get; init; }
    public required string[] Skills { get; init; }
    public required string[] SpokenLanguages { get; init; }
    public required string[] Certifications { get; init; }
    public required string[] Summaries { get; init; }
    public required string[] TableHeader { get; init; }
    public required string[] Bullets { get; init; }
    /// <summary>Right-to-left script: paragraphs are written with w:bidi, runs with w:rtl.</summary>
    public bool RightToLeft { get; init; }
    /// <summary>Family name first and no space between the names ("林思远").</summary>
    public bool FamilyNameFirst { get; init; }
    /// <summary>Latin spellings of names in other scripts, for e-mail and URL handles.</summary>
    public IReadOnlyDictionary<string, string> Latin { get; init; } = new Dictionary<string, string>();
    /// <summary>What joins words of a company name: nothing in Chinese.</summary>
    public string WordGap { get; init; } = " ";
}
