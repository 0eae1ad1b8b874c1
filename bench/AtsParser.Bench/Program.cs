using AtsParser.Bench;

// Benchmarks, one per file; the first argument names the bench.
return args.FirstOrDefault() switch
{
    "parsing" => await ParsingBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/AtsParser.Bench -- parsing [corpusDir] [rounds]");
    return 2;
}
