namespace AtsParser.Core.Parsing;

/// <summary>
/// Answers that depend on their argument alone (and on the built-in vocabularies), kept while one document is parsed:
/// the extractors, the segmenter and the date scan ask about the same lines and fragments many times in one parse. Per
/// thread and bounded; each new ResumeDocument forgets them, so a parse never reuses another parse's answers and
/// parsing the same text again costs the same. One mechanism for every site (heuristics and dates alike): a site keeps
/// a <see cref="Cache{TValue}"/> in a <c>[ThreadStatic]</c> field.
/// </summary>
public static class ParseMemo
{
    [ThreadStatic] static int generation;

    /// <summary>Forgets every answer kept on this thread (each new ResumeDocument does).</summary>
    public static void Forget()
    {
        generation++;
    }

    /// <summary>One function's answers; a site keeps one per thread (<c>[ThreadStatic]</c>).</summary>
    internal sealed class Cache<TValue>
    {
        const int Capacity = 2048;
        readonly Dictionary<string, TValue> _answers = new(StringComparer.Ordinal);
        int _generation = -1;

        public TValue Get(string key, Func<string, TValue> compute)
        {
            if (_generation != generation) { _answers.Clear(); _generation = generation; }
            if (_answers.TryGetValue(key, out var known)) return known;
            var value = compute(key);
            if (_answers.Count >= Capacity) _answers.Clear();
            _answers[key] = value;
            return value;
        }
    }
}
