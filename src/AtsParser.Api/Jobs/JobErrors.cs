using AtsParser.Core.Documents;

namespace AtsParser.Api.Jobs;

/// <summary>The jobs API's codes; their wording and status live in the one catalogue, <see cref="ErrorCodes"/>.</summary>
public static class JobErrors
{
    public const string QueueFull = ErrorCodes.QueueFull;
    public const string JobNotFound = ErrorCodes.JobNotFound;
    public const string InvalidWebhookUrl = ErrorCodes.InvalidWebhookUrl;
    public const string WebhooksDisabled = ErrorCodes.WebhooksDisabled;
    public const string BytesMissing = ErrorCodes.BytesMissing;
    public const string JobTooLarge = ErrorCodes.JobTooLarge;
}

/// <summary>Refusal of a whole job submission; the endpoint turns it into ProblemDetails.</summary>
public sealed class JobRejectedException(string code, string? detail = null) : CodedException(code, detail);
