using System.IO.Compression;
using System.Xml;
using AtsParser.Core.Documents;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Zip and XML reading that is safe against zip bombs (total size, ratio and entry-count caps, enforced on the
/// bytes actually inflated, not just the declared sizes), XXE and entity expansion (DTDs prohibited, no resolver)
/// and zip-slip (entries are only ever read into memory, never written to disk).
/// </summary>
public sealed class SafeZip : IDisposable
{
    const int MaxEntries = 5000;
    readonly ZipArchive _zip;
    readonly long _maxTotal;
    readonly int _maxRatio;
    long _inflated;

    public SafeZip(byte[] bytes, long maxUncompressed, int maxRatio)
    {
        _maxTotal = maxUncompressed;
        _maxRatio = maxRatio;
        try { _zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException e) { throw Corrupt("The archive structure is damaged.", e); }
        if (_zip.Entries.Count > MaxEntries) throw Corrupt($"The archive has {_zip.Entries.Count} entries.");
        long declared = _zip.Entries.Sum(e => e.Length);
        if (declared > _maxTotal) throw new DocumentException(ErrorCodes.FileTooLarge, "The document expands to more than the allowed uncompressed size (a possible zip bomb).");
    }

    public bool Has(string name) => _zip.GetEntry(name) is not null;

    public IEnumerable<string> Names => _zip.Entries.Select(e => e.FullName);

    public XmlReader OpenXml(string name)
    {
        var entry = _zip.GetEntry(name) ?? throw Corrupt($"The part '{name}' is missing.");
        if (entry.CompressedLength > 0 && entry.Length / Math.Max(entry.CompressedLength, 1) > _maxRatio && entry.Length > 1_000_000)
            throw new DocumentException(ErrorCodes.FileTooLarge, "A document part has an extreme compression ratio (a possible zip bomb).");
        Stream s;
        try { s = entry.Open(); }
        catch (InvalidDataException e) { throw Corrupt("A document part is encrypted or uses an unsupported compression.", e); }
        // Stops inflating once more bytes come out than the entry declared (or the total budget allows).
        var bounded = new LimitedReadStream(s, Math.Min(_maxTotal - _inflated, Math.Max(entry.Length, 0) + 1),
            () => new InvalidDataException("Entry inflates beyond its declared size."), n => _inflated += n, leaveOpen: false);
        return XmlReader.Create(bounded, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    /// <summary>Runs a reader over a part and turns XML, inflate and bound failures into document errors.</summary>
    public static T Guard<T>(Func<T> read)
    {
        try { return read(); }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            // Only crafted files carry a DTD here; other parsers (LibreOffice) must not get the chance to resolve it.
            throw new DocumentException(ErrorCodes.CorruptDocument,
                "The document contains a DTD (Word and LibreOffice never write one), which is refused for safety. Re-save the document from the original application and upload it again.", e)
            { StopsChain = true };
        }
        catch (XmlException e) { throw Corrupt("A document part is not well-formed XML.", e); }
        catch (InvalidDataException e) { throw Corrupt("A document part cannot be decompressed (damaged data).", e); }
    }

    static DocumentException Corrupt(string why, Exception? inner = null) =>
        new(ErrorCodes.CorruptDocument, why + " Re-save the document from the original application and upload it again.", inner);

    public void Dispose() => _zip.Dispose();
}
