using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Evaluation;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>
/// One short resume per heading language (issue 10): two jobs, schools, skills, languages and a certification, with the
/// language's own date words. Every person, company and school is invented.
/// </summary>
public class ExamLanguageTests
{
    static string N(string? s) => Matching.Text(s);

    public sealed record Expected(
        string Name, string Phone, (string Title, string Employer, string Start, bool Current)[] Jobs,
        (string Degree, string School)[] Schools, string[] Skills, string[] Languages, string[] Certifications);

    public static TheoryData<string, string> Resumes => new()
    {
        { "en", """
            Maren Holloway
            maren.holloway@example.org | +44 7911 123456 | Leeds, UK
            Work Experience
            Logistics Coordinator, Brindle Freight Ltd, Leeds
            Mar 2021 – Present
            - Planned routes.
            Warehouse Assistant, Copperfield Stores
            Jun 2017 – Feb 2021
            - Picked orders.
            Education
            BSc Business Management, University of Harrowfield, 2017
            Skills
            Excel, SAP, Forklift operation
            Languages
            English (native), French (B2)
            Certifications
            Certified Supply Chain Professional (CSCP), 2022
            """ },
        { "de", """
            Jonas Kellerhoff
            jonas.kellerhoff@example.org | +49 151 23456789 | Leipzig
            Berufserfahrung
            03/2020 – heute
            Projektleiter, Brennwald Bau GmbH, Leipzig
            - Baustellen geleitet.
            09/2016 – 02/2020
            Bauingenieur, Steinfurt Planung AG, Dresden
            - Statik berechnet.
            Ausbildung
            Master of Science Bauingenieurwesen, Technische Universität Elsterbrück, 2016
            Kenntnisse
            AutoCAD, Revit, MS Project
            Sprachen
            Deutsch (Muttersprache), Englisch (C1)
            Zertifikate
            PMP – Project Management Professional, 2021
            """ },
        { "fr", """
            Camille Dorvaux
            camille.dorvaux@example.org | +33 6 12 34 56 78 | Lyon
            Expérience professionnelle
            Septembre 2019 – aujourd'hui
            Chargée de communication, Lumiane SAS, Lyon
            - Campagnes numériques.
            Janvier 2016 – Août 2019
            Assistante marketing, Verdelle SARL, Grenoble
            - Événements.
            Formation
            Master Communication, Université de Valmorin, 2015
            Compétences
            Photoshop, WordPress, Google Analytics
            Langues
            Français (langue maternelle), Anglais (C1)
            Certifications
            Google Analytics Individual Qualification, 2020
            """ },
        { "es", """
            Lucía Ferrándiz
            lucia.ferrandiz@example.org | +34 612 345 678 | Valencia
            Experiencia laboral
            Desde marzo 2020
            Analista de Datos, Olmedo Seguros S.A., Valencia
            - Modelos de riesgo.
            Enero 2017 – Febrero 2020
            Técnico de Soporte, Redes Baeza S.L., Alicante
            - Soporte a usuarios.
            Educación
            Grado en Estadística, Universidad de Valcarce, 2016
            Habilidades
            Python, SQL, Power BI
            Idiomas
            Español (nativo), Inglés (B2)
            Certificaciones
            Microsoft Certified: Power BI Data Analyst Associate, 2021
            """ },
        { "pt", """
            Rafael Monteverde
            rafael.monteverde@example.org | +55 11 98765-4321 | São Paulo
            Experiência Profissional
            Abril de 2019 – atualmente
            Gerente de Projetos, Construtora Ipanema Ltda., São Paulo
            - Obras residenciais.
            Fevereiro de 2015 – Março de 2019
            Engenheiro Civil, Tavares Engenharia S.A., Campinas
            - Orçamentos.
            Formação Acadêmica
            Bacharelado em Engenharia Civil, Universidade Federal de Serra Alta, 2014
            Competências
            AutoCAD, MS Project, Excel
            Idiomas
            Português (nativo), Inglês (avançado)
            Certificações
            PMP – Project Management Professional, 2020
            """ },
        { "he", """
            נועה ברקוביץ
            noa.b@example.org | 052-555-1234 | תל אביב
            ניסיון תעסוקתי
            מנהלת מוצר, אופק מערכות בע"מ
            מרץ 2020 - היום
            - ניהול מוצר.
            אנליסטית נתונים, גפן תקשורת בע"מ
            ינואר 2017 - פברואר 2020
            - דוחות.
            השכלה
            תואר ראשון במדעי המחשב, אוניברסיטת הגליל המערבי, 2016
            כישורים
            SQL, Python, Jira
            שפות
            עברית (שפת אם), אנגלית (רמה גבוהה)
            הסמכות
            Certified Scrum Product Owner (CSPO), 2021
            """ },
        { "zh", """
            陈晓雯
            chen.xiaowen@example.org | 138 0013 8000 | 上海
            工作经历
            2020.03 - 至今  上海星澜科技有限公司  产品经理
            - 负责产品规划。
            2016.07 - 2020.02  南京远航信息技术有限公司  测试工程师
            - 编写测试用例。
            教育背景
            2012.09 - 2016.06  江临大学  计算机科学与技术  本科
            专业技能
            Python, SQL, Axure
            语言能力
            中文（母语），英语（CET-6）
            证书
            PMP项目管理专业人士资格认证, 2021
            """ },
    };

    static readonly Dictionary<string, Expected> Keys = new()
    {
        ["en"] = new("Maren Holloway", "+447911123456",
            [("Logistics Coordinator", "Brindle Freight Ltd", "2021-03", true), ("Warehouse Assistant", "Copperfield Stores", "2017-06", false)],
            [("BSc Business Management", "University of Harrowfield")], ["Excel", "SAP", "Forklift operation"], ["en", "fr"],
            ["Certified Supply Chain Professional (CSCP)"]),
        ["de"] = new("Jonas Kellerhoff", "+4915123456789",
            [("Projektleiter", "Brennwald Bau GmbH", "2020-03", true), ("Bauingenieur", "Steinfurt Planung AG", "2016-09", false)],
            [("Master of Science Bauingenieurwesen", "Technische Universität Elsterbrück")], ["AutoCAD", "Revit", "MS Project"], ["de", "en"],
            ["PMP – Project Management Professional"]),
        ["fr"] = new("Camille Dorvaux", "+33612345678",
            [("Chargée de communication", "Lumiane SAS", "2019-09", true), ("Assistante marketing", "Verdelle SARL", "2016-01", false)],
            [("Master Communication", "Université de Valmorin")], ["Photoshop", "WordPress", "Google Analytics"], ["fr", "en"],
            ["Google Analytics Individual Qualification"]),
        ["es"] = new("Lucía Ferrándiz", "+34612345678",
            [("Analista de Datos", "Olmedo Seguros S.A.", "2020-03", true), ("Técnico de Soporte", "Redes Baeza S.L.", "2017-01", false)],
            [("Grado en Estadística", "Universidad de Valcarce")], ["Python", "SQL", "Power BI"], ["es", "en"],
            ["Microsoft Certified: Power BI Data Analyst Associate"]),
        ["pt"] = new("Rafael Monteverde", "+5511987654321",
            [("Gerente de Projetos", "Construtora Ipanema Ltda.", "2019-04", true), ("Engenheiro Civil", "Tavares Engenharia S.A.", "2015-02", false)],
            [("Bacharelado em Engenharia Civil", "Universidade Federal de Serra Alta")], ["AutoCAD", "MS Project", "Excel"], ["pt", "en"],
            ["PMP – Project Management Professional"]),
        ["he"] = new("נועה ברקוביץ", "+972525551234",
            [("מנהלת מוצר", "אופק מערכות בע\"מ", "2020-03", true), ("אנליסטית נתונים", "גפן תקשורת בע\"מ", "2017-01", false)],
            [("תואר ראשון במדעי המחשב", "אוניברסיטת הגליל המערבי")], ["SQL", "Python", "Jira"], ["he", "en"],
            ["Certified Scrum Product Owner (CSPO)"]),
        ["zh"] = new("陈晓雯", "+8613800138000",
            [("产品经理", "上海星澜科技有限公司", "2020-03", true), ("测试工程师", "南京远航信息技术有限公司", "2016-07", false)],
            [("本科", "江临大学")], ["Python", "SQL", "Axure"], ["zh", "en"],
            ["PMP项目管理专业人士资格认证"]),
    };

    static Resume Of(string text) => Parse(text.Replace("\r", ""));

    [Theory, MemberData(nameof(Resumes))]
    public void The_name_and_phone_come_out_in_every_language(string lang, string text)
    {
        var r = Of(text);
        var key = Keys[lang];
        (N(r.Candidate.Name?.Raw), r.Candidate.Phones.Select(p => p.E164).FirstOrDefault()).Should().Be((N(key.Name), key.Phone));
    }

    [Theory, MemberData(nameof(Resumes))]
    public void Both_jobs_come_out_with_title_employer_start_and_current_in_every_language(string lang, string text) =>
        Of(text).WorkExperience.Select(j => (N(j.Title), N(j.Employer), j.Start?.Iso, j.IsCurrent))
            .Should().Equal(Keys[lang].Jobs.Select(j => (N(j.Title), N(j.Employer), (string?)j.Start, j.Current)));

    [Theory, MemberData(nameof(Resumes))]
    public void The_school_comes_out_with_degree_and_institution_in_every_language(string lang, string text) =>
        Of(text).Education.Select(e => (N(e.Degree), N(e.Institution)))
            .Should().Equal(Keys[lang].Schools.Select(s => (N(s.Degree), N(s.School))));

    [Theory, MemberData(nameof(Resumes))]
    public void The_skills_section_gives_its_skills_in_every_language(string lang, string text) =>
        Of(text).Skills.Where(s => s.Sources.Contains("skills")).Select(s => N(s.Raw))
            .Should().BeEquivalentTo(Keys[lang].Skills.Select(N));

    [Theory, MemberData(nameof(Resumes))]
    public void The_spoken_languages_come_out_in_every_language(string lang, string text) =>
        Of(text).Languages.Select(l => l.Code).Should().BeEquivalentTo(Keys[lang].Languages);

    [Theory, MemberData(nameof(Resumes))]
    public void The_certification_comes_out_in_every_language(string lang, string text) =>
        Of(text).Certifications.Select(c => N(c.Name)).Should().BeEquivalentTo(Keys[lang].Certifications.Select(N));

    // ---- the same languages in a second layout: employer first, date words inside the line, right-to-left ranges ----

    [Theory]
    [InlineData("Berufserfahrung\nBrennwald Bau GmbH, Leipzig\nProjektleiter | seit März 2020\n- Baustellen geleitet.\nSteinfurt Planung AG\nBauingenieur | Sept. 2016 – Feb. 2020\nAusbildung\nDiplom-Ingenieur (FH), Hochschule Elsterbrück, 2016",
        "Projektleiter|Brennwald Bau GmbH|2020-03|True;Bauingenieur|Steinfurt Planung AG|2016-09|False")]
    [InlineData("Expérience professionnelle\nLumiane SAS — Chargée de communication\nDepuis septembre 2019\nVerdelle SARL — Assistante marketing\nDe janvier 2016 à août 2019\nFormation\nLicence Information-Communication, Université de Valmorin, 2015",
        "Chargée de communication|Lumiane SAS|2019-09|True;Assistante marketing|Verdelle SARL|2016-01|False")]
    [InlineData("Experiencia profesional\nOlmedo Seguros S.A. | Analista de Datos | mar. 2020 – actualidad\nRedes Baeza S.L. | Técnico de Soporte | ene. 2017 – feb. 2020\nFormación académica\nGrado en Estadística, Universidad de Valcarce, 2016",
        "Analista de Datos|Olmedo Seguros S.A.|2020-03|True;Técnico de Soporte|Redes Baeza S.L.|2017-01|False")]
    [InlineData("Experiência Profissional\nConstrutora Ipanema Ltda. – Gerente de Projetos\n04/2019 – o momento\nTavares Engenharia S.A. – Engenheiro Civil\n02/2015 – 03/2019\nFormação Acadêmica\nBacharelado em Engenharia Civil, Universidade Federal de Serra Alta, 2014",
        "Gerente de Projetos|Construtora Ipanema Ltda.|2019-04|True;Engenheiro Civil|Tavares Engenharia S.A.|2015-02|False")]
    [InlineData("ניסיון תעסוקתי\nהיום - 03/2020\nמנהלת מוצר, אופק מערכות בע\"מ\n02/2020 - 01/2017\nאנליסטית נתונים, גפן תקשורת בע\"מ\nהשכלה\nתואר ראשון במדעי המחשב, אוניברסיטת הגליל המערבי, 2016",
        "מנהלת מוצר|אופק מערכות בע\"מ|2020-03|True;אנליסטית נתונים|גפן תקשורת בע\"מ|2017-01|False")]
    [InlineData("工作经历\n上海星澜科技有限公司\n产品经理  2020年3月 - 至今\n南京远航信息技术有限公司\n测试工程师  2016年7月 - 2020年2月\n教育背景\n江临大学  计算机科学与技术  本科  2012 - 2016",
        "产品经理|上海星澜科技有限公司|2020-03|True;测试工程师|南京远航信息技术有限公司|2016-07|False")]
    [InlineData("Experience\nBrindle Freight Ltd — Leeds, UK\nLogistics Coordinator · Mar 2021 – Present\nCopperfield Stores — York, UK\nWarehouse Assistant · Jun 2017 – Feb 2021\nEducation\nBSc Business Management, University of Harrowfield, 2017",
        "Logistics Coordinator|Brindle Freight Ltd|2021-03|True;Warehouse Assistant|Copperfield Stores|2017-06|False")]
    public void Employer_first_layouts_with_date_words_give_both_jobs(string section, string expected) =>
        Parse("Alex Morrow\nalex@example.org\n" + section).WorkExperience.Select(j => $"{N(j.Title)}|{N(j.Employer)}|{j.Start?.Iso}|{j.IsCurrent}")
            .Should().Equal(expected.Split(';').Select(e => e.Split('|')).Select(e => $"{N(e[0])}|{N(e[1])}|{e[2]}|{e[3]}"));

    [Theory]
    [InlineData("ניסיון תעסוקתי\nמנהלת מוצר, אופק מערכות בע\"מ\nמרץ 2020 - היום\nאנליסטית נתונים, גפן תקשורת בע\"מ\nינואר 2017 - פברואר 2020", "2020-03|;2017-01|2020-02")]
    [InlineData("ניסיון תעסוקתי\nמנהלת מוצר, אופק מערכות בע\"מ\nספטמבר 2019 – נובמבר 2021\nאנליסטית נתונים, גפן תקשורת בע\"מ\nאוגוסט 2016 – יולי 2019", "2019-09|2021-11;2016-08|2019-07")]
    [InlineData("Berufserfahrung\nProjektleiter, Brennwald Bau GmbH\nseit 03/2020\nBauingenieur, Steinfurt Planung AG\n09/2016 – 02/2020", "2020-03|;2016-09|2020-02")]
    [InlineData("Experiencia\nAnalista de Datos, Olmedo Seguros S.A.\ndesde 2020\nTécnico de Soporte, Redes Baeza S.L.\n2017 – 2020", "2020|;2017|2020")]
    [InlineData("Experiência\nGerente de Projetos, Construtora Ipanema Ltda.\nabr/2019 – atualmente\nEngenheiro Civil, Tavares Engenharia S.A.\nfev/2015 – mar/2019", "2019-04|;2015-02|2019-03")]
    [InlineData("Expérience\nChargée de communication, Lumiane SAS\nsept. 2019 – aujourd'hui\nAssistante marketing, Verdelle SARL\njanv. 2016 – août 2019", "2019-09|;2016-01|2019-08")]
    [InlineData("工作经历\n产品经理, 上海星澜科技有限公司\n2020年03月 - 至今\n测试工程师, 南京远航信息技术有限公司\n2016年07月 - 2020年02月", "2020-03|;2016-07|2020-02")]
    public void Date_words_give_start_and_open_end_in_every_language(string section, string expected) =>
        Parse("Alex Morrow\nalex@example.org\n" + section).WorkExperience.Select(j => $"{j.Start?.Iso}|{(j.IsCurrent ? "" : j.End?.Iso)}")
            .Should().Equal(expected.Split(';'));

    // ---- other heading words for languages, certifications and skills ----

    [Theory]
    [InlineData("Sprachkenntnisse\nDeutsch – Muttersprache\nEnglisch – verhandlungssicher\nFranzösisch – Grundkenntnisse", "de|en|fr")]
    [InlineData("Compétences linguistiques\nFrançais : langue maternelle\nAnglais : courant\nEspagnol : notions", "fr|en|es")]
    [InlineData("Idiomas\nEspañol: nativo\nInglés: avanzado (C1)\nPortugués: intermedio", "es|en|pt")]
    [InlineData("Idiomas\nPortuguês – Nativo\nInglês – Fluente\nEspanhol – Intermediário", "pt|en|es")]
    [InlineData("שפות\nעברית – שפת אם\nאנגלית – רמה גבוהה\nרוסית – בסיסית", "he|en|ru")]
    [InlineData("语言能力\n普通话：母语\n英语：流利（雅思 7.5）\n日语：基础", "zh|en|ja")]
    [InlineData("Languages\nEnglish – Native | Spanish – Fluent | Mandarin – Conversational", "en|es|zh")]
    public void Language_sections_give_their_languages(string section, string codes) =>
        Parse("Alex Morrow\nalex@example.org\n" + section + "\nSkills\nExcel").Languages.Select(l => l.Code).Should().BeEquivalentTo(codes.Split('|'));

    [Theory]
    [InlineData("Weiterbildungen & Zertifikate\n2021 – ITIL 4 Foundation\n2019 – Scrum Master (PSM I)", "ITIL 4 Foundation|Scrum Master (PSM I)")]
    [InlineData("Certificados\nAWS Certified Solutions Architect – Associate (2022)\nCertificado Profesional en Análisis de Datos (2020)", "AWS Certified Solutions Architect – Associate|Certificado Profesional en Análisis de Datos")]
    [InlineData("Cursos e Certificações\nPMP – Project Management Professional (2020)\nLean Six Sigma Green Belt (2018)", "PMP – Project Management Professional|Lean Six Sigma Green Belt")]
    [InlineData("תעודות והסמכות\nCCNA, 2019\nקורס ניהול פרויקטים, 2017", "CCNA|קורס ניהול פרויקטים")]
    [InlineData("资格证书\n2019  PMP项目管理专业人士资格认证\n2017  注册会计师（CPA）", "PMP项目管理专业人士资格认证|注册会计师（CPA）")]
    [InlineData("Certifications\n• Certified Kubernetes Administrator (CKA), The Linux Foundation, 2023\n• Microsoft Certified: Azure Fundamentals, 2021", "Certified Kubernetes Administrator (CKA)|Microsoft Certified: Azure Fundamentals")]
    public void Certification_sections_give_their_certifications(string section, string names) =>
        Parse("Alex Morrow\nalex@example.org\n" + section + "\nSkills\nExcel").Certifications.Select(c => N(c.Name)).Should().BeEquivalentTo(names.Split('|').Select(N));

    [Theory]
    [InlineData("IT-Kenntnisse\nSAP S/4HANA, MS Excel, Power BI", "SAP S/4HANA|MS Excel|Power BI")]
    [InlineData("Compétences techniques\nLogiciels : Photoshop, Illustrator, InDesign", "Photoshop|Illustrator|InDesign")]
    [InlineData("Conocimientos informáticos\nPython · SQL · Tableau", "Python|SQL|Tableau")]
    [InlineData("Habilidades Técnicas\nExcel; SAP; AutoCAD", "Excel|SAP|AutoCAD")]
    [InlineData("מיומנויות טכניות\nPython, SQL, Excel", "Python|SQL|Excel")]
    [InlineData("技能\nJava、MySQL、Redis", "Java|MySQL|Redis")]
    public void Skill_headings_in_every_language_give_their_skills(string section, string skills) =>
        Parse("Alex Morrow\nalex@example.org\n" + section + "\nEducation\nBSc Biology, University of Kestwick, 2009").Skills.Where(s => s.Sources.Contains("skills"))
            .Select(s => N(s.Raw)).Should().BeEquivalentTo(skills.Split('|').Select(N));
}
