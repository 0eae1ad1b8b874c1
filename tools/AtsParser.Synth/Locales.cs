namespace AtsParser.Synth;

public static partial class Locales
{
    public static readonly Locale[] All = [English, German, French, Spanish, Portuguese, Hebrew, Chinese];

    /// <summary>The first five languages take turns over the first 40 documents (so those stay as they were); Hebrew and Chinese alternate after.</summary>
    public const int FirstRound = 40, Older = 5;

    public static Locale For(int i) => i < FirstRound ? All[i % Older] : All[Older + (i - FirstRound) % (All.Length - Older)];

    static Locale English => new()
    {
        Code = "en",
        ExperienceHeadings = ["Work Experience", "Professional Experience", "Experience", "Employment History"],
        EducationHeadings = ["Education", "Academic Background"],
        SkillsHeadings = ["Skills", "Technical Skills", "Core Skills"],
        LanguagesHeading = "Languages", CertificationsHeading = "Certifications", ProfileHeading = "Profile",
        MonthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        MonthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        Present = ["Present", "Current", "Now"],
        At = "at",
        Cities = ["Portland, OR", "Columbus, OH", "Leeds", "Bristol", "Raleigh, NC", "Tacoma, WA", "Cork"],
        Country = "USA",
        Phones = ["(###) ###-####", "+1 ###-###-####", "###.###.####", "+44 7### ######"],
        EmailDomains = ["gmail.com", "outlook.com", "proton.me", "fastmail.com"],
        FirstNames = ["Maren", "Tobias", "Priya", "Declan", "Imogen", "Rafael", "Odette", "Keaton", "Lorna", "Vikram"],
        LastNames = ["Ashdown", "Whitcombe", "Okafor", "Brannigan", "Fairleigh", "Lindqvist", "Mercado", "Halvorsen", "Pennock"],
        LegalForms = ["Inc.", "LLC", "Ltd", "Corp.", "Group", ""],
        Industries = ["Logistics", "Analytics", "Freight", "Biotech", "Foods", "Outfitters", "Energy", "Robotics"],
        Schools = ["University of {0}", "{0} State University", "{0} College", "{0} Institute of Technology"],
        Degrees = ["Bachelor of Science in {0}", "Master of Arts in {0}", "B.Sc. in {0}", "MBA, {0}", "Associate of Applied Science in {0}", "Master of Science in {0}"],
        Fields = ["Supply Chain Management", "Marine Biology", "Applied Statistics", "Industrial Design", "Computer Science", "Hospitality Management"],
        Titles = ["Senior {0} Planner", "{0} Dispatcher", "Lead {0} Analyst", "{0} Coordinator", "Head of {0}", "Junior {0} Underwriter", "{0} Scheduler", "{0} Buyer"],
        Domains = ["Cold Chain", "Quay Operations", "Kiln Line", "Route", "Loyalty Programme", "Tariff", "Grid Maintenance", "Clinical Data", "Fleet"],
        Skills = ["Route optimisation", "SAP MM", "Power BI", "SQL", "Forecasting", "Vendor negotiation", "Python", "Lean Six Sigma", "Tableau", "Excel VBA", "Incoterms", "AutoCAD"],
        SpokenLanguages = ["English (native)", "Spanish (B2)", "German (A2)", "French – conversational", "Portuguese (B1)"],
        Certifications = ["Certified Supply Chain Professional (CSCP)", "PRINCE2 Foundation", "OSHA 30-Hour Safety", "Certified Cold Chain Handler", "ITIL 4 Foundation"],
        Summaries = ["Operations professional with a record of shortening lead times and keeping warehouses audit-ready.", "Analyst who turns messy operational data into weekly decisions; comfortable with field teams and finance alike."],
        TableHeader = ["Dates", "Position", "Company"],
        Bullets = ["Cut average dock-to-stock time by 18% across two sites.", "Built the weekly capacity report used by regional management.", "Trained six new planners on the scheduling workflow.", "Renegotiated three carrier contracts, saving $240k a year."],
    };

    static Locale German => new()
    {
        Code = "de",
        ExperienceHeadings = ["Berufserfahrung", "Beruflicher Werdegang", "Berufstätigkeit"],
        EducationHeadings = ["Ausbildung", "Bildungsweg", "Studium"],
        SkillsHeadings = ["Kenntnisse", "Fachkenntnisse", "IT-Kenntnisse"],
        LanguagesHeading = "Sprachen", CertificationsHeading = "Zertifikate", ProfileHeading = "Profil",
        MonthsShort = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
        MonthsLong = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        Present = ["heute", "aktuell", "jetzt"],
        At = "bei",
        Cities = ["Bremen", "Leipzig", "Kassel", "Regensburg", "Münster", "Freiburg im Breisgau", "Graz"],
        Country = "Deutschland",
        Phones = ["+49 ### #######", "0151 ########", "+49 (0) ## ######", "0### / ######"],
        EmailDomains = ["web.de", "gmx.de", "posteo.de", "mailbox.org"],
        FirstNames = ["Jannik", "Franziska", "Lennart", "Mareike", "Ole", "Svenja", "Henrike", "Malte", "Friederike", "Jonas"],
        LastNames = ["Brückner", "Hollstein", "Wiesenthal", "Kaltenbach", "Rohrbeck", "Dörnberg", "Eilers", "Sauerwein", "Tiedemann"],
        LegalForms = ["GmbH", "AG", "GmbH & Co. KG", "KG", "SE", ""],
        Industries = ["Logistik", "Anlagenbau", "Kältetechnik", "Datendienste", "Spedition", "Medizintechnik", "Energie"],
        Schools = ["Hochschule {0}", "Universität {0}", "Technische Hochschule {0}", "Fachhochschule {0}"],
        Degrees = ["Bachelor of Science {0}", "Master of Engineering {0}", "B.A. {0}", "M.Sc. {0}", "Diplom {0}"],
        Fields = ["Wirtschaftsinformatik", "Maschinenbau", "Betriebswirtschaftslehre", "Logistikmanagement", "Umwelttechnik", "Mechatronik"],
        Titles = ["Disponent {0}", "Referentin {0}", "Sachbearbeiter {0}", "Leiterin {0}", "Planer {0}", "Einkäufer {0}", "Teamleitung {0}"],
        Domains = ["Kühllogistik", "Tarifwesen", "Lohnbuchhaltung", "Netzinstandhaltung", "Hafenbetrieb", "Routenplanung", "Datenqualität"],
        Skills = ["Tourenplanung", "SAP MM", "Lagerverwaltung", "MS Excel", "Power BI", "SQL", "Gefahrgutrecht", "Prozessoptimierung", "DATEV", "Python", "Zollabwicklung"],
        SpokenLanguages = ["Deutsch (Muttersprache)", "Englisch (C1)", "Französisch (B1)", "Spanisch – Grundkenntnisse", "Polnisch (A2)"],
        Certifications = ["Gefahrgutbeauftragter (IHK)", "Zertifizierter Scrum Master", "Staplerschein", "Ausbilder-Eignungsprüfung (AEVO)", "Six Sigma Green Belt"],
        Summaries = ["Erfahrene Fachkraft mit Schwerpunkt auf termingerechter Disposition und sauberer Dokumentation.", "Zahlenaffin, strukturiert und gewohnt, zwischen Lager, Vertrieb und Controlling zu vermitteln."],
        TableHeader = ["Zeitraum", "Position", "Unternehmen"],
        Bullets = ["Einführung einer wöchentlichen Kapazitätsplanung für drei Standorte.", "Reduzierung der Durchlaufzeiten um 15 %.", "Betreuung von zwei Auszubildenden.", "Verhandlung von Rahmenverträgen mit Speditionen."],
    };

    static Locale French => new()
    {
        Code = "fr",
        ExperienceHeadings = ["Expérience professionnelle", "Expériences professionnelles", "Parcours professionnel"],
        EducationHeadings = ["Formation", "Formation académique", "Études"],
        SkillsHeadings = ["Compétences", "Compétences techniques"],
        LanguagesHeading = "Langues", CertificationsHeading = "Certifications", ProfileHeading = "Profil",
        MonthsShort = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        MonthsLong = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        Present = ["aujourd'hui", "présent", "en cours"],
        At = "chez",
        Cities = ["Lyon", "Nantes", "Rennes", "Grenoble", "Lille", "Montpellier", "Liège"],
        Country = "France",
        Phones = ["+33 6 ## ## ## ##", "06 ## ## ## ##", "07.##.##.##.##", "+33 (0)1 ## ## ## ##"],
        EmailDomains = ["orange.fr", "laposte.net", "free.fr", "gmail.com"],
        FirstNames = ["Margaux", "Baptiste", "Solène", "Gaspard", "Apolline", "Théo", "Clémence", "Anatole", "Maëlys", "Yanis"],
        LastNames = ["Delacroix", "Vautrin", "Lemaréchal", "Castagnet", "Dubreuil", "Fontanier", "Guérin", "Rocheteau", "Massonnet"],
        LegalForms = ["SAS", "SARL", "S.A.", "SA", ""],
        Industries = ["Logistique", "Ingénierie", "Conseil", "Agroalimentaire", "Transports", "Énergies"],
        Schools = ["Université de {0}", "École supérieure de commerce de {0}", "Institut polytechnique de {0}", "IUT de {0}"],
        Degrees = ["Master {0}", "Licence {0}", "Master 2 {0}", "BTS {0}", "Diplôme d'ingénieur, {0}"],
        Fields = ["Gestion de la chaîne logistique", "Génie mécanique", "Informatique", "Économie appliquée", "Commerce international"],
        Titles = ["Chargée de {0}", "Responsable {0}", "Planificateur {0}", "Acheteuse {0}", "Coordinateur {0}", "Chef d'équipe {0}"],
        Domains = ["logistique du froid", "tarification", "paie", "maintenance réseau", "exploitation portuaire", "données cliniques", "flotte"],
        Skills = ["Gestion de stocks", "SAP MM", "Excel avancé", "Power BI", "SQL", "Planification", "Négociation fournisseurs", "Python", "Lean management", "Incoterms"],
        SpokenLanguages = ["Français (langue maternelle)", "Anglais (C1)", "Espagnol (B2)", "Allemand – notions", "Italien (B1)"],
        Certifications = ["Certificat Voltaire", "CACES R489", "PMP", "TOEIC 910", "Habilitation électrique B1V"],
        Summaries = ["Professionnelle rigoureuse, habituée à piloter des flux complexes entre entrepôts et clients.", "Profil polyvalent, à l'aise avec les chiffres comme avec les équipes terrain."],
        TableHeader = ["Période", "Poste", "Entreprise"],
        Bullets = ["Mise en place d'un tableau de bord hebdomadaire des flux.", "Réduction des délais de livraison de 12 %.", "Encadrement d'une équipe de huit personnes.", "Négociation des contrats transporteurs."],
    };
}
