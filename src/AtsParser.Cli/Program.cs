using System.CommandLine;
using AtsParser.Cli.Commands;

// ats: the AtsParser command-line client. One line per command; each lives in Commands/.
var root = new RootCommand("ats: parse resumes through an AtsParser server");
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(RequeueCommand.Create());
return await root.Parse(args).InvokeAsync();
