using System.CommandLine;
using AtsParser.Cli.Client;

namespace AtsParser.Cli.Commands;

/// <summary>`ats requeue JOB_ID`: puts a job's dead-lettered files back in the queue (POST /api/v1/jobs/{id}/requeue).</summary>
public static class RequeueCommand
{
    public static Command Create()
    {
        var job = new Argument<Guid>("job") { Description = "The job id" };
        var command = new Command("requeue", "Requeue a job's dead-lettered files") { job, ParseCommand.Server, ParseCommand.ApiKey };
        command.SetAction(async (result, ct) =>
        {
            using var client = new JobsClient(result.GetValue(ParseCommand.Server)!, result.GetValue(ParseCommand.ApiKey));
            try
            {
                var n = await client.RequeueAsync(result.GetValue(job), ct);
                Console.WriteLine($"requeued {n} dead-lettered files of job {result.GetValue(job)}");
                return ExitCodes.Success;
            }
            catch (ServerUnreachableException e) { Console.Error.WriteLine(e.Message); return ExitCodes.Unreachable; }
            catch (ApiException e) { Console.Error.WriteLine(e.Message); return ExitCodes.Error; }
        });
        return command;
    }
}
