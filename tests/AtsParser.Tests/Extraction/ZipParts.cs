using System.IO.Compression;
using System.Text;

namespace AtsParser.Tests.Extraction;

/// <summary>Office documents written in a test: a zip of the XML parts given, and WordprocessingML's namespaces.</summary>
internal static class ZipParts
{
    public const string Wns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
                using (var s = zip.CreateEntry(name).Open()) s.Write(Encoding.UTF8.GetBytes(content));
        return ms.ToArray();
    }
}
