using AtsParser.Core.Documents;

namespace AtsParser.Api.Corrections;

/// <summary>The corrections API's codes; their wording and status live in the one catalogue, <see cref="ErrorCodes"/>.</summary>
public static class CorrectionProblems
{
    public const string InvalidPatch = ErrorCodes.InvalidPatch;
    public const string PathNotFound = ErrorCodes.PatchPathNotFound;
    public const string TestFailed = ErrorCodes.PatchTestFailed;
    public const string ForbiddenPath = ErrorCodes.PatchPathForbidden;
    public const string InvalidCorrection = ErrorCodes.InvalidCorrection;
    public const string UnsupportedMediaType = ErrorCodes.UnsupportedMediaType;
    public const string InvalidExportFormat = ErrorCodes.InvalidExportFormat;
}
