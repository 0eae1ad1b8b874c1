using AtsParser.Core.Extraction;

namespace AtsParser.Core.Parsing.Compaction;

/// <summary>
/// Section headings in English, German, French, Spanish, Portuguese (plus common Chinese and Hebrew ones), and
/// the order in which compaction gives sections up when the text is over budget: the highest number goes first.
/// </summary>
public static class SectionHeadings
{
    public const string Experience = "experience", Education = "education", Skills = "skills", Summary = "summary",
        Certifications = "certifications", Languages = "languages", Projects = "projects", Awards = "awards",
        Publications = "publications", Personal = "personal", Interests = "interests", References = "references",
        Declaration = "declaration", Other = "other";

    public static int CutPriority(string category) => category switch
    {
        Experience => 1, Education => 2, Skills => 3, Summary => 4, Certifications or Languages => 5, Projects => 6,
        Awards or Publications or Other => 7, Personal => 8, _ => 9,
    };

    static readonly (string Category, string[] Words)[] Vocabulary =
    [
        (Experience, ["experience", "work experience", "professional experience", "employment", "employment history", "work history", "career history",
            "professional background", "internships", "internship", "research experience", "teaching experience",
            "berufserfahrung", "beruflicher werdegang", "berufspraxis", "praktika", "experiencia", "experiencia laboral", "experiencia profesional",
            "experience professionnelle", "experiences professionnelles", "parcours professionnel", "experiencia profissional", "experiencia de trabalho",
            "工作经历", "工作经验", "实习经历", "ניסיון תעסוקתי", "ניסיון מקצועי"]),
        (Education, ["education", "academic background", "academics", "academic qualifications", "educational qualifications", "qualifications",
            "ausbildung", "bildungsweg", "studium", "schulbildung", "educacion", "formacion", "formacion academica", "estudios",
            "formation", "formation academique", "etudes", "formacao", "formacao academica", "escolaridade", "教育背景", "教育经历", "השכלה"]),
        (Skills, ["skills", "technical skills", "key skills", "it skills", "core competencies", "competencies", "technologies", "tools", "expertise",
            "kenntnisse", "fahigkeiten", "edv-kenntnisse", "it-kenntnisse", "sonstige kenntnisse", "habilidades", "conocimientos", "aptitudes",
            "competences", "competencias", "competencias tecnicas", "技能", "专业技能", "it 技能", "כישורים"]),
        (Summary, ["summary", "profile", "professional summary", "career objective", "objective", "about me", "about", "profil", "kurzprofil",
            "perfil", "perfil profesional", "resumen", "sobre mim", "objetivo", "个人简介", "自我评价"]),
        (Certifications, ["certifications", "certificates", "certification", "licenses", "courses", "training", "zertifikate", "weiterbildung",
            "certificaciones", "cursos", "certificats", "certificacoes", "证书"]),
        (Languages, ["languages", "language skills", "sprachen", "sprachkenntnisse", "idiomas", "langues", "语言", "שפות"]),
        (Projects, ["projects", "personal projects", "academic projects", "projekte", "proyectos", "projets", "projetos", "项目经历", "项目经验"]),
        (Awards, ["awards", "honors", "honours", "achievements", "awards and honors", "auszeichnungen", "premios", "logros", "distinctions", "premios e reconhecimentos", "获奖", "荣誉"]),
        (Publications, ["publications", "papers", "veroffentlichungen", "publicaciones", "publicacoes"]),
        (Personal, ["personal details", "personal information", "personal data", "personal profile", "persönliche daten", "personliche daten",
            "datos personales", "informations personnelles", "dados pessoais", "个人信息", "个人资料"]),
        (Interests, ["interests", "hobbies", "activities", "extracurricular activities", "interessen", "hobbys", "intereses", "aficiones",
            "centres d'interet", "loisirs", "interesses", "兴趣爱好"]),
        (References, ["references", "referees", "referenzen", "referencias", "references professionnelles", "referencias profissionais"]),
        (Declaration, ["declaration", "erklarung", "declaracion", "declaracao"]),
    ];

    static readonly Dictionary<string, string> Exact = Vocabulary.SelectMany(v => v.Words.Select(w => (w, v.Category)))
        .GroupBy(x => x.w).ToDictionary(g => g.Key, g => g.First().Category);

    /// <summary>The category of a heading line, "other" for an unknown short all-caps line, null for a body line.</summary>
    public static string? Classify(string line)
    {
        var t = line.Trim().TrimEnd(':', '：', '.', ' ').Trim('-', '–', '—', '_', '=', '*', '#', '|', ' ');
        if (t.Length is < 2 or > 48) return null;
        var key = LinePatterns.Key(t).Replace('&', ' ').Replace(" and ", " ").Replace("  ", " ").Trim();
        if (Exact.TryGetValue(key, out var category)) return category;
        // "Professional Experience & Internships", "Technical Skills / Tools": a heading word among at most three words.
        var words = key.Split([' ', '/', ',', '|'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= 3)
            foreach (var (cat, vocab) in Vocabulary)
                if (vocab.Any(v => !v.Contains(' ') && words.Contains(v))) return cat;
        bool letters = t.Any(char.IsLetter), digits = t.Any(char.IsDigit);
        if (letters && !digits && words.Length <= 5 && t.Count(char.IsLetter) >= 4 && t.Where(char.IsLetter).All(char.IsUpper) && !t.Contains('@')) return Other;
        return null;
    }
}
