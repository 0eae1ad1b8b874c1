using Microsoft.Extensions.Options;

namespace AtsParser.Api.Infrastructure;

/// <summary>
/// Runs every ValidateOnStart check before the server starts, so invalid settings (Production without any
/// authentication, a malformed API_KEYS entry, ...) end the process with exit code 1 and one log line naming the
/// settings, instead of an unhandled-exception abort (exit 134) with a stack trace.
/// </summary>
public static class StartupValidation
{
    public static bool Passes(WebApplication app)
    {
        // In-memory test hosts (WebApplicationFactory) keep the framework's behaviour: the exception reaches the test.
        if (app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer") return true;
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception e) when (Failures(e) is { Count: > 0 } failures)
        {
            Log.ConfigurationInvalid(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AtsParser.Api.Startup"), string.Join(" ", failures));
            return false;
        }
    }

    static List<string> Failures(Exception e) => e switch
    {
        OptionsValidationException o => [.. o.Failures],
        AggregateException a when a.InnerExceptions.All(x => x is OptionsValidationException) => [.. a.InnerExceptions.SelectMany(x => ((OptionsValidationException)x).Failures)],
        _ => [],
    };
}
