using System.CommandLine;
using AtsParser.Synth;

// ats-synth --out DIR [--seed N] [--count N]: synthetic resumes (DOCX/PDF/ODT/RTF) with truth/ answer keys for `ats eval`.
var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder to write the set into (its docx/pdf/odt/rtf/truth folders are replaced)", Required = true };
var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same resumes", DefaultValueFactory = _ => SynthSet.DefaultSeed };
var count = new Option<int>("--count") { Description = "Number of documents", DefaultValueFactory = _ => SynthSet.DefaultCount };
var root = new RootCommand("Writes synthetic resumes with known answers (a second development set for `ats eval`)") { outDir, seed, count };
root.SetAction(async (parse, ct) =>
{
    var files = await SynthSet.GenerateAsync(parse.GetValue(outDir)!.FullName, parse.GetValue(seed), parse.GetValue(count), ct);
    Console.WriteLine($"{files.Count} documents with answer keys in {parse.GetValue(outDir)!.FullName}");
    return 0;
});
return await root.Parse(args).InvokeAsync();
