using AtsParser.Core.Parsing;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>
/// One short resume per heading language, end to end: jobs (title, employer, dates), schools (degree, institution) and
/// skills are found, and no heading is ever taken as a title, degree or skill. Every name here is invented.
/// </summary>
public class HeadingLanguageTests
{
    static IEnumerable<(string? Degree, string? Institution)> Schools(Resume r) => r.Education.Select(e => (e.Degree, e.Institution));

    static void NoHeadingTaken(Resume r, params string[] headings)
    {
        var values = r.WorkExperience.SelectMany(j => new[] { j.Title, j.Employer })
            .Concat(r.Education.SelectMany(e => new[] { e.Degree, e.Institution }))
            .Concat(r.Skills.Select(s => s.Raw)).Where(v => v is not null).Select(v => v!.Trim().TrimEnd(':'));
        values.Should().NotContain(v => headings.Contains(v, StringComparer.OrdinalIgnoreCase));
    }

    static IEnumerable<string> SectionSkills(Resume r) => r.Skills.Where(s => s.Sources.Contains("skills")).Select(s => s.Raw);

    [Fact]
    public void A_German_resume_gives_jobs_schools_and_skills()
    {
        var r = Parse("""
            Jonas Kerber
            jonas.kerber@example.de | +49 170 5550123
            BERUFSERFAHRUNG
            Softwareentwickler
            Kalvendor Systeme GmbH, Hannover
            seit 03/2021
            • Entwicklung von Microservices mit Java
            Werkstudent Softwareentwicklung
            Drostel Logistik AG, Bremen
            10/2017 – 02/2021
            AUSBILDUNG
            Master of Science Informatik
            Hochschule Nordwerder
            10/2015 – 09/2017
            KENNTNISSE
            Java, Python, SQL, Docker
            SPRACHEN
            Deutsch (Muttersprache), Englisch (C1)
            ZERTIFIKATE
            AWS Certified Solutions Architect
            """);
        JobRoles(r).Should().Equal(("Softwareentwickler", "Kalvendor Systeme GmbH"), ("Werkstudent Softwareentwicklung", "Drostel Logistik AG"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[0].Start!.Iso.Should().Be("2021-03");
        r.WorkExperience[1].End!.Iso.Should().Be("2021-02");
        Schools(r).Should().Equal(("Master of Science Informatik", "Hochschule Nordwerder"));
        SectionSkills(r).Should().Contain(["Java", "Python", "SQL", "Docker"]);
        r.Languages.Select(l => l.Code).Should().Equal("de", "en");
        r.Certifications.Select(c => c.Name).Should().Equal("AWS Certified Solutions Architect");
        NoHeadingTaken(r, "Berufserfahrung", "Ausbildung", "Kenntnisse", "Sprachen", "Zertifikate");
    }

    [Fact]
    public void A_French_resume_gives_jobs_schools_and_skills()
    {
        var r = Parse("""
            Claire Dumaret
            claire.dumaret@example.fr
            Expérience professionnelle
            Cheffe de projet informatique – Valmorel Conseil SAS, Lyon
            septembre 2020 – aujourd'hui
            • Pilotage d'une équipe de six développeurs.
            Développeuse web chez Ardelline Média
            janv. 2017 – août 2020
            Formation
            Master en informatique, Université de Rivesac, 2016
            Compétences
            JavaScript, React, Gestion de projet
            Langues
            Français : langue maternelle
            Anglais : courant
            Certifications
            PMP
            """);
        JobRoles(r).Should().Equal(("Cheffe de projet informatique", "Valmorel Conseil SAS"), ("Développeuse web", "Ardelline Média"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[1].Start!.Iso.Should().Be("2017-01");
        r.WorkExperience[1].End!.Iso.Should().Be("2020-08");
        Schools(r).Should().Equal(("Master en informatique", "Université de Rivesac"));
        r.Education[0].End!.Iso.Should().Be("2016");
        SectionSkills(r).Should().Contain(["JavaScript", "React", "Gestion de projet"]);
        r.Languages.Select(l => l.Code).Should().Equal("fr", "en");
        NoHeadingTaken(r, "Expérience professionnelle", "Formation", "Compétences", "Langues", "Certifications");
    }

    [Fact]
    public void A_French_range_ending_in_present_is_current()
    {
        var r = Parse("Luc Marvel\nExpériences\nIngénieur qualité | Tervane Industries SA\n2019 – présent\nFormation\nDiplôme d'ingénieur, École des Mines de Ferval\n2014 – 2017");
        JobRoles(r).Should().Equal(("Ingénieur qualité", "Tervane Industries SA"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        Schools(r).Should().Equal(("Diplôme d'ingénieur", "École des Mines de Ferval"));
    }

    [Fact]
    public void A_Spanish_resume_gives_jobs_schools_and_skills()
    {
        var r = Parse("""
            Lucía Marterra
            lucia.marterra@example.es
            EXPERIENCIA LABORAL
            Analista de datos | Grupo Terravela S.A. | Madrid
            marzo 2021 – actualidad
            • Modelos de previsión de demanda.
            Desarrollador backend en Lunaria Tech SL
            desde 2018 hasta 2021
            FORMACIÓN ACADÉMICA
            Grado en Ingeniería Informática
            Universidad de Montalba
            2013 – 2017
            HABILIDADES
            Python, SQL, Tableau
            IDIOMAS
            Español (nativo), Inglés (B2)
            CERTIFICACIONES
            Scrum Master (PSM I)
            """);
        JobRoles(r).Should().Equal(("Analista de datos", "Grupo Terravela S.A."), ("Desarrollador backend", "Lunaria Tech SL"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[1].Start!.Iso.Should().Be("2018");
        r.WorkExperience[1].End!.Iso.Should().Be("2021");
        Schools(r).Should().Equal(("Grado en Ingeniería Informática", "Universidad de Montalba"));
        SectionSkills(r).Should().Contain(["Python", "SQL", "Tableau"]);
        r.Languages.Select(l => l.Code).Should().Equal("es", "en");
        NoHeadingTaken(r, "Experiencia laboral", "Formación académica", "Habilidades", "Idiomas", "Certificaciones");
    }

    [Fact]
    public void A_Spanish_open_range_with_desde_is_current()
    {
        var r = Parse("Pablo Ferro\nExperiencia\nJefe de almacén, Distribuciones Orvalle S.L.\ndesde enero 2022\nEducación\nLicenciatura en Administración, Universidad de Calzena, 2012");
        JobRoles(r).Should().Equal(("Jefe de almacén", "Distribuciones Orvalle S.L."));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[0].Start!.Iso.Should().Be("2022-01");
        Schools(r).Should().Equal(("Licenciatura en Administración", "Universidad de Calzena"));
    }

    [Fact]
    public void A_Portuguese_resume_gives_jobs_schools_and_skills()
    {
        var r = Parse("""
            Rafael Sequeiro
            rafael.sequeiro@example.com.br
            EXPERIÊNCIA PROFISSIONAL
            Engenheiro de Software
            Brasvelo Tecnologia Ltda. – São Paulo
            jan/2020 – atualmente
            • Desenvolvimento de APIs em Java.
            Analista de Sistemas na Itaquara Serviços S.A.
            mar/2016 – dez/2019
            FORMAÇÃO ACADÊMICA
            Bacharelado em Ciência da Computação – Universidade Federal de Porto Taval – 2015
            COMPETÊNCIAS
            Java; Spring; PostgreSQL
            IDIOMAS
            Português (nativo), Inglês (avançado)
            CERTIFICAÇÕES
            Oracle Certified Professional Java SE
            """);
        JobRoles(r).Should().Equal(("Engenheiro de Software", "Brasvelo Tecnologia Ltda."), ("Analista de Sistemas", "Itaquara Serviços S.A."));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[0].Start!.Iso.Should().Be("2020-01");
        r.WorkExperience[1].End!.Iso.Should().Be("2019-12");
        Schools(r).Should().Equal(("Bacharelado em Ciência da Computação", "Universidade Federal de Porto Taval"));
        r.Education[0].End!.Iso.Should().Be("2015");
        SectionSkills(r).Should().Contain(["Java", "Spring", "PostgreSQL"]);
        r.Languages.Select(l => l.Code).Should().Equal("pt", "en");
        NoHeadingTaken(r, "Experiência profissional", "Formação acadêmica", "Competências", "Idiomas", "Certificações");
    }

    [Fact]
    public void A_Hebrew_resume_gives_jobs_schools_and_skills()
    {
        var r = Parse("""
            דנה לויטל
            dana.levital@example.co.il
            ניסיון תעסוקתי
            מפתחת תוכנה | אלפון מערכות בע"מ
            מרץ 2019 – היום
            • פיתוח שירותים בענן.
            מהנדסת בדיקות | נוריס תקשורת בע"מ
            יולי 2016 – פברואר 2019
            השכלה
            תואר ראשון במדעי המחשב | אוניברסיטת נווה דרום
            2012 – 2016
            כישורים
            Python, Java, SQL
            שפות
            עברית – שפת אם, אנגלית – שוטפת
            """);
        JobRoles(r).Should().Equal(("מפתחת תוכנה", "אלפון מערכות בע\"מ"), ("מהנדסת בדיקות", "נוריס תקשורת בע\"מ"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[0].Start!.Iso.Should().Be("2019-03");
        r.WorkExperience[1].Start!.Iso.Should().Be("2016-07");
        r.WorkExperience[1].End!.Iso.Should().Be("2019-02");
        Schools(r).Should().Equal(("תואר ראשון במדעי המחשב", "אוניברסיטת נווה דרום"));
        SectionSkills(r).Should().Contain(["Python", "Java", "SQL"]);
        r.Languages.Select(l => l.Code).Should().Equal("he", "en");
        NoHeadingTaken(r, "ניסיון תעסוקתי", "השכלה", "כישורים", "שפות");
    }

    [Theory]
    [InlineData("היום – 2019", "2019")]
    [InlineData("2021 – 2018", "2018")]
    [InlineData("2019 – היום", "2019")]
    public void A_right_to_left_range_keeps_its_start_before_its_end(string range, string start)
    {
        var r = Parse($"נועה ברק\nניסיון מקצועי\nמנהלת מוצר | קשת נתונים בע\"מ\n{range}\nהשכלה\nתואר שני במנהל עסקים | מכללת גבעת הדס\n2015");
        JobRoles(r).Should().Equal(("מנהלת מוצר", "קשת נתונים בע\"מ"));
        r.WorkExperience[0].Start!.Iso.Should().Be(start);
        Schools(r).Should().Equal(("תואר שני במנהל עסקים", "מכללת גבעת הדס"));
    }

    [Fact]
    public void A_Chinese_resume_gives_jobs_schools_and_skills()
    {
        var r = Parse("""
            王晓明
            电话：138 0013 8000  邮箱：wang.xm@example.cn
            工作经历
            2019年3月 – 至今  云帆星图科技有限公司  高级软件工程师
            负责支付系统的架构设计。
            2016年7月 – 2019年2月  海川数据有限公司  软件工程师
            教育背景
            2012年9月 – 2016年6月  江临理工大学  计算机科学与技术  本科
            专业技能
            Java、Python、MySQL
            语言能力
            英语（CET-6）
            """);
        JobRoles(r).Should().Equal(("高级软件工程师", "云帆星图科技有限公司"), ("软件工程师", "海川数据有限公司"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[0].Start!.Iso.Should().Be("2019-03");
        r.WorkExperience[1].End!.Iso.Should().Be("2019-02");
        r.Education.Should().ContainSingle();
        r.Education[0].Institution.Should().Be("江临理工大学");
        r.Education[0].Degree.Should().Contain("本科");
        SectionSkills(r).Should().Contain(["Java", "Python", "MySQL"]);
        NoHeadingTaken(r, "工作经历", "教育背景", "专业技能", "语言能力");
    }

    [Fact]
    public void Chinese_headings_in_brackets_and_with_an_English_gloss_open_their_sections()
    {
        var r = Parse("李娜\n【工作经验】Work Experience\n2020.05 - 至今 | 北辰易达物流有限公司 | 运营经理\n【教育经历】Education\n2014.09 - 2018.06 | 南屿大学 | 物流管理 | 学士\n【技能特长】Skills\nExcel、SAP、数据分析");
        JobRoles(r).Should().Equal(("运营经理", "北辰易达物流有限公司"));
        r.Education.Should().ContainSingle().Which.Institution.Should().Be("南屿大学");
        SectionSkills(r).Should().Contain(["Excel", "SAP"]);
    }

    [Fact]
    public void A_German_date_column_resume_gives_jobs_and_schools()
    {
        var r = Parse("""
            Lebenslauf
            Maximilian Sorbe
            Berufserfahrung
            04/2019 – heute      Senior Consultant, Fenwald Beratung GmbH, München
                                 Beratung von Mittelstandskunden bei der Einführung von ERP-Systemen
            01/2015 – 03/2019    Junior Consultant
                                 Horvenstein AG, Stuttgart
            Ausbildung
            10/2010 – 09/2014    Studium der Wirtschaftsinformatik (B.Sc.)
                                 Hochschule Kelbach
            IT-Kenntnisse
            SAP, MS Office, SQL
            """);
        JobRoles(r).Should().Equal(("Senior Consultant", "Fenwald Beratung GmbH"), ("Junior Consultant", "Horvenstein AG"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[1].Start!.Iso.Should().Be("2015-01");
        Schools(r).Should().Equal(("Studium der Wirtschaftsinformatik (B.Sc.)", "Hochschule Kelbach"));
        SectionSkills(r).Should().Contain(["SAP", "MS Office", "SQL"]);
        NoHeadingTaken(r, "Lebenslauf", "Berufserfahrung", "Ausbildung", "IT-Kenntnisse");
    }

    [Fact]
    public void French_lines_led_by_their_dates_give_jobs_and_schools()
    {
        var r = Parse("""
            Julie Arnavel
            EXPÉRIENCES PROFESSIONNELLES
            Depuis mars 2021 : Responsable logistique – Tramont Distribution (Lille)
            2017 - 2021 : Assistante logistique, Groupe Belvarin, Roubaix
            FORMATION
            2016 : Master Management de la chaîne logistique – IAE de Valcourt
            2014 : Licence Économie-Gestion – Université de Valcourt
            COMPÉTENCES
            Logiciels : SAP, Excel, Power BI
            """);
        JobRoles(r).Should().Equal(("Responsable logistique", "Tramont Distribution"), ("Assistante logistique", "Groupe Belvarin"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[0].Start!.Iso.Should().Be("2021-03");
        Schools(r).Should().Equal(("Master Management de la chaîne logistique", "IAE de Valcourt"), ("Licence Économie-Gestion", "Université de Valcourt"));
        SectionSkills(r).Should().Contain(["SAP", "Excel", "Power BI"]);
        SectionSkills(r).Should().NotContain("Logiciels");
    }

    [Fact]
    public void Spanish_labelled_job_blocks_give_title_employer_and_dates()
    {
        var r = Parse("""
            Andrés Valcárcel
            EXPERIENCIA PROFESIONAL
            Empresa: Construcciones Valdera S.A.
            Cargo: Jefe de obra
            Periodo: Enero 2018 - Actualidad
            Funciones: planificación y control de costes.
            Empresa: Ingeniería Mareval SL
            Cargo: Técnico de proyectos
            Periodo: Junio 2014 - Diciembre 2017
            FORMACIÓN
            Ingeniero de Caminos – Universidad Politécnica de Sarrión (2008 – 2014)
            """);
        JobRoles(r).Should().Equal(("Jefe de obra", "Construcciones Valdera S.A."), ("Técnico de proyectos", "Ingeniería Mareval SL"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[1].End!.Iso.Should().Be("2017-12");
        Schools(r).Should().Equal(("Ingeniero de Caminos", "Universidad Politécnica de Sarrión"));
    }

    [Fact]
    public void Portuguese_company_lines_with_dates_in_brackets_and_a_role_label_give_jobs()
    {
        var r = Parse("""
            Mariana Touriz
            EXPERIÊNCIA PROFISSIONAL
            Itaquara Serviços S.A. (03/2016 a 12/2019)
            Cargo: Analista de Sistemas
            Atividades: levantamento de requisitos e testes.
            Brasvelo Tecnologia Ltda. (01/2020 – atual)
            Cargo: Coordenadora de TI
            FORMAÇÃO
            Graduação em Sistemas de Informação – Faculdade de Vila Serena – 2015
            HABILIDADES
            SQL Server, Power BI, Scrum
            """);
        JobRoles(r).Should().BeEquivalentTo([("Analista de Sistemas", "Itaquara Serviços S.A."), ("Coordenadora de TI", "Brasvelo Tecnologia Ltda.")]);
        r.WorkExperience.Single(j => j.Title == "Coordenadora de TI").IsCurrent.Should().BeTrue();
        Schools(r).Should().Equal(("Graduação em Sistemas de Informação", "Faculdade de Vila Serena"));
        SectionSkills(r).Should().Contain(["SQL Server", "Power BI", "Scrum"]);
    }

    [Fact]
    public void Hebrew_lines_led_by_their_dates_give_jobs_and_schools()
    {
        var r = Parse("""
            מיכל אורני
            ניסיון תעסוקתי
            2019 – היום: מנהלת פרויקטים, אורנים הנדסה בע"מ
            2015 – 2019: מהנדסת תכנון, גל-רון מהנדסים בע"מ
            השכלה
            2011 – 2015: תואר ראשון בהנדסה אזרחית, מכללת עמק הגפן
            """);
        JobRoles(r).Should().Equal(("מנהלת פרויקטים", "אורנים הנדסה בע\"מ"), ("מהנדסת תכנון", "גל-רון מהנדסים בע\"מ"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[1].Start!.Iso.Should().Be("2015");
        Schools(r).Should().Equal(("תואר ראשון בהנדסה אזרחית", "מכללת עמק הגפן"));
    }

    [Fact]
    public void Chinese_rows_with_company_title_and_dates_give_jobs_and_schools()
    {
        var r = Parse("""
            陈思远
            工作经历
            北京云帆科技有限公司 | 高级软件工程师 | 2019.03 - 至今
            工作内容：负责支付系统的架构设计与性能优化。
            上海星河数据有限公司 | 软件工程师 | 2016.07 - 2019.02
            教育背景
            江临理工大学  计算机科学与技术  本科  2012.09-2016.06
            """);
        JobRoles(r).Should().Equal(("高级软件工程师", "北京云帆科技有限公司"), ("软件工程师", "上海星河数据有限公司"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        r.WorkExperience[1].End!.Iso.Should().Be("2019-02");
        r.Education.Should().ContainSingle().Which.Institution.Should().Be("江临理工大学");
        r.Education[0].Degree.Should().Contain("本科");
    }

    [Fact]
    public void Chinese_labelled_job_and_school_fields_give_their_values_not_their_labels()
    {
        var r = Parse("""
            赵一鸣
            工作经历
            公司名称：北辰易达物流有限公司
            职位：运营经理
            时间：2020.05 - 至今
            工作内容：负责华东区仓储运营。
            公司名称：海川数据有限公司
            职位：数据分析师
            时间：2017.07 - 2020.04
            教育背景
            毕业院校：南屿大学
            专业：物流管理
            学历：本科
            时间：2013.09 - 2017.06
            """);
        JobRoles(r).Should().Equal(("运营经理", "北辰易达物流有限公司"), ("数据分析师", "海川数据有限公司"));
        r.WorkExperience[0].IsCurrent.Should().BeTrue();
        Schools(r).Should().Equal(("本科", "南屿大学"));
        r.Education[0].FieldOfStudy.Should().Be("物流管理");
        r.Education[0].End!.Iso.Should().Be("2017-06");
    }

    [Fact]
    public void Hebrew_and_German_labelled_fields_give_their_values()
    {
        var he = Parse("יעל שחר\nניסיון תעסוקתי\nתפקיד: אנליסטית נתונים\nחברה: נתיב מידע בע\"מ\n2018 – היום\nהשכלה\nתואר: תואר ראשון בכלכלה\nמוסד: אוניברסיטת כרמים\n2014 – 2017");
        JobRoles(he).Should().Equal(("אנליסטית נתונים", "נתיב מידע בע\"מ"));
        Schools(he).Should().Equal(("תואר ראשון בכלכלה", "אוניברסיטת כרמים"));
        var de = Parse("Lena Arnsdorf\nStudium\nHochschule: Hochschule Westerau\nAbschluss: Bachelor of Arts\nStudiengang: Betriebswirtschaftslehre\nZeitraum: 10/2012 – 09/2015\nBerufserfahrung\nArbeitgeber: Lindqvist Handels GmbH\nPosition: Einkäuferin\nZeitraum: seit 11/2015");
        JobRoles(de).Should().Equal(("Einkäuferin", "Lindqvist Handels GmbH"));
        Schools(de).Should().Equal(("Bachelor of Arts", "Hochschule Westerau"));
        de.Education[0].FieldOfStudy.Should().Be("Betriebswirtschaftslehre");
    }
}
