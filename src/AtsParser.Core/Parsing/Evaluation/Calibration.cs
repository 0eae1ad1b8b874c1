namespace AtsParser.Core.Parsing.Evaluation;

/// <summary>
/// Does an item's confidence mean what it says? Jobs and education entries binned by their confidence, with the share
/// that is right: paired with a key entry and both of its sides (title and employer, degree and institution) exact.
/// </summary>
public sealed class Calibration
{
    public static readonly (string Label, double From, double To)[] Bins = [("< 0.5", 0, 0.5), ("0.5–0.7", 0.5, 0.7), ("0.7–0.9", 0.7, 0.9), (">= 0.9", 0.9, double.MaxValue)];

    public const string Jobs = "jobs", Education = "education";

    readonly List<(string Kind, double Confidence, bool Correct)> _items = [];

    public void Add(string kind, double confidence, bool correct) => _items.Add((kind, confidence, correct));

    public IReadOnlyList<CalibrationBin> Table() =>
        [.. from kind in new[] { Jobs, Education }
            from bin in Bins
            let items = _items.Where(i => i.Kind == kind && i.Confidence >= bin.From && i.Confidence < bin.To).ToList()
            select new CalibrationBin(kind, bin.Label, items.Count, items.Count(i => i.Correct))];
}

public sealed record CalibrationBin(string Kind, string Bin, int Items, int Correct)
{
    public double? ShareCorrect => Items == 0 ? null : (double)Correct / Items;
}
