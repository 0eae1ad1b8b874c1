using Microsoft.AspNetCore.Mvc;

namespace AtsParser.Api.Corrections;

/// <summary>Error codes of the corrections API, each a ProblemDetails that says what to do.</summary>
public static class CorrectionProblems
{
    public const string InvalidPatch = "invalid_patch";
    public const string PathNotFound = "patch_path_not_found";
    public const string TestFailed = "patch_test_failed";
    public const string ForbiddenPath = "patch_path_forbidden";
    public const string InvalidCorrection = "invalid_correction";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InvalidExportFormat = "invalid_export_format";

    public static ProblemDetails For(string code, string detail)
    {
        var (status, title) = code switch
        {
            InvalidPatch => (400, "Malformed JSON Patch"),
            ForbiddenPath => (400, "This part of the resume cannot be corrected"),
            InvalidExportFormat => (400, "Unknown export format"),
            PathNotFound => (422, "Patch path not found"),
            InvalidCorrection => (422, "The corrected resume does not fit schema v1"),
            TestFailed => (409, "Patch test failed"),
            UnsupportedMediaType => (415, "Unsupported media type"),
            _ => (400, "Bad request"),
        };
        var p = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://atsparser.dev/errors/{code}" };
        p.Extensions["code"] = code;
        return p;
    }
}
