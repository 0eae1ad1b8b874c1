using SideBySide;

// One round of one build: `extract OUT SPEC...`, `paired OUT BEFORE_BIN AFTER_BIN SPEC...` (both builds in one process), `cache OUT REDIS_URL FILE BATCHES`, `http OUT REDIS_URL|- REPS FILE...`.
// Each line of OUT is {group, path, item, wall, cpu, n}: medians in ms. bench/scripts/side-by-side.py runs the two
// builds alternately and pairs the lines.
if (args.Length < 2) { Console.Error.WriteLine("usage: SideBySide extract|cache|http OUT ..."); return 2; }
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
await using var output = new StreamWriter(args[1], append: true) { AutoFlush = true };
return args[0] switch
{
    "extract" => await ExtractRound.RunAsync(output, args[2..], cts.Token),
    "cache" => await CacheRound.RunAsync(output, args[2], args[3], int.Parse(args[4]), cts.Token),
    "http" => await HttpRound.RunAsync(output, args[2], int.Parse(args[3]), args[4..], cts.Token),
    "paired" => await Paired.RunAsync(output, args[2], args[3], args[4..], cts.Token),
    _ => 2,
};
