using System.CommandLine;

namespace AtsParser.Cli.Commands;

public static class ParseCommand
{
    public static readonly Option<string> Server = new("--server", "-s")
    {
        Description = "AtsParser base URL (or ATS_SERVER)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ATS_SERVER") ?? "http://127.0.0.1:5080",
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "Sent as X-API-Key (or ATS_API_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ATS_API_KEY"),
    };

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files and directories (searched recursively for supported documents)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "results.jsonl, results.json, results.csv, or a directory (one JSON per file)", DefaultValueFactory = _ => "ats-results.jsonl" };
        var format = new Option<string?>("--format", "-f") { Description = "json | jsonl | csv (default: from the --out extension)" };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv");
        var batch = new Option<int>("--batch-size") { Description = "Files per job", DefaultValueFactory = _ => 100 };
        var retries = new Option<int>("--retries") { Description = "Retries for an unreachable or busy server (exponential backoff)", DefaultValueFactory = _ => 5 };

        var command = new Command("parse", "Parse files through the jobs API. Interrupted runs resume: finished files (by sha256) are skipped.\n" +
            "Exit codes: 0 all parsed, 2 some files failed, 3 server unreachable, 1 other errors, 130 interrupted.")
        {
            inputs, Server, ApiKey, output, format, batch, retries,
        };
        command.SetAction(async (result, ct) =>
        {
            try
            {
                return await ParseRun.RunAsync(new ParseSettings(result.GetValue(inputs)!, result.GetValue(Server)!, result.GetValue(ApiKey), result.GetValue(output)!,
                    result.GetValue(format), BatchSize: Math.Max(1, result.GetValue(batch)), Retries: Math.Max(0, result.GetValue(retries))), ct);
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or IOException)
            {
                ParseProgress.Note(e.Message);
                return ExitCodes.Error;
            }
        });
        return command;
    }
}
