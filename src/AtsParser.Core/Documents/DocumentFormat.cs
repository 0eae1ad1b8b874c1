using System.Text.Json.Serialization;

namespace AtsParser.Core.Documents;

[JsonConverter(typeof(JsonStringEnumConverter<DocumentFormat>))]
public enum DocumentFormat
{
    [JsonStringEnumMemberName("pdf")] Pdf,
    [JsonStringEnumMemberName("docx")] Docx,
    [JsonStringEnumMemberName("doc")] Doc,
    [JsonStringEnumMemberName("rtf")] Rtf,
    [JsonStringEnumMemberName("odt")] Odt,
    [JsonStringEnumMemberName("txt")] Txt,
    [JsonStringEnumMemberName("html")] Html,
    [JsonStringEnumMemberName("image")] Image,
}

public static class DocumentFormatNames
{
    public static string Name(this DocumentFormat f) => f.ToString().ToLowerInvariant();
}
