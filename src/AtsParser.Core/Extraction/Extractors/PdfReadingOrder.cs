using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// Reading order from poppler's word boxes. A page whose body splits at a vertical gutter into two sides that
/// both run down the page (nothing crosses the gutter between the header and the footer) is written column by
/// column: header first, then each column whole, left to right, then any footer. Anything else is written exactly
/// as pdftotext writes it. Sides whose lines sit row by row on the same baselines (a label/value table, dates in a
/// right-hand column) are a table, not columns, and keep pdftotext's order.
/// </summary>
public static class PdfReadingOrder
{
    public sealed record Result(string Text, ExtractionLayout Layout);

    public static Result Write(IReadOnlyList<PdfPage> pages)
    {
        var sb = new StringBuilder();
        int columns = 1;
        bool table = false;
        foreach (var p in pages)
        {
            var page = MergeBullets(p);
            var blocks = page.Flows.SelectMany((f, fi) => f.Blocks.Select(b => (Flow: fi, Block: b))).ToList();
            var split = FindColumns(page, blocks.Select(b => b.Block).ToList(), depth: 0);
            if (split is { IsTable: true }) table = true;
            if (split is null || split.IsTable)
            {
                if (WriteWithTables(sb, page)) table = true;
            }
            else
            {
                columns = Math.Max(columns, split.Columns.Count);
                WriteGroup(sb, page, split.Header);
                foreach (var column in split.Columns) WriteGroup(sb, page, column);
                WriteGroup(sb, page, split.Footer);
            }
            sb.Append('\f');
        }
        var layout = columns > 1 ? new ExtractionLayout(ExtractionLayout.MultiColumn, columns)
            : table ? new ExtractionLayout(ExtractionLayout.Table, 1) : ExtractionLayout.Single;
        return new Result(sb.ToString(), layout);
    }

    /// <summary>
    /// Bullets poppler puts in a block of their own (a column of "•" beside the items) go back in front of the item
    /// on their baseline, so an item that wraps ("• Certified Cold Chain" / "Handler") still reads as one item.
    /// </summary>
    static PdfPage MergeBullets(PdfPage page)
    {
        var all = page.Flows.SelectMany(f => f.Blocks).ToList();
        var merged = new Dictionary<PdfBlock, PdfBlock>();
        var dropped = new HashSet<PdfBlock>();
        foreach (var b in all)
        {
            if (!b.Lines.All(IsBulletLine)) continue;
            double h = b.Lines.Max(l => l.Box.Height);
            var target = all.FirstOrDefault(t => t != b && !dropped.Contains(t) && !t.Lines.All(IsBulletLine)
                && t.Box.XMin >= b.Box.XMax - 0.5 && t.Box.XMin - b.Box.XMax < 3 * h
                && t.Box.YMin < b.Box.YMax && b.Box.YMin < t.Box.YMax
                && b.Lines.All(bl => t.Lines.Any(tl => Math.Abs(Mid(bl) - Mid(tl)) < 0.5 * tl.Box.Height)));
            if (target is null) continue;
            var current = merged.TryGetValue(target, out var m) ? m : target;
            var lines = current.Lines.Select(tl =>
            {
                var bullet = b.Lines.FirstOrDefault(bl => Math.Abs(Mid(bl) - Mid(tl)) < 0.5 * tl.Box.Height);
                return bullet is null ? tl : new PdfLine(Union(bullet.Box, tl.Box), [.. bullet.Words, .. tl.Words]);
            }).ToList();
            merged[target] = new PdfBlock(Union(b.Box, current.Box), lines);
            dropped.Add(b);
        }
        if (dropped.Count == 0) return page;
        return page with
        {
            Flows = page.Flows.Select(f => new PdfFlow(f.Blocks.Where(x => !dropped.Contains(x)).Select(x => merged.TryGetValue(x, out var n) ? n : x).ToList()))
                .Where(f => f.Blocks.Count > 0).ToList(),
        };
    }

    // List glyphs only: a "|" set alone between contact items is a separator, not a bullet.
    static bool IsBulletLine(PdfLine l) => l.Words.Count == 1 && l.Words[0].Text is { Length: 1 } t && "•●▪◦■□➢►▶✓✔✗*–-·❖○♦◆➤→".Contains(t[0]);
    static Box Union(Box a, Box b) => new(Math.Min(a.XMin, b.XMin), Math.Min(a.YMin, b.YMin), Math.Max(a.XMax, b.XMax), Math.Max(a.YMax, b.YMax));

    /// <summary>
    /// Writes the page in poppler's order, except a table poppler reads column by column (three or more blocks side by
    /// side whose lines sit on shared baselines: year | degree | school | grade): that is written row by row, cells
    /// joined by " | " as the DOCX reader writes a table row, and a cell's wrapped line ("Universidade Federal de" /
    /// "Mirneira") joined to its cell. Returns whether it wrote such a table.
    /// </summary>
    static bool WriteWithTables(StringBuilder sb, PdfPage page)
    {
        var blocks = page.Flows.SelectMany(f => f.Blocks).ToList();
        var tables = FindTables(page, blocks);
        if (tables.Count == 0)
        {
            foreach (var flow in page.Flows) { PdfWordBoxes.AppendBlocks(sb, flow.Blocks); sb.Append('\n'); }
            return false;
        }
        var tableOf = new Dictionary<PdfBlock, List<PdfBlock>>();
        foreach (var t in tables) foreach (var b in t) tableOf[b] = t;
        var written = new HashSet<List<PdfBlock>>();
        foreach (var flow in page.Flows)
        {
            var run = new List<PdfBlock>();
            foreach (var block in flow.Blocks)
            {
                if (!tableOf.TryGetValue(block, out var t)) { run.Add(block); continue; }
                if (run.Count > 0) { PdfWordBoxes.AppendBlocks(sb, run); run.Clear(); }
                if (written.Add(t)) { WriteRows(sb, t); sb.Append('\n'); }
            }
            if (run.Count > 0) { PdfWordBoxes.AppendBlocks(sb, run); sb.Append('\n'); }
        }
        return true;
    }

    /// <summary>Groups of ≥ 3 blocks, each beside the next with no overlap, sharing at least one baseline across all of them.</summary>
    static List<List<PdfBlock>> FindTables(PdfPage page, List<PdfBlock> blocks)
    {
        var tables = new List<List<PdfBlock>>();
        // The search pairs every block with every other: a page of thousands of blocks (a hostile or generated file)
        // keeps poppler's order rather than costing seconds. A resume page has tens.
        if (blocks.Count > MaxTableSearchBlocks) return tables;
        var used = new HashSet<PdfBlock>();
        foreach (var seed in blocks)
        {
            if (used.Contains(seed)) continue;
            // Blocks on a shared baseline with the seed, left to right, none overlapping the next horizontally.
            var row = blocks.Where(b => !used.Contains(b) && b.Lines.Any(l => seed.Lines.Any(s => Aligned(l, s)))).ToList();
            if (row.Count < 3 || !row.Contains(seed)) continue;
            row = [.. row.OrderBy(b => b.Box.XMin)];
            bool disjoint = true;
            for (int k = 1; k < row.Count; k++) disjoint &= row[k - 1].Box.XMax <= row[k].Box.XMin + 1;
            if (!disjoint) continue;
            // Every block of the row must share a baseline with each of its neighbours (one table, not three columns of prose).
            // Two rows at least, or a header row of labels ("Skill | Version | Years") inside the
            // page: one band of three blocks at the page's edge or holding figures is a contact line or a page footer
            // ("date | name | page"), which page furniture must still see as a line of its own.
            bool rows = true;
            for (int k = 1; k < row.Count; k++) rows &= row[k - 1].Lines.Count(a => row[k].Lines.Any(b => Aligned(a, b))) >= 2;
            if (!rows && !LabelRow(page, row)) continue;
            tables.Add(row);
            used.UnionWith(row);
        }
        return tables;
    }

    const int MaxTableSearchBlocks = 400;

    static bool LabelRow(PdfPage page, List<PdfBlock> row)
    {
        double mid = row.Average(b => (b.Box.YMin + b.Box.YMax) / 2);
        if (mid < 0.08 * page.Height || mid > 0.92 * page.Height) return false;
        return row.All(b => b.Lines.Count == 1 && b.Lines[0].Words.Count <= 4
                            && b.Lines[0].Words.All(w => w.Text.Any(char.IsLetter) && !w.Text.Any(c => char.IsDigit(c) || c == '@')));
    }

    static bool EndsInDash(StringBuilder? cell) => cell is { Length: > 1 } c && c[^1] is '–' or '—' or '-' && c[^2] == ' ';

    // Same baseline and the same type size: a name set larger beside its contact line is no table row.
    static bool Aligned(PdfLine a, PdfLine b) =>
        Math.Abs(Mid(a) - Mid(b)) < 0.25 * Math.Min(a.Box.Height, b.Box.Height) && Math.Min(a.Box.Height, b.Box.Height) >= 0.8 * Math.Max(a.Box.Height, b.Box.Height);

    static void WriteRows(StringBuilder sb, List<PdfBlock> columns)
    {
        var lines = columns.SelectMany((b, c) => b.Lines.Select(l => (Column: c, Line: l))).OrderBy(x => Mid(x.Line)).ToList();
        var rows = new List<StringBuilder?[]>();
        var lastLineOf = new PdfLine?[columns.Count];
        for (int i = 0; i < lines.Count;)
        {
            int j = i + 1;
            while (j < lines.Count && Aligned(lines[i].Line, lines[j].Line)) j++;
            var band = lines.GetRange(i, j - i);
            i = j;
            // A line alone on its baseline, right under the last line of its own cell: that cell wrapped (not the first
            // column's: a line there alone starts a row whose other cells are empty, as in a grid of skills).
            // A first-column cell ending in a dash ("07/2024 –" / "actualmente") is a range that wrapped all the same.
            if (band.Count == 1 && (band[0].Column > 0 || EndsInDash(rows.Count > 0 ? rows[^1][0] : null)) && rows.Count > 0 && rows[^1][band[0].Column] is { } cell && lastLineOf[band[0].Column] is { } above
                && band[0].Line.Box.YMin - above.Box.YMax < 0.6 * band[0].Line.Box.Height)
            {
                cell.Append(' ');
                PdfWordBoxes.AppendLine(cell, band[0].Line);
                lastLineOf[band[0].Column] = band[0].Line;
                continue;
            }
            var row = new StringBuilder?[columns.Count];
            foreach (var (column, line) in band.OrderBy(x => x.Line.Box.XMin))
            {
                var c = row[column] ??= new StringBuilder();
                if (c.Length > 0) c.Append(' ');
                PdfWordBoxes.AppendLine(c, line);
                lastLineOf[column] = line;
            }
            rows.Add(row);
        }
        foreach (var row in rows)
        {
            // A cell of separators only ("|" set as its own block between contact items) is no cell.
            sb.AppendJoin(TableRows.Separator, row.Select(c => c?.ToString()).Where(c => c is not null && c.Any(char.IsLetterOrDigit)));
            sb.Append('\n');
        }
    }

    // Keeps poppler's order and flow grouping inside the group: a flow's blocks that fall in the group stay one run.
    // Within a column, bands top to bottom: blocks whose vertical extents overlap (a date gutter beside its entries) are
    // one band and keep poppler's order inside it; poppler sometimes strings a column's headings into one flow of their
    // own ("Profile", "Education", "Experience", then each section's text), which the bands put back above their text.
    static void WriteGroup(StringBuilder sb, PdfPage page, HashSet<PdfBlock> group)
    {
        if (group.Count == 0) return;
        var order = new Dictionary<PdfBlock, int>();
        var flowOf = new Dictionary<PdfBlock, int>();
        int n = 0;
        for (int f = 0; f < page.Flows.Count; f++)
            foreach (var b in page.Flows[f].Blocks)
                if (group.Contains(b)) { order[b] = n++; flowOf[b] = f; }
        var bands = new List<(double Top, double Bottom, List<PdfBlock> Blocks)>();
        foreach (var b in order.Keys.OrderBy(b => b.Box.YMin))
        {
            if (bands.Count > 0 && b.Box.YMin < bands[^1].Bottom - 0.5)
                bands[^1] = (bands[^1].Top, Math.Max(bands[^1].Bottom, b.Box.YMax), [.. bands[^1].Blocks, b]);
            else bands.Add((b.Box.YMin, b.Box.YMax, [b]));
        }
        foreach (var band in bands)
        {
            // A table inside the column (year | title | employer under a header row) is written row by row, as on a
            // page without columns.
            var tables = FindTables(page, band.Blocks);
            var tableOf = new Dictionary<PdfBlock, List<PdfBlock>>();
            foreach (var t in tables) foreach (var b in t) tableOf[b] = t;
            var written = new HashSet<List<PdfBlock>>();
            // Inside a band: poppler's order, a blank line between its flows as pdftotext writes them.
            foreach (var run in band.Blocks.OrderBy(b => order[b]).GroupBy(b => flowOf[b]))
            {
                var plain = run.Where(b => !tableOf.ContainsKey(b)).ToList();
                foreach (var b in run.Where(tableOf.ContainsKey))
                    if (written.Add(tableOf[b])) { WriteRows(sb, tableOf[b]); sb.Append('\n'); }
                if (plain.Count == 0) continue;
                PdfWordBoxes.AppendBlocks(sb, plain);
                sb.Append('\n');
            }
        }
    }

    sealed record Split(HashSet<PdfBlock> Header, List<HashSet<PdfBlock>> Columns, HashSet<PdfBlock> Footer, bool IsTable);

    static Split? FindColumns(PdfPage page, List<PdfBlock> blocks, int depth)
    {
        if (blocks.Count < 4) return null;
        double textTop = blocks.Min(b => b.Box.YMin), textBottom = blocks.Max(b => b.Box.YMax);
        // Each block's characters once, not once per candidate gutter (the words were summed again for every one).
        var chars = new Dictionary<PdfBlock, int>(ReferenceEqualityComparer.Instance);
        foreach (var b in blocks) chars.TryAdd(b, Chars(b));
        int totalChars = blocks.Sum(b => chars[b]);
        Split? best = null;
        double bestBalance = 0;
        bool bestParallel = false;
        foreach (var g in blocks.Select(b => b.Box.XMax + 0.5).Distinct())
        {
            if (g < page.Width * 0.15 || g > page.Width * 0.85) continue;
            var left = blocks.Where(b => b.Box.XMax <= g).ToList();
            var right = blocks.Where(b => b.Box.XMin >= g).ToList();
            if (left.Count == 0 || right.Count == 0) continue;
            double top = Math.Max(left.Min(b => b.Box.YMin), right.Min(b => b.Box.YMin));
            double bottom = Math.Min(left.Max(b => b.Box.YMax), right.Max(b => b.Box.YMax));
            // What spans the gutter in the upper half is header (a contact line across the page), in the lower half
            // footer; the columns run between them, and must take a good part of the page.
            var crossing = blocks.Where(b => b.Box.XMax > g && b.Box.XMin < g).ToList();
            double middle = (top + bottom) / 2;
            foreach (var b in crossing)
            {
                if ((b.Box.YMin + b.Box.YMax) / 2 < middle) top = Math.Max(top, b.Box.YMax);
                else bottom = Math.Min(bottom, b.Box.YMin);
            }
            if (bottom - top < 0.35 * (textBottom - textTop)) continue;
            var header = blocks.Where(b => b.Box.YMax <= top + 1).ToHashSet();
            var footer = crossing.Where(b => b.Box.YMin >= bottom - 1).ToHashSet();
            var l = left.Where(b => !header.Contains(b)).ToList();
            var r = right.Where(b => !header.Contains(b)).ToList();
            int lc = l.Sum(b => chars[b]), rc = r.Sum(b => chars[b]);
            if (Lines(l) < 3 || Lines(r) < 3 || lc < 0.08 * totalChars || rc < 0.08 * totalChars) continue;
            double balance = Math.Min(lc, rc) / (double)Math.Max(lc, rc);
            // A "header" with a block beside one that crosses the gutter is no page header: the gutter runs inside one
            // column (dates | entries in the main column) while a sidebar goes on beside it. Any split without such a
            // header wins over one with it.
            bool parallel = header.Any(h => !crossing.Contains(h) && crossing.Any(c => header.Contains(c) && c.Box.YMin < h.Box.YMax && h.Box.YMin < c.Box.YMax));
            if (best is not null && (parallel ? 0 : 1, balance).CompareTo((bestParallel ? 0 : 1, bestBalance)) <= 0) continue;
            bestBalance = balance;
            bestParallel = parallel;
            best = new Split(header, [l.ToHashSet(), r.ToHashSet()], footer, RowsAlign(l, r));
        }
        if (best is null || best.IsTable || depth > 0) return best;
        // A third column: split either side again.
        var columns = new List<HashSet<PdfBlock>>();
        foreach (var side in best.Columns)
        {
            var inner = FindColumns(page, side.ToList(), depth + 1);
            if (inner is null || inner.IsTable || inner.Header.Count > 0 || inner.Footer.Count > 0) columns.Add(side);
            else columns.AddRange(inner.Columns);
        }
        return best with { Columns = columns };
    }

    /// <summary>
    /// Most lines of the shorter side share a baseline band with a line of the other side: rows, not columns. Only
    /// the lines that have the other side beside them count: a heading or a list the other side leaves empty beside
    /// (a date column's section headings, a language list under it) runs across the page, it is no evidence of a
    /// column. Dates in a left gutter, each beside its title, are rows however many such lines the page has.
    /// </summary>
    static bool RowsAlign(List<PdfBlock> a, List<PdfBlock> b)
    {
        var la = a.SelectMany(x => x.Lines).ToList();
        var lb = b.SelectMany(x => x.Lines).ToList();
        var (few, many) = la.Count <= lb.Count ? (la, lb) : (lb, la);
        int beside = 0, aligned = 0;
        foreach (var x in few)
        {
            double h = x.Box.Height;
            if (!many.Any(y => y.Box.YMax > x.Box.YMin - h && y.Box.YMin < x.Box.YMax + h)) continue;
            beside++;
            if (many.Any(y => Math.Abs(Mid(x) - Mid(y)) < 0.25 * Math.Min(x.Box.Height, y.Box.Height))) aligned++;
        }
        return beside >= 3 && aligned >= 0.7 * beside;
    }

    static double Mid(PdfLine l) => (l.Box.YMin + l.Box.YMax) / 2;
    static int Lines(List<PdfBlock> blocks) => blocks.Sum(b => b.Lines.Count);
    static int Chars(PdfBlock b) => b.Lines.Sum(l => l.Words.Sum(w => w.Text.Length));

    /// <summary>The words a link annotation covers, in reading order: what a reader sees on the link.</summary>
    public static string? TextUnder(PdfPage page, Box rect)
    {
        var words = page.Flows.SelectMany(f => f.Blocks).SelectMany(b => b.Lines).SelectMany(l => l.Words)
            .Where(w => Inside((w.Box.XMin + w.Box.XMax) / 2, (w.Box.YMin + w.Box.YMax) / 2, rect)).Select(w => w.Text).ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    static bool Inside(double x, double y, Box r) => x >= r.XMin - 2 && x <= r.XMax + 2 && y >= r.YMin - 2 && y <= r.YMax + 2;
}
