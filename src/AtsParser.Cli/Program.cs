using System.CommandLine;
using AtsParser.Cli;
using AtsParser.Cli.Commands;

namespace AtsParser.Cli;

// An explicit entry class (not top-level statements): the Api's `Program` stays the only global one for tests.
public static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        // ats: the AtsParser command-line client. One line per command; each lives in its own file.
        var root = new RootCommand("ats: parse resumes through an AtsParser server, and evaluate the parser");
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(RequeueCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
