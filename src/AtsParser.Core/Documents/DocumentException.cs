namespace AtsParser.Core.Documents;

/// <summary>A problem with the uploaded document (or request) that maps to a stable error code.</summary>
public sealed class DocumentException(string code, string? detail = null, Exception? inner = null)
    : CodedException(code, detail, inner)
{
    /// <summary>The file is hostile (e.g. a DTD inside an Office part): no further extractor may be given it.</summary>
    public bool StopsChain { get; init; }
}

