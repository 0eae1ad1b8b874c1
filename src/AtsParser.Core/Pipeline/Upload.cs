using AtsParser.Core.Documents;

namespace AtsParser.Core.Pipeline;

/// <summary>One uploaded file: its bytes, or the reason it was refused while streaming (e.g. too large).</summary>
public sealed record Upload(string FileName, string? ContentType, byte[]? Bytes, DocumentException? Error)
{
    (byte[]? Of, string Hex) _sha256;

    /// <summary>Records a SHA-256 of these bytes that is already known (hashed while the upload was spooled), so it is
    /// not computed a second time.</summary>
    public Upload WithKnownSha256(string hex)
    {
        if (Bytes is { } bytes) _sha256 = (bytes, hex);
        return this;
    }

    /// <summary>Lower-case hex SHA-256 of the bytes, computed once per upload (cache key, dedupe and pipeline share it).</summary>
    public string Sha256
    {
        get
        {
            var bytes = Bytes ?? [];
            if (!ReferenceEquals(_sha256.Of, bytes) || _sha256.Hex is null)
                _sha256 = (bytes, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            return _sha256.Hex;
        }
    }
}
