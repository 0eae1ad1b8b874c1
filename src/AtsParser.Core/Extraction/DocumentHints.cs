namespace AtsParser.Core.Extraction;

/// <summary>
/// Text the document marks outside its flow of lines: a paragraph styled Title or Subtitle, or a document property
/// (title, author, last editor). Evidence for the parser, never truth: an author is often a template's or a
/// recruiter's name, a title property the file name.
/// </summary>
public sealed record DocumentHint(string Kind, string Text);

public static class DocumentHints
{
    public const string TitleStyle = "style:title";
    public const string SubtitleStyle = "style:subtitle";
    public const string TitleProperty = "property:title";
    public const string AuthorProperty = "property:author";
    public const string EditorProperty = "property:editor";

    const int MaxHints = 16, MaxChars = 200;

    /// <summary>Adds a hint with its whitespace collapsed; empty, overlong, repeated or surplus hints are dropped.</summary>
    public static void Add(List<DocumentHint> hints, string kind, string? text)
    {
        if (text is null || hints.Count >= MaxHints) return;
        var t = string.Join(' ', text.Replace('\u00A0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (t.Length is 0 or > MaxChars) return;
        var hint = new DocumentHint(kind, t);
        if (!hints.Contains(hint)) hints.Add(hint);
    }

    /// <summary>
    /// The kind of a paragraph style from its name ("Title", "Subtitle"; Word keeps these names in English behind a
    /// localized id, but some files carry the translated name). Word resume templates also call the name's style "Name".
    /// </summary>
    public static string? StyleKind(string? styleName) => styleName?.Trim().ToLowerInvariant() switch
    {
        "title" or "titel" or "titre" or "título" or "titulo" or "titolo" or "tytuł" or "name" => TitleStyle,
        "subtitle" or "untertitel" or "sous-titre" or "subtítulo" or "subtitulo" or "sottotitolo" or "podtytuł" => SubtitleStyle,
        _ => null,
    };
}
