using AtsParser.Core.Parsing;
using AtsParser.Core.Parsing.Evaluation;
using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>
/// One case per class of layout or wording seen on resumes outside the corpus (issue 10). Every person, company and
/// school here is invented; values are compared the way <c>eval</c> compares them (case, spacing and edge punctuation aside).
/// </summary>
public class ExamClassTests
{
    static string N(string? s) => Matching.Text(s);

    // ---- names ----

    [Theory]
    [InlineData("MARGOT LISSANDRE\nmargot.l@example.org\n+1 415 555 0199\nSummary\nAnalyst.", "MARGOT LISSANDRE")]
    [InlineData("Corwin Adebayo RHCE Certified\ncorwin@example.org\nExperience\nSysadmin at Pelt Hosting\n2019 - 2022", "Corwin Adebayo")]
    [InlineData("Halvard Trent, MBA, PMP\nhtrent@example.org\nSummary\nProgramme lead.", "Halvard Trent")]
    [InlineData("Ines Varga MBA PMP\nines.varga@example.org\nSummary\nOperations lead.", "Ines Varga")]
    [InlineData("Orla.Kinsella\n+44 7700 900123\nProfile\nNurse.", "Orla Kinsella")]
    [InlineData("PETRA NOVAKOVSKA, PhD\npetra@example.org\nResearch\nProteins.", "PETRA NOVAKOVSKA")]
    [InlineData("Tobias Reinholt CPA, CFA\ntobias.r@example.org\nExperience", "Tobias Reinholt")]
    [InlineData("Name: Vikram Sethuraman\nEmail: vikram.s@example.org\nObjective\nTo grow.", "Vikram Sethuraman")]
    [InlineData("Kofi Mensah-Boateng | Data Engineer\nkofi@example.org\nSkills\nSQL", "Kofi Mensah-Boateng")]
    [InlineData("CURRICULUM VITAE\nYUKIO TANAKAWA\nyukio@example.org\nEducation", "YUKIO TANAKAWA")]
    [InlineData("LUCIEN DARMONT CISSP CISM\nlucien@example.org\nExperience", "LUCIEN DARMONT")]
    [InlineData("Santiago.Ferreyra\nsantiago.ferreyra@example.org\nExperiencia", "Santiago Ferreyra")]
    [InlineData("Greta Solberg, RN, BSN\ngreta@example.org\nExperience", "Greta Solberg")]
    [InlineData("AMARA OKONKWO-BELL\nLagos, Nigeria | amara@example.org\nProfile", "AMARA OKONKWO-BELL")]
    [InlineData("Jane Q. Public, CPA\njane@example.org\nSummary\nAuditor.", "Jane Q. Public")]
    [InlineData("ANNA-LENA KRÜGER\nanna@example.org\nProfil\nEinkauf.", "ANNA-LENA KRÜGER")]
    [InlineData("Rafael Gomes – Engenheiro Civil\nrafael@example.org\nResumo\nObras.", "Rafael Gomes")]
    [InlineData("SOFIA MARTINEZ | sofia@example.org | +34 612 34 56 78\nPerfil\nVentas.", "SOFIA MARTINEZ")]
    [InlineData("Marisol de la Fuente\nmarisol@example.org\nPerfil\nVentas.", "Marisol de la Fuente")]
    [InlineData("Pieter van der Berghe\npieter@example.org\nProfile\nPlanner.", "Pieter van der Berghe")]
    [InlineData("Ahmad Faiz bin Rahman\nfaiz@example.org\nSummary\nEngineer.", "Ahmad Faiz bin Rahman")]
    [InlineData("Holloway, Maren\nmaren@example.org\nSummary\nPlanner.", "Maren Holloway")]
    [InlineData("HOLLOWAY, MAREN\nmaren@example.org\nSummary\nPlanner.", "MAREN HOLLOWAY")]
    [InlineData("Jordan Ellery (she/her)\njordan@example.org\nSummary\nDesigner.", "Jordan Ellery")]
    [InlineData("Sam Okafor-Reyes (they/them)\nsam@example.org\nSummary\nResearcher.", "Sam Okafor-Reyes")]
    [InlineData("Zoë Åkerström-Núñez\nzoe@example.org\nProfil\nDesign.", "Zoë Åkerström-Núñez")]
    [InlineData("JEAN-BAPTISTE DE LA CROIX\njb@example.org\nProfil\nJuriste.", "JEAN-BAPTISTE DE LA CROIX")]
    [InlineData("Siobhán O'Donnell\nsiobhan@example.org\nProfile\nNurse.", "Siobhán O'Donnell")]
    [InlineData("Dr. Helena Marquardt\nhelena@example.org\nProfil\nForschung.", "Helena Marquardt")]
    [InlineData("María José García-Fernández\nmaria@example.org\nPerfil\nVentas.", "María José García-Fernández")]
    [InlineData("João da Silva Santos\njoao@example.org\nResumo\nObras.", "João da Silva Santos")]
    [InlineData("VAN DER BERGHE, Pieter\npieter@example.org\nProfile\nPlanner.", "Pieter VAN DER BERGHE")]
    [InlineData("Priya Raghunathan, she/her\npriya@example.org\nSummary\nDesigner.", "Priya Raghunathan")]
    [InlineData("Léa Dubois-Martin (elle/elle)\nlea@example.org\nProfil\nJuriste.", "Léa Dubois-Martin")]
    [InlineData("Nguyễn Thị Minh Anh\nminhanh@example.org\nSummary\nAnalyst.", "Nguyễn Thị Minh Anh")]
    [InlineData("D'Souza, Karen\nkaren@example.org\nSummary\nNurse.", "Karen D'Souza")]
    [InlineData("Conor McAllister\nconor@example.org\nSummary\nChef.", "Conor McAllister")]
    [InlineData("RESUME OF\nTHABO NKOSI\nthabo@example.org\nSummary\nMiner.", "THABO NKOSI")]
    public void Names_come_without_credentials_capitals_kept_and_dots_as_spaces(string text, string name) =>
        N(Parse(text).Candidate.Name?.Raw).Should().Be(N(name));

    // ---- phones ----

    [Theory]
    [InlineData("Ada Quill\n(+44) 20 7946 0000\nada@example.org\nSummary", "+442079460000")]
    [InlineData("Ada Quill\nTél. +33 6·12·34·56·78\nada@example.org\nProfil", "+33612345678")]
    [InlineData("Ada Quill\nMobile: +91 98765 43210\nada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\n+86 138 0013 8000\nada@example.org\n工作经历", "+8613800138000")]
    [InlineData("Ada Quill\nMobile: (+1) 415-555-0134\nada@example.org\nSummary", "+14155550134")]
    [InlineData("Ada Quill\nTel: +49 (0) 30 1234 5678\nada@example.org\nProfil", "+493012345678")]
    [InlineData("Ada Quill\nPhone: + 44 7911 123456\nada@example.org\nSummary", "+447911123456")]
    [InlineData("Ada Quill\n+972-52-555-1234\nada@example.org\nSummary", "+972525551234")]
    [InlineData("Ada Quill\nTelefon: +46 (0)8 123 456 78\nada@example.org\nSummary", "+46812345678")]
    [InlineData("Ada Quill\nPhone: +1 415 555\n0188\nada@example.org\nSummary", "+14155550188")]
    [InlineData("Ada Quill\n(+351) 912 345 678 · ada@example.org\nResumo", "+351912345678")]
    [InlineData("Ada Quill\n+33 (0)6 12 34 56 78\nada@example.org\nProfil", "+33612345678")]
    [InlineData("Ada Quill\n+1.415.555.0134\nada@example.org\nSummary", "+14155550134")]
    [InlineData("Ada Quill\n(+86) 138-0013-8000\nada@example.org\n工作经历", "+8613800138000")]
    [InlineData("Ada Quill\nCelular: +55 (11) 98765-4321\nada@example.org\nResumo", "+5511987654321")]
    [InlineData("Ada Quill\n0044 20 7946 0958\nada@example.org\nSummary", "+442079460958")]
    [InlineData("Ada Quill\nMobile: +91 98765 43210 | ada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\n+46 70-123 45 67\nada@example.org\nSammanfattning", "+46701234567")]
    [InlineData("Ada Quill\n上海\n138 0013 8000\nada@example.org\n工作经历", "+8613800138000")]
    [InlineData("陈晓雯\n电话：13800138000\nada@example.org\n工作经历", "+8613800138000")]
    [InlineData("Ada Quill\nParis, France\n06 12 34 56 78\nada@example.org\nProfil", "+33612345678")]
    [InlineData("Camille Dorvaux\nTél. : 06 12 34 56 78\nada@example.org\nExpérience professionnelle", "+33612345678")]
    [InlineData("Ada Quill\nMumbai, India\n098765 43210\nada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\nStockholm, Sweden\n070-123 45 67\nada@example.org\nSummary", "+46701234567")]
    [InlineData("Ada Quill\nPhone: +33 6 12\n34 56 78\nada@example.org\nProfil", "+33612345678")]
    [InlineData("Ada Quill\nBerlin\nMobil: 0151 23456789\nada@example.org\nBerufserfahrung", "+4915123456789")]
    [InlineData("Ada Quill\nTel.: +91\n98765 43210\nada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\nMob: +91-98765-43210\nada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\n+91 9876543210\nada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\nPhone: +46 (0)70-123 45 67\nada@example.org\nSummary", "+46701234567")]
    [InlineData("Ada Quill\nGöteborg, Sverige\n0701234567\nada@example.org\nErfarenhet", "+46701234567")]
    [InlineData("Ada Quill\n手机：+86 13800138000\nada@example.org\n工作经历", "+8613800138000")]
    [InlineData("Ada Quill\n手机：138-0013-8000\n邮箱：ada@example.org\n工作经历", "+8613800138000")]
    [InlineData("Ada Quill\nBengaluru, Karnataka, India\n98765 43210\nada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\n+33 6 12 34 56 78 | ada@example.org | Lyon, France\nProfil", "+33612345678")]
    [InlineData("Ada Quill\nLyon\nTéléphone : 06.12.34.56.78\nada@example.org\nExpérience professionnelle\nChargée de projet, Lumiane SAS, depuis 2019", "+33612345678")]
    [InlineData("Ada Quill\nMadrid, España\n612 34 56 78\nada@example.org\nExperiencia", "+34612345678")]
    [InlineData("Ada Quill\nSão Paulo, Brasil\n(11) 98765-4321\nada@example.org\nExperiência", "+5511987654321")]
    [InlineData("נועה ברק\nטלפון: 052-5551234\nada@example.org\nניסיון תעסוקתי", "+972525551234")]
    // a city alone in the header, no country printed, English headings (parser15)
    [InlineData("Ada Quill\nGöteborg\n070-123 45 67\nada@example.org\nSummary", "+46701234567")]
    [InlineData("Ada Quill\nPune, Maharashtra | 98765 43210 | ada@example.org\nSummary", "+919876543210")]
    [InlineData("Ada Quill\nLyon · 06 12 34 56 78 · ada@example.org\nSummary", "+33612345678")]
    [InlineData("Ada Quill\nCuritiba - PR\n(41) 99876-5432\nada@example.org\nSummary", "+5541998765432")]
    [InlineData("Ada Quill\nCuritiba, PR\n(41) 99876-5432\nada@example.org\nSummary", "+5541998765432")]
    [InlineData("Ada Quill\nHaifa\n052-555-1234\nada@example.org\nSummary", "+972525551234")]
    [InlineData("Ada Quill\nShenzhen | 138 0013 8000 | ada@example.org\nSummary", "+8613800138000")]
    [InlineData("Ada Quill\n深圳\n138 0013 8000\nada@example.org\nSummary", "+8613800138000")]
    [InlineData("Ada Quill\n69003 Lyon\n06 12 34 56 78\nada@example.org\nSummary", "+33612345678")]
    [InlineData("Ada Quill\nSão Paulo, SP\n(11) 98765-4321\nada@example.org\nSummary", "+5511987654321")]
    [InlineData("Ada Quill\nLondon\n07911 123456\nada@example.org\nSummary", "+447911123456")]
    [InlineData("Ada Quill\nLondon, ON\n519 555 0134\nada@example.org\nSummary", "+15195550134")]
    [InlineData("Ada Quill\nLondon\n06 12 34 56 78\nada@example.org\nExpérience professionnelle\nChargée de projet, Lumiane SAS, depuis 2019", "+33612345678")]
    public void Phones_with_brackets_dots_and_spaces_give_their_number(string text, string e164) =>
        Parse(text).Candidate.Phones.Select(p => p.E164).Should().Contain(e164);

    // ---- job header lines ----

    [Theory]
    [InlineData("Worked as Warehouse Supervisor for Pellmore Distribution\n2016 - 2019", "Warehouse Supervisor", "Pellmore Distribution")]
    [InlineData("Worked as a Claims Adjuster in Tessaly Insurance, Leeds\nMar 2015 - Jan 2018", "Claims Adjuster", "Tessaly Insurance")]
    [InlineData("Worked as Sous Chef at Brambling House Hotel from June 2014 to May 2017", "Sous Chef", "Brambling House Hotel")]
    [InlineData("Dental Hygienist at Brightcove Smiles (Portland, OR)\n2019 - Present", "Dental Hygienist", "Brightcove Smiles")]
    [InlineData("Site Reliability Engineer at Pontaro Labs, Berlin\n05/2021 - Present", "Site Reliability Engineer", "Pontaro Labs")]
    [InlineData("Ravenholt Foods — Line Cook\n2018 - 2020", "Line Cook", "Ravenholt Foods")]
    [InlineData("Quintara Robotics – Firmware Engineer\nJan 2020 – Dec 2023", "Firmware Engineer", "Quintara Robotics")]
    [InlineData("Payroll Specialist, Quarrytown Mills, Dayton, OH\n2017 – 2021", "Payroll Specialist", "Quarrytown Mills")]
    [InlineData("Registered Nurse, Saint Aldric Hospital, Cork\n2012 – 2016", "Registered Nurse", "Saint Aldric Hospital")]
    [InlineData("Electrician – Bramwell Contractors, Bristol\n2012 - 2018", "Electrician", "Bramwell Contractors")]
    [InlineData("Ostrava Freight Ltd (Manchester, UK)\nLogistics Planner\nJan 2019 – Present", "Logistics Planner", "Ostrava Freight Ltd")]
    [InlineData("Fennick Solar, Tucson\nInstallation Technician\n2020 – 2022", "Installation Technician", "Fennick Solar")]
    [InlineData("Merrow Dynamics Inc., Columbus, OH\nQuality Engineer\nMay 2015 – Jul 2019", "Quality Engineer", "Merrow Dynamics Inc.")]
    [InlineData("Hallix Pharma AG (Basel, Switzerland)\nRegulatory Affairs Officer\n2018 – 2021", "Regulatory Affairs Officer", "Hallix Pharma AG")]
    [InlineData("Auditor at Wexford Brannagh LLP, Dublin\n2014 - 2018", "Auditor", "Wexford Brannagh LLP")]
    [InlineData("Marketing Coordinator (2 years 3 months)\nPelham & Rowe\n2019 - 2021", "Marketing Coordinator", "Pelham & Rowe")]
    [InlineData("Account Manager @ Sorrel Media\n2016 - 2018", "Account Manager", "Sorrel Media")]
    [InlineData("Jan 2019 – Present    Customer Success Manager, Tallow Cloud", "Customer Success Manager", "Tallow Cloud")]
    [InlineData("Store Manager, Hadley Outfitters (Leeds)\n2010 – 2014", "Store Manager", "Hadley Outfitters")]
    [InlineData("Brennick Civil Pty Ltd, Perth, WA\nSite Engineer\n2013 – 2017", "Site Engineer", "Brennick Civil Pty Ltd")]
    [InlineData("Senior Accountant – Harlow & Finch LLP – Bristol\n2015 - 2019", "Senior Accountant", "Harlow & Finch LLP")]
    [InlineData("Bramble Foods | Production Supervisor | Leeds | 2016 - 2020", "Production Supervisor", "Bramble Foods")]
    [InlineData("Product Designer (Quarrel Studio)\n2019 - 2021", "Product Designer", "Quarrel Studio")]
    [InlineData("Served as Treasurer for Oakridge Rotary Club\n2014 - 2016", "Treasurer", "Oakridge Rotary Club")]
    [InlineData("Working as Data Engineer in Velt Analytics since 2021", "Data Engineer", "Velt Analytics")]
    [InlineData("Nurse – Saint Aldric Hospital (Cork, Ireland)\n2012 - 2016", "Nurse", "Saint Aldric Hospital")]
    [InlineData("Teacher, Greenfield Primary School, Leeds, UK\n2012 - 2016", "Teacher", "Greenfield Primary School")]
    [InlineData("Data Engineer @ Velt Analytics (Remote)\n2021 - Present", "Data Engineer", "Velt Analytics")]
    [InlineData("Talvo Sp. z o.o., Kraków\nJava Developer\n2018 - 2020", "Java Developer", "Talvo Sp. z o.o.")]
    [InlineData("June 2019 – Present | Barista | Hollin Coffee", "Barista", "Hollin Coffee")]
    [InlineData("HALVERN MEDIA LTD\nContent Producer\n2019 - 2021", "Content Producer", "HALVERN MEDIA LTD")]
    [InlineData("Intern at Brightwater Labs (Summer 2019)\nJun 2019 - Aug 2019", "Intern", "Brightwater Labs")]
    [InlineData("Kellwald AG · Full-time\nProduct Owner\nJan 2020 - Present · 6 yrs", "Product Owner", "Kellwald AG")]
    [InlineData("ORVEL BANK — SENIOR ANALYST\n2019 - 2021", "SENIOR ANALYST", "ORVEL BANK")]
    [InlineData("Senior Engineer, Payments — Orvel Bank\n2019 - 2021", "Senior Engineer, Payments", "Orvel Bank")]
    public void English_job_lines_split_into_title_and_employer_without_the_place(string lines, string title, string employer)
    {
        var job = Parse("Rowan Ashby\nrowan@example.org\nExperience\n" + lines + "\n- Did the work well.\nEducation\nBSc Biology, University of Kestwick, 2009").WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer)).Should().Be((N(title), N(employer)));
    }

    [Theory]
    [InlineData("Experiencia\nCoordinadora de Logística en Transportes Alcavera S.A. de C.V.\nEnero 2018 - Actual", "Coordinadora de Logística", "Transportes Alcavera S.A. de C.V.")]
    [InlineData("Experiencia\nGrupo Ferrandiz S.A. de C.V., Monterrey\nGerente de Ventas\n2015 - 2019", "Gerente de Ventas", "Grupo Ferrandiz S.A. de C.V.")]
    [InlineData("Experiencia Profesional\nContador en Servicios Olmeda S.R.L. (Córdoba)\n2012 - 2016", "Contador", "Servicios Olmeda S.R.L.")]
    [InlineData("Berufserfahrung\nFachinformatiker bei Kellwald Systemhaus GmbH, Kassel\n04/2019 – heute", "Fachinformatiker", "Kellwald Systemhaus GmbH")]
    [InlineData("Berufserfahrung\nLindqvist Maschinenbau GmbH & Co. KG, Ulm\nKonstrukteur\n2017 – 2022", "Konstrukteur", "Lindqvist Maschinenbau GmbH & Co. KG")]
    [InlineData("Expérience professionnelle\nComptable chez Valbrune SARL (Nantes)\n2016 - 2020", "Comptable", "Valbrune SARL")]
    [InlineData("Expérience\nOrvanne Industries SAS, Grenoble\nIngénieur qualité\n2014 - 2018", "Ingénieur qualité", "Orvanne Industries SAS")]
    [InlineData("Experiência Profissional\nEnfermeira – Clínica Solmar Ltda., Recife\n2015 - 2019", "Enfermeira", "Clínica Solmar Ltda.")]
    [InlineData("Experiência\nTrabalhei como Analista Financeiro na Cervana Investimentos S.A.\n2017 - 2020", "Analista Financeiro", "Cervana Investimentos S.A.")]
    [InlineData("ניסיון תעסוקתי\nמהנדסת תוכנה\nסייברון מערכות בע\"מ, חיפה\n2019 - היום", "מהנדסת תוכנה", "סייברון מערכות בע\"מ")]
    [InlineData("ניסיון תעסוקתי\n2015 - 2018\nאחות מוסמכת, מרכז רפואי גבעת אלון, נתניה", "אחות מוסמכת", "מרכז רפואי גבעת אלון")]
    [InlineData("工作经历\n2018.03 - 2021.06  杭州云帆网络科技有限公司，杭州\n产品经理", "产品经理", "杭州云帆网络科技有限公司")]
    [InlineData("工作经历\n北京蓝鲸数据有限公司  数据分析师  2020.09 -\n至今", "数据分析师", "北京蓝鲸数据有限公司")]
    [InlineData("工作经历\n2016.07-2019.08\n深圳恒星电子股份有限公司（深圳）\n硬件工程师", "硬件工程师", "深圳恒星电子股份有限公司")]
    [InlineData("Expérience\nResponsable logistique – Transports Mervel SA, Rouen\n2015 - 2019", "Responsable logistique", "Transports Mervel SA")]
    [InlineData("Experiencia\nAnalista de Datos | Grupo Terrano S.A. de C.V. | CDMX\n2015 - 2019", "Analista de Datos", "Grupo Terrano S.A. de C.V.")]
    [InlineData("Experiência\nEngenheiro Civil na Construtora Alvorada Ltda. (São Paulo)\n2015 - 2019", "Engenheiro Civil", "Construtora Alvorada Ltda.")]
    [InlineData("Berufserfahrung\nVertriebsleiter | Haldorf Logistik GmbH | Hamburg\n2015 - 2019", "Vertriebsleiter", "Haldorf Logistik GmbH")]
    [InlineData("Berufserfahrung\n03/2016 - 12/2019\nHaldorf Logistik GmbH, Hamburg\nSachbearbeiterin Einkauf", "Sachbearbeiterin Einkauf", "Haldorf Logistik GmbH")]
    [InlineData("ניסיון תעסוקתי\n2016 - 2019: מנהל מוצר בחברת נובה טק בע\"מ", "מנהל מוצר", "נובה טק בע\"מ")]
    [InlineData("工作经历\n2017.07 - 2019.12  产品经理  杭州云帆网络科技有限公司", "产品经理", "杭州云帆网络科技有限公司")]
    [InlineData("Beruflicher Werdegang\nseit 04/2020   Teamleiter Kundenservice, Haldorf Logistik GmbH, Hamburg", "Teamleiter Kundenservice", "Haldorf Logistik GmbH")]
    [InlineData("ניסיון תעסוקתי\n2017-2020 מנהלת חשבונות, חברת גלבוע סחר בע\"מ, חיפה", "מנהלת חשבונות", "חברת גלבוע סחר בע\"מ")]
    [InlineData("Experiencia\nEmpresa: Distribuidora Olmedo S.A.\nCargo: Jefe de Almacén\nPeríodo: 2017 - 2021", "Jefe de Almacén", "Distribuidora Olmedo S.A.")]
    public void Job_lines_in_other_languages_keep_legal_forms_and_drop_the_city(string section, string title, string employer)
    {
        var job = Parse("Alex Morrow\nalex@example.org\n" + section).WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer)).Should().Be((N(title), N(employer)));
    }

    // ---- several roles, bullets, date columns ----

    static List<(string, string)> Roles(string text) => JobRoles(Parse(text)).Select(j => (N(j.Title), N(j.Employer))).ToList();

    static (string, string) R(string title, string employer) => (N(title), N(employer));

    [Fact]
    public void An_employer_line_over_two_dated_roles_gives_both_roles_that_employer()
    {
        Roles("Mina Falk\nExperience\nCorriden Bank\nBranch Manager\n2019 - 2022\nAssistant Branch Manager\n2016 - 2019\nSkills\nLending")
            .Should().Equal(R("Branch Manager", "Corriden Bank"), R("Assistant Branch Manager", "Corriden Bank"));
    }

    [Fact]
    public void An_employer_line_over_roles_with_their_dates_on_the_same_line_gives_each_role_the_employer()
    {
        Roles("Mina Falk\nExperience\nHarrowgate Logistics Ltd, Leeds\nOperations Manager, 2020 – Present\nShift Supervisor, 2017 – 2020\n- Ran the night shift.\nSkills\nLean")
            .Should().Equal(R("Operations Manager", "Harrowgate Logistics Ltd"), R("Shift Supervisor", "Harrowgate Logistics Ltd"));
    }

    [Fact]
    public void An_employer_with_roles_and_bulleted_duties_keeps_the_employer_for_the_later_role()
    {
        Roles("Mina Falk\nExperience\nVelloria Health Systems\nClinical Data Manager\nMar 2020 – Present\n• Led the data team.\n• Built reports.\nClinical Data Analyst\nJun 2017 – Feb 2020\n• Cleaned trial data.\nEducation\nBSc Statistics, Kestwick University, 2017")
            .Should().Equal(R("Clinical Data Manager", "Velloria Health Systems"), R("Clinical Data Analyst", "Velloria Health Systems"));
    }

    [Fact]
    public void A_bulleted_list_of_jobs_gives_one_job_per_bullet()
    {
        Roles("Pia Lund\nWork History\n• Barista, Hollin Coffee Roasters (2015 - 2016)\n• Shift Lead, Hollin Coffee Roasters (2016 - 2018)\n• Cafe Manager, Dunmore Bakehouse (2018 - 2021)\nSkills\nLatte art")
            .Should().Equal(R("Barista", "Hollin Coffee Roasters"), R("Shift Lead", "Hollin Coffee Roasters"), R("Cafe Manager", "Dunmore Bakehouse"));
    }

    [Fact]
    public void A_bulleted_list_of_jobs_with_at_gives_one_job_per_bullet()
    {
        Roles("Pia Lund\nExperience\n- 2019 - 2022: Tutor at Lakemont Learning Centre\n- 2016 - 2019: Teaching Assistant at Fernhill Academy\nEducation\nBA English, University of Kestwick, 2016")
            .Should().Equal(R("Tutor", "Lakemont Learning Centre"), R("Teaching Assistant", "Fernhill Academy"));
    }

    [Fact]
    public void A_Hebrew_bulleted_list_of_jobs_gives_one_job_per_bullet()
    {
        Roles("נועה ברק\nניסיון תעסוקתי\n• 2018 - 2021: מנהלת משמרת, קפה הגפן בע\"מ\n• 2021 - היום: מנהלת סניף, רשת אופק בע\"מ")
            .Should().Equal(R("מנהלת משמרת", "קפה הגפן בע\"מ"), R("מנהלת סניף", "רשת אופק בע\"מ"));
    }

    [Fact]
    public void A_date_column_on_the_left_read_apart_from_the_text_gives_each_job_its_dates()
    {
        var r = Parse("Ola Brink\nExperience\n2019 – Present\n2015 – 2019\nCustomer Success Manager, Tallow Cloud\n- Kept clients.\nAccount Executive, Brenning Media\n- Sold ads.\nEducation\nBA Economics, Kestwick University, 2015");
        JobRoles(r).Select(j => (N(j.Title), N(j.Employer))).Should().Equal(R("Customer Success Manager", "Tallow Cloud"), R("Account Executive", "Brenning Media"));
        r.WorkExperience.Select(j => j.Start?.Iso).Should().Equal("2019", "2015");
    }

    [Fact]
    public void A_date_column_on_the_right_read_after_the_text_gives_each_job_its_dates()
    {
        var r = Parse("Ola Brink\nExperience\nCustomer Success Manager, Tallow Cloud\nAccount Executive, Brenning Media\n2019 – Present\n2015 – 2019\nEducation\nBA Economics, Kestwick University, 2015");
        JobRoles(r).Select(j => (N(j.Title), N(j.Employer))).Should().Equal(R("Customer Success Manager", "Tallow Cloud"), R("Account Executive", "Brenning Media"));
        r.WorkExperience.Select(j => j.Start?.Iso).Should().Equal("2019", "2015");
    }

    [Fact]
    public void A_Chinese_date_column_read_apart_gives_each_job_its_dates()
    {
        var r = Parse("李明\n工作经历\n2019.07 - 至今\n2016.07 - 2019.06\n上海星澜科技有限公司  软件工程师\n南京远航信息技术有限公司  测试工程师\n教育背景\n2012.09 - 2016.06  江临大学  计算机科学与技术  本科");
        JobRoles(r).Select(j => (N(j.Title), N(j.Employer))).Should().Equal(R("软件工程师", "上海星澜科技有限公司"), R("测试工程师", "南京远航信息技术有限公司"));
        r.WorkExperience.Select(j => j.Start?.Iso).Should().Equal("2019-07", "2016-07");
    }

    [Fact]
    public void A_wrapped_Chinese_present_date_keeps_the_job_current()
    {
        var job = Parse("王芳\n工作经历\n2021.03 -\n至今\n广州明远贸易有限公司\n销售经理").WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer), job.IsCurrent).Should().Be((N("销售经理"), N("广州明远贸易有限公司"), true));
    }

    [Fact]
    public void A_Spanish_job_table_read_column_by_column_gives_each_row()
    {
        Roles("Lucía Reyes\nExperiencia Laboral\nEmpresa\nDistribuidora Olmedo S.A.\nConstructora Baeza Ltda.\nCargo\nJefe de Almacén\nAnalista de Compras\nPeríodo\n2017 - 2021\n2014 - 2017\nEducación\nLicenciatura en Administración, Universidad de Valcarce, 2013")
            .Should().Equal(R("Jefe de Almacén", "Distribuidora Olmedo S.A."), R("Analista de Compras", "Constructora Baeza Ltda."));
    }

    [Fact]
    public void Roles_with_their_dates_in_brackets_under_an_employer_with_a_place_share_the_employer()
    {
        Roles("Mina Falk\nExperience\nMarlowe Consulting (Leeds)\nBusiness Analyst (2019 – Present)\nJunior Analyst (2016 – 2019)\nSkills\nSQL")
            .Should().Equal(R("Business Analyst", "Marlowe Consulting"), R("Junior Analyst", "Marlowe Consulting"));
    }

    [Fact]
    public void Dates_first_then_title_then_employer_and_city_repeat_per_job()
    {
        Roles("Mina Falk\nWork Experience\nJan 2018 - Present\nOperations Manager\nKestrel Logistics Ltd, Bristol\nJun 2014 - Dec 2017\nWarehouse Supervisor\nPellmore Distribution, Leeds")
            .Should().Equal(R("Operations Manager", "Kestrel Logistics Ltd"), R("Warehouse Supervisor", "Pellmore Distribution"));
    }

    [Fact]
    public void A_profile_export_employer_with_its_tenure_over_two_roles_gives_both_the_employer()
    {
        Roles("Mina Falk\nExperience\nOrvel Bank\n5 yrs 2 mos\nSenior Analyst\nJan 2022 - Present\nAnalyst\nJan 2019 - Dec 2021")
            .Should().Equal(R("Senior Analyst", "Orvel Bank"), R("Analyst", "Orvel Bank"));
    }

    [Fact]
    public void Dates_above_title_and_employer_with_bullets_give_each_job()
    {
        Roles("Mina Falk\nExperience\n2019 - 2021\nSenior Analyst\nOrvel Bank plc\n• Built models.\n2016 - 2019\nAnalyst\nMarrow Insurance Group\n• Priced risks.")
            .Should().Equal(R("Senior Analyst", "Orvel Bank plc"), R("Analyst", "Marrow Insurance Group"));
    }

    [Fact]
    public void A_job_table_read_row_by_row_with_labels_gives_each_row()
    {
        Roles("Lucía Reyes\nExperience\nCompany | Position | Period\nOrmsby Textiles Ltd | Production Planner | 2018 - 2022\nCaldera Foods plc | Buyer | 2014 - 2018\nSkills\nSAP")
            .Should().Equal(R("Production Planner", "Ormsby Textiles Ltd"), R("Buyer", "Caldera Foods plc"));
    }

    [Fact]
    public void One_role_listed_with_two_date_ranges_is_the_same_role_and_employer()
    {
        Roles("Sol Adair\nExperience\nSeasonal Ranger, Glenvarra National Park\nMay 2019 – Sep 2019\nMay 2020 – Sep 2020\nSkills\nFirst aid")
            .Distinct().Should().Equal(R("Seasonal Ranger", "Glenvarra National Park"));
    }

    // ---- education ----

    static List<(string, string)> Schools(string text) =>
        Parse(text).Education.Select(e => (N(e.Degree), N(e.Institution))).ToList();

    [Theory]
    [InlineData("BSc Computer Science, University of Glenmore, Aberdeen, 2018, 2:1", "BSc Computer Science", "University of Glenmore")]
    [InlineData("MSc Data Science – Harrowfield University, Leeds, 2020 (Distinction)", "MSc Data Science", "Harrowfield University")]
    [InlineData("B.S. Mechanical Engineering, Tallis State University, Boise, ID, 2015, GPA 3.8", "B.S. Mechanical Engineering", "Tallis State University")]
    [InlineData("Bachelor of Commerce | Kelvinside College | 2012 | GPA 3.6/4.0", "Bachelor of Commerce", "Kelvinside College")]
    [InlineData("2014 – 2018 BA (Hons) History, University of Penrose, 2:1", "BA (Hons) History", "University of Penrose")]
    [InlineData("University of Penrose\nBA (Hons) History, 2:1\n2014 – 2018", "BA (Hons) History", "University of Penrose")]
    [InlineData("MBA, Westmarch Business School, London, 2019, Merit", "MBA", "Westmarch Business School")]
    [InlineData("Ph.D. in Chemistry, Oakhaven Institute of Technology, 2011", "Ph.D. in Chemistry", "Oakhaven Institute of Technology")]
    [InlineData("Associate of Applied Science in Nursing\nRiverbend Community College, Tulsa, OK\nMay 2013", "Associate of Applied Science in Nursing", "Riverbend Community College")]
    [InlineData("High School Diploma – Maple Grove High School, 2008", "High School Diploma", "Maple Grove High School")]
    [InlineData("Bachelor of Engineering (Civil), Dunmore Institute of Technology, 2012 – First Class", "Bachelor of Engineering (Civil)", "Dunmore Institute of Technology")]
    [InlineData("Harrowfield University, MSc Computer Science, 2018", "MSc Computer Science", "Harrowfield University")]
    [InlineData("2010 - 2014 | BSc Economics | University of Glenmore | GPA 3.7", "BSc Economics", "University of Glenmore")]
    [InlineData("Master of Science in Data Analytics | Westmarch University | Dec 2021 | GPA: 3.9/4.0", "Master of Science in Data Analytics", "Westmarch University")]
    [InlineData("B.Tech in Mechanical Engineering from Kelbach Institute of Technology with 8.2 CGPA (2016)", "B.Tech in Mechanical Engineering", "Kelbach Institute of Technology")]
    [InlineData("Diploma in Nursing — Riverbend College — 2011", "Diploma in Nursing", "Riverbend College")]
    [InlineData("University of Glenmore — Aberdeen, UK\nBSc (Hons) Marine Biology — First Class\n2011 – 2015", "BSc (Hons) Marine Biology", "University of Glenmore")]
    [InlineData("Master's Degree in Public Health, Kelvinside University, 2017", "Master's Degree in Public Health", "Kelvinside University")]
    public void English_education_lines_split_degree_and_school_and_keep_year_and_grade_out(string lines, string degree, string school) =>
        Schools("Kit Marlow\nEducation\n" + lines + "\nSkills\nExcel").Should().Equal(R(degree, school));

    [Theory]
    [InlineData("Ausbildung\nBachelor of Science\nWirtschaftsinformatik\nHochschule Tannried, 2016", "Bachelor of Science Wirtschaftsinformatik", "Hochschule Tannried")]
    [InlineData("Ausbildung\nMaster of Arts\nKulturwissenschaften\nUniversität Kelbach\n2014 – 2016", "Master of Arts Kulturwissenschaften", "Universität Kelbach")]
    [InlineData("Formación Académica\nIngeniería Industrial, Universidad de Valcarce, Sevilla, 2010", "Ingeniería Industrial", "Universidad de Valcarce")]
    [InlineData("Formation\nMaster Finance, Université de Bréval, Lille, 2017, mention Bien", "Master Finance", "Université de Bréval")]
    [InlineData("Formação Acadêmica\nBacharelado em Direito – Faculdade Serra Azul, Belo Horizonte, 2011", "Bacharelado em Direito", "Faculdade Serra Azul")]
    [InlineData("השכלה\n2012 - 2015: תואר ראשון בכלכלה, המכללה האקדמית עמק הירדן", "תואר ראשון בכלכלה", "המכללה האקדמית עמק הירדן")]
    [InlineData("השכלה\nתואר ראשון במדעי המחשב\nהמכללה האקדמית להנדסה גבעת שקד\n2010 - 2014", "תואר ראשון במדעי המחשב", "המכללה האקדמית להנדסה גבעת שקד")]
    [InlineData("教育背景\n2012.09 - 2016.06  江临大学  计算机科学与技术  本科", "本科", "江临大学")]
    [InlineData("Ausbildung\nM.Sc. Maschinenbau, Technische Universität Kelbach, Note: 1,3", "M.Sc. Maschinenbau", "Technische Universität Kelbach")]
    [InlineData("Formation\nLicence Économie – Université de Bréval (2015)", "Licence Économie", "Université de Bréval")]
    [InlineData("Formación\nGrado en Derecho. Universidad de Valcarce (2012 - 2016)", "Grado en Derecho", "Universidad de Valcarce")]
    [InlineData("教育背景\n江临大学 | 计算机科学与技术 | 硕士 | 2016.09-2019.06", "硕士", "江临大学")]
    [InlineData("教育经历\n2013.09-2017.06 江临大学 软件工程 学士", "学士", "江临大学")]
    [InlineData("Formation\n2014 – 2017 : Licence Économie-Gestion, Université de Bréval, Lille – mention Assez bien", "Licence Économie-Gestion", "Université de Bréval")]
    [InlineData("Ausbildung\n2012 – 2016  Bachelor of Arts Soziologie  Universität Kelbach", "Bachelor of Arts Soziologie", "Universität Kelbach")]
    [InlineData("Formação\nUniversidade Serra Azul — Bacharelado em Administração (2010–2014)", "Bacharelado em Administração", "Universidade Serra Azul")]
    [InlineData("השכלה\nהנדסאי אלקטרוניקה, מכללת אורט גבעת אלון, 2008", "הנדסאי אלקטרוניקה", "מכללת אורט גבעת אלון")]
    [InlineData("Ausbildung\nStudium der BWL, Universität Kelbach (Abschluss: Bachelor of Science)\n2010 – 2014", "Bachelor of Science", "Universität Kelbach")]
    [InlineData("Ausbildung\n2008 – 2013 Studium der Informatik, Hochschule Arnstadt (Abschluss: Diplom-Informatiker)", "Diplom-Informatiker", "Hochschule Arnstadt")]
    public void Education_in_other_languages_splits_degree_and_school(string section, string degree, string school) =>
        Schools("Kit Marlow\n" + section).Should().Equal(R(degree, school));

    [Fact]
    public void An_education_table_read_column_by_column_gives_each_row()
    {
        Schools("Kit Marlow\nEducation\nDegree\nMSc Finance\nBSc Economics\nInstitution\nHarrowfield University\nUniversity of Glenmore\nYear\n2016\n2014\nSkills\nExcel")
            .Should().Equal(R("MSc Finance", "Harrowfield University"), R("BSc Economics", "University of Glenmore"));
    }

    [Fact]
    public void Stacked_degree_school_place_and_dates_give_one_school_each()
    {
        Schools("Kit Marlow\nEducation\nMSc Finance\nHarrowfield University, London\n2015 - 2016\nBSc Economics\nUniversity of Glenmore, Aberdeen\n2012 - 2015")
            .Should().Equal(R("MSc Finance", "Harrowfield University"), R("BSc Economics", "University of Glenmore"));
    }

    [Fact]
    public void An_education_table_read_row_by_row_gives_each_row()
    {
        Schools("Kit Marlow\nEducation\nDegree | Institution | Year | Grade\nMSc Finance | Harrowfield University | 2016 | Merit\nBSc Economics | University of Glenmore | 2014 | 2:1\nSkills\nExcel")
            .Should().Equal(R("MSc Finance", "Harrowfield University"), R("BSc Economics", "University of Glenmore"));
    }

    [Fact]
    public void Schools_in_a_date_column_read_apart_keep_their_degrees()
    {
        Schools("Kit Marlow\nEducation\n2014 – 2016\n2010 – 2014\nMSc Finance, Harrowfield University\nBSc Economics, University of Glenmore\nSkills\nExcel")
            .Should().Equal(R("MSc Finance", "Harrowfield University"), R("BSc Economics", "University of Glenmore"));
    }

    // ---- skills ----

    static List<string> SectionSkills(string section) =>
        Parse("Eli Marsh\neli@example.org\n" + section).Skills.Where(s => s.Sources.Contains("skills")).Select(s => N(s.Raw)).ToList();

    [Theory]
    [InlineData("Skills\nPython (Advanced), SQL (Intermediate), Tableau (Beginner)", "Python|SQL|Tableau")]
    [InlineData("Skills\nJava - 5 years\nSpring Boot - 3 years\nDocker - 2 years", "Java|Spring Boot|Docker")]
    [InlineData("Skills\nExpert: Excel, PowerPoint\nProficient: Tableau", "Excel|PowerPoint|Tableau")]
    [InlineData("Skills\nLanguages: Go, Rust\nTools: Git, Jenkins\nCloud: AWS, Azure", "Go|Rust|Git|Jenkins|AWS|Azure")]
    [InlineData("Technical Skills\nHTML/CSS/JavaScript\nNode.js & Express", "HTML|CSS|JavaScript|Node.js|Express")]
    [InlineData("Skills\nBookkeeping and Payroll\nInventory control & Purchasing", "Bookkeeping|Payroll|Inventory control|Purchasing")]
    [InlineData("Skills\n• Photoshop – Expert\n• Illustrator – Advanced\n• InDesign – Intermediate", "Photoshop|Illustrator|InDesign")]
    [InlineData("Core Competencies\nBudgeting | Forecasting | Vendor Management", "Budgeting|Forecasting|Vendor Management")]
    [InlineData("Skills\nFrameworks:\nReact\nAngular\nDatabases:\nMySQL\nRedis", "React|Angular|MySQL|Redis")]
    [InlineData("Kenntnisse\nSAP (sehr gut), MS Office (gut), AutoCAD (Grundkenntnisse)", "SAP|MS Office|AutoCAD")]
    [InlineData("Compétences\nOutils : Jira, Confluence\nMéthodes : Scrum, Kanban", "Jira|Confluence|Scrum|Kanban")]
    [InlineData("Habilidades\nExcel avanzado, Power BI y SQL", "Excel avanzado|Power BI|SQL")]
    [InlineData("Skills\nC/C++, CI/CD, TCP/IP", "C/C++|CI/CD|TCP/IP")]
    [InlineData("Skills\nResearch & Development, Profit & Loss", "Research & Development|Profit & Loss")]
    [InlineData("Skills\nJava (5 yrs), Python (3 yrs)\nTools & Technologies:\nGit, Docker", "Java|Python|Git|Docker")]
    [InlineData("Skills\nAdvanced: Excel | Intermediate: SQL", "Excel|SQL")]
    [InlineData("Skills\nProgramming: Java and Kotlin\nAWS / Azure / GCP", "Java|Kotlin|AWS|Azure|GCP")]
    [InlineData("Skills\nSkill | Level | Years\nPython | Expert | 5\nSQL | Advanced | 3", "Python|SQL")]
    [InlineData("Skills\nPython ●●●●○\nExcel ●●●○○\nSoft skills: Excellent communication and interpersonal skills.", "Python|Excel")]
    public void Skills_come_without_levels_durations_or_category_labels(string section, string expected) =>
        SectionSkills(section + "\nEducation\nBSc Biology, University of Kestwick, 2009").Should().BeEquivalentTo(expected.Split('|').Select(N));

    // ---- clients and sidebars (parser14) ----

    [Theory]
    [InlineData("Client: Orvel Bank (via Tessaly Consulting)\nSenior Java Developer\n2019 - 2022\n- Built the ledger.", "Senior Java Developer", "Tessaly Consulting")]
    [InlineData("Client: Marrow Insurance Group (through Pontaro Labs Ltd)\nBusiness Analyst\nJan 2017 – Dec 2018\n- Wrote specs.", "Business Analyst", "Pontaro Labs Ltd")]
    [InlineData("Tessaly Consulting (client: Orvel Bank)\nSenior Java Developer\n2019 - 2022\n- Built the ledger.", "Senior Java Developer", "Tessaly Consulting")]
    [InlineData("Senior Java Developer\nTessaly Consulting – Client: Orvel Bank\n2019 - 2022\n- Built the ledger.", "Senior Java Developer", "Tessaly Consulting")]
    [InlineData("Senior Java Developer, Tessaly Consulting (Client: Orvel Bank)\n2019 - 2022\n- Built the ledger.", "Senior Java Developer", "Tessaly Consulting")]
    [InlineData("Client: Orvel Bank via Tessaly Consulting\nSenior Java Developer\n2019 - 2022\n- Built the ledger.", "Senior Java Developer", "Tessaly Consulting")]
    public void A_client_line_with_the_employer_in_brackets_gives_that_employer(string lines, string title, string employer)
    {
        var job = Parse("Rowan Ashby\nrowan@example.org\nExperience\n" + lines + "\nEducation\nBSc Biology, University of Kestwick, 2009").WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer)).Should().Be((N(title), N(employer)));
    }

    [Fact]
    public void Skills_listed_in_a_sidebar_without_a_heading_are_found()
    {
        var r = Parse("Rowan Ashby\nrowan@example.org\nPython\nDocker\nKubernetes\nPostgreSQL\nExperience\nBackend Engineer, Pontaro Labs\n2019 - 2022\n- Built APIs.\nEducation\nBSc Computing, University of Kestwick, 2018");
        r.Skills.Select(s => N(s.Raw)).Should().Contain(new[] { "Python", "Docker", "Kubernetes", "PostgreSQL" }.Select(N));
    }

    [Fact]
    public void Skills_in_a_second_column_read_after_the_main_text_are_found()
    {
        var r = Parse("Rowan Ashby\nrowan@example.org\nExperience\nBackend Engineer, Pontaro Labs\n2019 - 2022\n- Built APIs.\nEducation\nBSc Computing, University of Kestwick, 2018\nPython · Docker · Kubernetes · Terraform\nEnglish, German");
        r.Skills.Select(s => N(s.Raw)).Should().Contain(new[] { "Python", "Docker", "Kubernetes", "Terraform" }.Select(N));
    }

    [Theory]
    [InlineData("Rowan Ashby\nrowan@example.org\nTOOLS\nJira · Confluence · Figma\nExperience\nProduct Designer, Pontaro Labs\n2019 - 2022\n- Designed flows.", "Jira|Confluence|Figma")]
    [InlineData("Rowan Ashby\nrowan@example.org\nExperience\nProduct Designer, Pontaro Labs\n2019 - 2022\n- Designed flows.\nFigma\nSketch\nAdobe XD\nEducation\nBA Design, University of Kestwick, 2018", "Figma|Sketch|Adobe XD")]
    [InlineData("Rowan Ashby\nrowan@example.org\nSummary\nDesigner of flows.\nFigma | Sketch | Adobe XD | Miro\nExperience\nProduct Designer, Pontaro Labs\n2019 - 2022", "Figma|Sketch|Adobe XD|Miro")]
    public void Skills_in_a_sidebar_without_a_skills_heading_are_found(string text, string skills) =>
        Parse(text).Skills.Select(s => N(s.Raw)).Should().Contain(skills.Split('|').Select(N));

    // ---- a column of skills the dictionary does not know, one per line, no heading (parser15) ----

    [Theory]
    // after the contact lines: two dictionary skills in six
    [InlineData("Rowan Ashby\nrowan@example.org\nFigma\nWireframing\nUser Journeys\nDesign Systems\nSketch\nUsability Testing\nExperience\nProduct Designer, Pontaro Labs\n2019 - 2022\n- Designed the checkout flows for web and mobile.",
        "Wireframing|User Journeys|Design Systems|Usability Testing")]
    // under the summary, bullets, one dictionary skill next to a line of dictionary skills
    [InlineData("Rowan Ashby\nrowan@example.org\nSummary\nLab technician with ten years in food safety.\nExcel, SAP, Tableau\n• HACCP Audits\n• Sensory Panels\n• Budgeting\n• Shelf-life Studies\nExperience\nLab Technician, Brisk Dairy\n2015 - 2023\n- Ran the daily microbiology checks.",
        "HACCP Audits|Sensory Panels|Shelf-life Studies")]
    // read after the schools (a second column)
    [InlineData("Rowan Ashby\nrowan@example.org\nEducation\nBSc Accounting, University of Kestwick, 2012\nQuickBooks\nAccounts Payable\nBank Reconciliations\nPayroll\nVAT Returns\nExperience\nBookkeeper, Marlow & Tate\n2013 - 2020\n- Kept the books for forty clients.",
        "Accounts Payable|Bank Reconciliations|VAT Returns")]
    // after the last job's description, before the next heading
    [InlineData("Rowan Ashby\nrowan@example.org\nExperience\nWelder, Garrow Fabrication\n2016 - 2023\n- Welded structural steel for bridges and towers.\nMIG Welding\nTIG Welding\nBlueprint Reading\nAutoCAD\nExcel\nEducation\nCity & Guilds Welding, Harrowfield College, 2015",
        "MIG Welding|TIG Welding|Blueprint Reading")]
    public void A_column_of_short_lines_beside_dictionary_skills_gives_its_unknown_skills_too(string text, string expected) =>
        Parse(text).Skills.Select(s => N(s.Raw)).Should().Contain(expected.Split('|').Select(N));

    [Theory]
    // job headers between dates are no column
    [InlineData("Rowan Ashby\nrowan@example.org\nExperience\nExcel Analyst\nPontaro Labs\nBerlin\nRemote\n2019 - 2022\n- Built reports.\nAnalyst\nVelt Analytics\nMunich\nHybrid\n2016 - 2019\n- Built models.", "Pontaro Labs|Velt Analytics|Berlin|Remote|Hybrid")]
    // interests with no dictionary skill in or next to them
    [InlineData("Rowan Ashby\nrowan@example.org\nSummary\nPlanner.\nHiking\nChess\nWatercolours\nSourdough Baking\nExperience\nPlanner, Pontaro Labs\n2019 - 2022\n- Planned.", "Hiking|Chess|Watercolours|Sourdough Baking")]
    // places, languages and schools in a column are none of them skills
    [InlineData("Rowan Ashby\nrowan@example.org\nExcel\nEnglish\nGerman\nMunich\nHarrowfield College\nExperience\nPlanner, Pontaro Labs\n2019 - 2022\n- Planned.", "English|German|Munich|Harrowfield College")]
    public void Short_lines_that_are_job_headers_interests_places_or_languages_are_no_skills(string text, string notSkills) =>
        Parse(text).Skills.Select(s => N(s.Raw)).Should().NotContain(notSkills.Split('|').Select(N));

    // ---- job and school lines in languages and layouts the cases above leave out (parser15) ----

    [Theory]
    [InlineData("Berufserfahrung\nProjektleiter (2 Jahre 3 Monate)\nHaldorf Logistik GmbH\n2019 - 2021", "Projektleiter", "Haldorf Logistik GmbH")]
    [InlineData("Expérience professionnelle\nChef de projet (1 an 6 mois)\nValbrune SARL\n2019 - 2021", "Chef de projet", "Valbrune SARL")]
    [InlineData("Experiencia\nAnalista de Datos (2 años 3 meses)\nGrupo Terrano S.A.\n2019 - 2021", "Analista de Datos", "Grupo Terrano S.A.")]
    [InlineData("Experiência\nAnalista Financeiro (3 anos)\nCervana Investimentos S.A.\n2017 - 2020", "Analista Financeiro", "Cervana Investimentos S.A.")]
    [InlineData("Berufserfahrung\nHaldorf Logistik GmbH — Projektleiter\n2019 - 2021", "Projektleiter", "Haldorf Logistik GmbH")]
    [InlineData("Expérience\nValbrune SARL – Chargée de communication\n2016 - 2020", "Chargée de communication", "Valbrune SARL")]
    [InlineData("Experiencia\nAnalista de Datos, Grupo Terrano, Monterrey\n2015 - 2019", "Analista de Datos", "Grupo Terrano")]
    [InlineData("Experiência\nEnfermeira, Clínica Solmar, Recife, PE\n2015 - 2019", "Enfermeira", "Clínica Solmar")]
    [InlineData("Berufserfahrung\nProjektleiter\nHaldorf Logistik GmbH\n2019 - 2021\nAufgaben:\n- Planung der Touren", "Projektleiter", "Haldorf Logistik GmbH")]
    [InlineData("Expérience professionnelle\nChef de projet\nValbrune SARL\n2019 - 2021\nMissions :\n- Pilotage des équipes", "Chef de projet", "Valbrune SARL")]
    [InlineData("Experiencia\nJefe de Almacén\nDistribuidora Olmedo S.A.\n2017 - 2021\nResponsabilidades:\n- Control de inventario", "Jefe de Almacén", "Distribuidora Olmedo S.A.")]
    [InlineData("Experiência\nAnalista Financeiro\nCervana Investimentos S.A.\n2017 - 2020\nAtividades:\n- Conciliação bancária", "Analista Financeiro", "Cervana Investimentos S.A.")]
    [InlineData("Expérience professionnelle\nDéveloppeuse web chez Orvanne Studio, Lyon\n2018 - aujourd'hui", "Développeuse web", "Orvanne Studio")]
    [InlineData("Experiencia Laboral\nIngeniera de software en Lumello Tecnología, Bogotá\n2018 - actualidad", "Ingeniera de software", "Lumello Tecnología")]
    public void Job_lines_with_durations_dashes_and_duty_headings_in_other_languages(string section, string title, string employer)
    {
        var job = Parse("Alex Morrow\nalex@example.org\n" + section).WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer)).Should().Be((N(title), N(employer)));
    }

    [Fact]
    public void A_German_employer_over_two_dated_roles_gives_both_roles_that_employer() =>
        Roles("Alex Morrow\nalex@example.org\nBerufserfahrung\nHaldorf Logistik GmbH, Hamburg\nTeamleiter Disposition\n01/2020 - heute\n- Leitung von acht Disponenten.\nDisponent\n03/2016 - 12/2019\n- Tourenplanung.")
            .Should().Equal(R("Teamleiter Disposition", "Haldorf Logistik GmbH"), R("Disponent", "Haldorf Logistik GmbH"));

    [Theory]
    [InlineData("Formación\nLicenciatura en Administración, Universidad de Valcarce, Monterrey, 2014", "Licenciatura en Administración", "Universidad de Valcarce")]
    [InlineData("Formação\nBacharelado em Direito, Universidade Serra Azul, Recife, 2011", "Bacharelado em Direito", "Universidade Serra Azul")]
    [InlineData("Ausbildung\nDiplom-Kaufmann, Universität Kelbach, Köln, 2010", "Diplom-Kaufmann", "Universität Kelbach")]
    [InlineData("Formación\nIngeniería Industrial – Universidad de Valcarce – 2012 – Promedio: 9.1", "Ingeniería Industrial", "Universidad de Valcarce")]
    [InlineData("Formação\nMestrado em Economia, Universidade Serra Azul (2016) – Nota final: 17 valores", "Mestrado em Economia", "Universidade Serra Azul")]
    [InlineData("Ausbildung\nAbschluss | Hochschule | Jahr\nBachelor of Science | Hochschule Tannried | 2016", "Bachelor of Science", "Hochschule Tannried")]
    public void Education_lines_with_school_city_year_and_grade_in_other_languages(string section, string degree, string school) =>
        Schools("Kit Marlow\n" + section).Should().Equal(R(degree, school));

    [Theory]
    [InlineData("工作经历\n2019.03-至今 就职于杭州云帆网络科技有限公司，担任产品经理", "产品经理", "杭州云帆网络科技有限公司")]
    [InlineData("Experiencia\nAnalista de Riesgos, Grupo Terrano S.A.\nDesde 03/2019", "Analista de Riesgos", "Grupo Terrano S.A.")]
    [InlineData("Expérience professionnelle\nContrôleuse de gestion, Valbrune SARL\nDepuis 2019", "Contrôleuse de gestion", "Valbrune SARL")]
    [InlineData("Experiência\nCoordenadora de Projetos, Construtora Alvorada Ltda.\n2018 - Atual", "Coordenadora de Projetos", "Construtora Alvorada Ltda.")]
    [InlineData("ניסיון תעסוקתי\n2018 - היום\nמנהלת פרויקטים, גלבוע סחר בע\"מ", "מנהלת פרויקטים", "גלבוע סחר בע\"מ")]
    [InlineData("Berufserfahrung\nWerkstudent Softwareentwicklung\nKellwald Systemhaus GmbH\n10/2018 – 03/2019 und 10/2019 – 03/2020", "Werkstudent Softwareentwicklung", "Kellwald Systemhaus GmbH")]
    public void More_job_layouts_in_other_languages(string section, string title, string employer)
    {
        var job = Parse("Alex Morrow\nalex@example.org\n" + section).WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer)).Should().Be((N(title), N(employer)));
    }

    [Theory]
    [InlineData("教育背景\n江临大学（杭州） 本科 计算机科学 2012-2016", "本科", "江临大学")]
    [InlineData("השכלה\nתואר שני במנהל עסקים, אוניברסיטת גבעת אלון, 2015", "תואר שני במנהל עסקים", "אוניברסיטת גבעת אלון")]
    [InlineData("Formation\n2012 – 2014 Master 2 Finance d'entreprise – IAE de Bréval", "Master 2 Finance d'entreprise", "IAE de Bréval")]
    [InlineData("Formação Acadêmica\nPós-graduação em Gestão de Projetos – Faculdade Serra Azul – 2018", "Pós-graduação em Gestão de Projetos", "Faculdade Serra Azul")]
    public void More_school_lines_in_other_languages(string section, string degree, string school) =>
        Schools("Kit Marlow\n" + section).Should().Equal(R(degree, school));

    [Theory]
    [InlineData("Ada Quill\n+55 (41) 9 9876-5432\nada@example.org\nResumo", "+5541998765432")]
    [InlineData("Ada Quill\nTel.: +41 79 123 45 67\nada@example.org\nProfil", "+41791234567")]
    [InlineData("Ada Quill\n+31 6 12345678\nada@example.org\nProfiel", "+31612345678")]
    [InlineData("Ada Quill\ntel. +48 512 345 678\nada@example.org\nDoświadczenie", "+48512345678")]
    [InlineData("Ada Quill\nKöln\nTelefon: (0)221 1234567\nada@example.org\nBerufserfahrung", "+492211234567")]
    [InlineData("Ada Quill\nWarszawa | 512 345 678 | ada@example.org\nSummary", "+48512345678")]
    [InlineData("Ada Quill\nZürich\n079 123 45 67\nada@example.org\nSummary", "+41791234567")]
    public void More_phone_formats_and_countries(string text, string e164) =>
        Parse(text).Candidate.Phones.Select(p => p.E164).Should().Contain(e164);

    [Theory]
    [InlineData("Kenntnisse\nProgrammiersprachen: Java, Kotlin\nWerkzeuge: Git, Jenkins", "Java|Kotlin|Git|Jenkins")]
    [InlineData("Compétences\nLangages : Python, Go\nBases de données : PostgreSQL, Redis", "Python|Go|PostgreSQL|Redis")]
    [InlineData("Habilidades\nLenguajes de programación: Python, Java\nHerramientas: Jira, Figma", "Python|Java|Jira|Figma")]
    [InlineData("Competências\nFerramentas: Figma, Miro\nMetodologias: Scrum, Kanban", "Figma|Miro|Scrum|Kanban")]
    public void Skill_categories_in_other_languages_are_no_skills(string section, string expected) =>
        SectionSkills(section + "\nEducation\nBSc Biology, University of Kestwick, 2009").Should().BeEquivalentTo(expected.Split('|').Select(N));

    [Theory]
    [InlineData("Experiência\n03/2018 – Atual | Analista de Sistemas | Cervana Tecnologia S.A.", "Analista de Sistemas", "Cervana Tecnologia S.A.")]
    [InlineData("Expérience professionnelle\nChef de projet | Orvanne Industries SAS | Grenoble | 2015 – 2019", "Chef de projet", "Orvanne Industries SAS")]
    [InlineData("Experiencia\nGerente de Ventas — Distribuidora Olmedo S.A. — Lima\nMarzo 2016 – Febrero 2020", "Gerente de Ventas", "Distribuidora Olmedo S.A.")]
    [InlineData("ניסיון תעסוקתי\nמנהלת מוצר | נובה טק בע\"מ | 2019 - היום", "מנהלת מוצר", "נובה טק בע\"מ")]
    [InlineData("工作经历\n软件工程师 | 深圳恒星电子股份有限公司 | 2016.07 - 2019.08", "软件工程师", "深圳恒星电子股份有限公司")]
    public void Pipe_and_dash_job_lines_in_other_languages(string section, string title, string employer)
    {
        var job = Parse("Alex Morrow\nalex@example.org\n" + section).WorkExperience.Should().ContainSingle().Subject;
        (N(job.Title), N(job.Employer)).Should().Be((N(title), N(employer)));
    }

    [Theory]
    [InlineData("Formação Acadêmica\n2010 - 2014 | Universidade Serra Azul | Bacharelado em Direito", "Bacharelado em Direito", "Universidade Serra Azul")]
    [InlineData("Formação Acadêmica\nCurso | Instituição | Ano\nBacharelado em Direito | Universidade Serra Azul | 2014", "Bacharelado em Direito", "Universidade Serra Azul")]
    [InlineData("Formation\nDiplôme | Établissement | Année\nMaster Finance | Université de Bréval | 2017", "Master Finance", "Université de Bréval")]
    [InlineData("Education\nBSc Physics, University of Kestwick, 2014, First Class Honours", "BSc Physics", "University of Kestwick")]
    public void School_rows_with_pipes_or_a_header_row_in_other_languages(string section, string degree, string school) =>
        Schools("Kit Marlow\n" + section).Should().Equal(R(degree, school));
}
