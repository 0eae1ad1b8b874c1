using AtsParser.Core.Parsing.Dates;

namespace AtsParser.Core.Parsing.Derivation;

/// <summary>Date sanity warnings, each with the JSON path of the value it is about.</summary>
public static class QualityChecks
{
    public static IEnumerable<QualityWarning> Dates(List<WorkExperience> jobs, List<Education> education, DateOnly asOf)
    {
        var today = $"{asOf.Year:D4}-{asOf.Month:D2}-{asOf.Day:D2}";
        for (int i = 0; i < jobs.Count; i++)
        {
            var j = jobs[i];
            if (j.Start is not null && j.End is not null && DateParser.Compare(j.Start, j.End) > 0)
                yield return new QualityWarning(WarningCodes.DateEndBeforeStart, "warning", $"workExperience[{i}].end", "The end date is before the start date.");
            if (!j.IsCurrent && j.End?.Iso is { } end && After(end, today))
                yield return new QualityWarning(WarningCodes.FutureEndDate, "warning", $"workExperience[{i}].end", "The end date is after asOf.");
        }
        for (int i = 0; i < education.Count; i++)
        {
            var e = education[i];
            if (e.Start is not null && e.End is not null && DateParser.Compare(e.Start, e.End) > 0)
                yield return new QualityWarning(WarningCodes.DateEndBeforeStart, "warning", $"education[{i}].end", "The end date is before the start date.");
        }
    }

    // Compares at the printed precision: "2026" is not after asOf 2026-03-01, "2026-04" is.
    static bool After(string iso, string today) => string.CompareOrdinal(iso, today[..iso.Length]) > 0;
}
