namespace AtsParser.Core.Parsing;

/// <summary>
/// The match timeout on the parser's patterns that see whole lines of untrusted text. The patterns are written without
/// nested quantifiers, so the guard is a safety net, not a budget. It counts wall-clock time, and at 1 s a starved
/// 2-core machine (load 40+) tripped it on ordinary resumes (504 parse_timeout); 5 s keeps the net and spares them.
/// </summary>
public static class RegexGuard
{
    public const int Milliseconds = 5000;
}
