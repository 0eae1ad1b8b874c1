using System.CommandLine;
using AtsParser.Cli;

// AtsParser command line: one command per file, wired here.
var root = new RootCommand("AtsParser: resume parsing from the command line");
root.Add(EvalCommand.Create());

return await root.Parse(args).InvokeAsync();
