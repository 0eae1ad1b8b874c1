namespace AtsParser.Core.Parsing.Dates;

/// <summary>Month, season and "present" words in the languages resumes arrive in (EN, DE, FR, ES, PT, HE, plus ZH markers).</summary>
static class DateVocabulary
{
    // Each month lists full names and abbreviations across languages; matching is case-insensitive and accent-aware.
    static readonly string[][] MonthNames =
    [
        ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro", "ינואר", "ינו"],
        ["february", "feb", "febr", "februar", "février", "fevrier", "févr", "fév", "febrero", "fevereiro", "fev", "פברואר", "פבר"],
        ["march", "mar", "märz", "maerz", "marz", "mrz", "mär", "mars", "marzo", "março", "marco", "מרץ", "מרס"],
        ["april", "apr", "avril", "avr", "abril", "abr", "אפריל", "אפר"],
        ["may", "mai", "mayo", "maio", "מאי"],
        ["june", "jun", "juni", "juin", "junio", "junho", "יוני", "יונ"],
        ["july", "jul", "juli", "juillet", "juil", "julio", "julho", "יולי", "יול"],
        ["august", "aug", "août", "aout", "agosto", "ago", "אוגוסט", "אוג"],
        ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "setembro", "ספטמבר", "ספט"],
        ["october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "אוקטובר", "אוק"],
        ["november", "nov", "novembre", "noviembre", "novembro", "נובמבר", "נוב"],
        ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dezembro", "דצמבר", "דצמ"],
    ];

    static readonly string[][] SeasonNames =
    [
        ["spring", "frühling", "fruehling", "frühjahr", "printemps", "primavera"],
        ["summer", "sommer", "été", "ete", "verano", "verão", "verao"],
        ["fall", "autumn", "herbst", "automne", "otoño", "otono", "outono"],
        ["winter", "hiver", "invierno", "inverno"],
    ];

    /// <summary>Words meaning "until now", longest first so "till date" wins over "date"-like prefixes.</summary>
    public static readonly string[] PresentWords = new string[]
    {
        "till date", "till now", "to date", "until now", "up to date", "to present", "bis heute", "bis dato", "bis jetzt",
        "à ce jour", "a ce jour", "à présent", "aujourd'hui", "aujourd’hui", "en cours", "actuellement", "en poste", "hasta la fecha", "hasta hoy", "a la fecha", "en curso",
        "la actualidad", "actualidad", "actualmente", "data atual", "o momento", "até o momento", "atualmente", "em curso", "até hoje", "em andamento", "o presente",
        "present", "current", "currently", "now", "today", "ongoing", "heute", "aktuell", "jetzt", "laufend", "derzeit", "dato",
        "présent", "actuel", "actuelle", "presente", "actual", "hoy", "atual", "hoje",
        "至今", "现在", "目前", "今", "עד היום", "היום", "כיום", "עד כה", "הווה",
    }.OrderByDescending(w => w.Length).ToArray();

    static readonly Dictionary<string, int> MonthIndex = Build(MonthNames);
    static readonly Dictionary<string, int> SeasonIndex = Build(SeasonNames);

    public static int? Month(string word) => MonthIndex.TryGetValue(word.Trim('.', ' ', '\'', '’', '׳').ToLowerInvariant(), out var m) ? m : null;

    /// <summary>Seasons map to their first month so ranges order correctly; precision stays "year".</summary>
    public static int? Season(string word) => SeasonIndex.TryGetValue(word.Trim().ToLowerInvariant(), out var s) ? s * 3 : null;

    public static bool IsPresent(string text)
    {
        var t = text.Trim().Trim('.', '(', ')').ToLowerInvariant();
        return PresentWords.Contains(t);
    }

    static Dictionary<string, int> Build(string[][] table)
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < table.Length; i++)
            foreach (var w in table[i]) d.TryAdd(w, i + 1);
        return d;
    }
}
