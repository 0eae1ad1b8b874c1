namespace AtsParser.Api.Parsing.OpenAi;

/// <summary>
/// The seam to the shared post-processing (ISO dates, E.164 phones, degree levels, derived fields, quality checks)
/// that every parser's output goes through. The OpenAI parser applies each registered finalizer, in order, to the
/// grounded answer; the model never fills those fields.
/// </summary>
public interface IResumeFinalizer
{
    Resume Finalize(Resume resume, ParseInput input);
}
