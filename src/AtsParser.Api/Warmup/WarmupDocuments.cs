using System.IO.Compression;
using System.Net;
using System.Security;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AtsParser.Api.Warmup;

/// <summary>
/// The warm-up's inputs: four invented resumes (English with a table of its history in the DOCX, German with a
/// sidebar in the PDF, Spanish, Chinese; different heading words, date styles and entry layouts) written in every format whose reader runs in-process (TXT, DOCX, ODT, RTF, HTML, PDF), built in
/// memory at start-up so no sample file ships with the image. Each format goes through its real reader, so the
/// readers, the PDF worker and the parser's paths for each layout are compiled before the first upload.
/// </summary>
public static class WarmupDocuments
{
    public sealed record Sample(string FileName, byte[] Bytes);

    static readonly string[][] Resumes =
    [
        [
            "Jordan Avery Lindqvist",
            "Senior Backend Engineer",
            "jordan.lindqvist@example.org | +1 415 555 0134 | Portland, OR | linkedin.com/in/jordan-lindqvist-example",
            "",
            "SUMMARY",
            "Backend engineer with nine years of experience building payment and logistics platforms in C#, Go and PostgreSQL.",
            "",
            "EXPERIENCE",
            "Senior Backend Engineer, Northwind Freight Systems, Portland, OR",
            "Mar 2020 – Present",
            "• Led the migration of the dispatch service to .NET, cutting p95 latency by 40%.",
            "• Designed an event-sourced billing ledger processing 2M transactions a day.",
            "Software Engineer | Bluefin Payments | Seattle, WA | 06/2016 - 02/2020",
            "• Built card tokenisation APIs in Go and maintained Kafka consumers.",
            "",
            "EDUCATION",
            "Bachelor of Science in Computer Science, University of Oregon, 2012 – 2016",
            "",
            "SKILLS",
            "C#, .NET, Go, PostgreSQL, Redis, Kafka, Docker, Kubernetes, AWS, Terraform",
            "",
            "CERTIFICATIONS",
            "AWS Certified Solutions Architect – Associate (2021)",
            "",
            "LANGUAGES",
            "English (native), Spanish (B2)",
        ],
        [
            "Lebenslauf",
            "Katrin Holzmeier-Brandt",
            "E-Mail: k.holzmeier@example.de · Telefon: 0176 5550 1234 · Leipzig",
            "",
            "Berufserfahrung",
            "01/2019 – heute  Projektleiterin Digitalisierung",
            "Elbtal Maschinenbau GmbH, Dresden",
            "- Einführung eines ERP-Systems an drei Standorten",
            "- Führung eines Teams von 8 Mitarbeitenden",
            "09/2015 – 12/2018  Wirtschaftsinformatikerin",
            "Stadtwerke Muldental AG, Grimma",
            "",
            "Ausbildung",
            "2010 – 2015  Master of Science Wirtschaftsinformatik, Universität Leipzig",
            "",
            "Kenntnisse",
            "SAP S/4HANA, SQL, Python, Scrum, Projektmanagement",
            "",
            "Sprachen",
            "Deutsch – Muttersprache; Englisch – verhandlungssicher; Französisch – Grundkenntnisse",
        ],
        [
            "MARÍA FERNANDA OCAMPO RÍOS",
            "Analista de Datos",
            "maria.ocampo@example.com  ·  +34 612 555 098  ·  Valencia, España",
            "",
            "PERFIL PROFESIONAL",
            "Analista de datos con experiencia en banca y comercio minorista.",
            "",
            "EXPERIENCIA LABORAL",
            "Analista de Datos Senior en Banco Litoral (Valencia)",
            "Enero 2021 - Actualidad",
            "Automatización de informes regulatorios con Python y Power BI.",
            "Analista de Negocio en Almacenes Turia S.A.",
            "Septiembre 2017 - Diciembre 2020",
            "",
            "FORMACIÓN",
            "Grado en Estadística — Universitat de València (2013 - 2017)",
            "",
            "HABILIDADES",
            "Python · SQL · Power BI · Tableau · Excel avanzado",
            "",
            "IDIOMAS",
            "Español: nativo | Inglés: C1",
        ],
        [
            "王晓明",
            "电话：138 0013 8000 | 邮箱：wang.xiaoming@example.cn | 上海",
            "",
            "工作经历",
            "2020年3月 – 至今  上海云帆科技有限公司  高级前端工程师",
            "负责电商平台前端架构设计，页面加载时间缩短40%。",
            "2017年7月 – 2020年2月  杭州数联网络有限公司  前端工程师",
            "",
            "教育背景",
            "2013年9月 – 2017年6月  浙江大学  计算机科学与技术  学士",
            "",
            "专业技能",
            "JavaScript、TypeScript、React、Vue、Node.js、Webpack",
            "",
            "语言能力",
            "英语（CET-6）",
        ],
    ];

    /// <summary>Experience and education as Word table rows (period | role | employer), a common template layout.</summary>
    static readonly string[][] TableRows =
    [
        ["Mar 2020 – Present", "Senior Backend Engineer", "Northwind Freight Systems, Portland, OR"],
        ["06/2016 – 02/2020", "Software Engineer", "Bluefin Payments, Seattle, WA"],
        ["2012 – 2016", "Bachelor of Science in Computer Science", "University of Oregon"],
    ];

    /// <summary>The multipart boundary of <see cref="Multipart"/>.</summary>
    public const string Boundary = "atsparser-warmup-boundary";

    /// <summary>A sample as an upload's body: one `file` part, as clients send it.</summary>
    public static byte[] Multipart(Sample sample)
    {
        var head = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{sample.FileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        var tail = Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n");
        return [.. head, .. sample.Bytes, .. tail];
    }

    /// <summary>Every sample in every format, in a fixed order.</summary>
    public static IReadOnlyList<Sample> All()
    {
        var samples = new List<Sample>();
        for (int i = 0; i < Resumes.Length; i++)
        {
            var lines = Resumes[i];
            var name = $"warmup-{i + 1}";
            samples.Add(new($"{name}.txt", Encoding.UTF8.GetBytes(string.Join('\n', lines))));
            samples.Add(new($"{name}.docx", Docx(lines, i == 0 ? TableRows : null)));
            // The standard PDF fonts have no ideographs: the Chinese sample is TXT and DOCX only.
            if (i < 3) samples.Add(new($"{name}.pdf", Pdf(lines, twoColumns: i == 1)));
            if (i == 0) samples.Add(new($"{name}.html", Html(lines)));
            if (i == 1) samples.Add(new($"{name}.odt", Odt(lines)));
            if (i == 2) samples.Add(new($"{name}.rtf", Rtf(lines)));
        }
        return samples;
    }

    static byte[] Docx(string[] lines, string[][]? table)
    {
        var body = new StringBuilder();
        foreach (var line in lines)
            body.Append("<w:p><w:r><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(line)).Append("</w:t></w:r></w:p>");
        if (table is not null)
        {
            body.Append("<w:p><w:r><w:t>HISTORY</w:t></w:r></w:p><w:tbl>");
            foreach (var row in table)
            {
                body.Append("<w:tr>");
                foreach (var cell in row) body.Append("<w:tc><w:p><w:r><w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(cell)).Append("</w:t></w:r></w:p></w:tc>");
                body.Append("</w:tr>");
            }
            body.Append("</w:tbl>");
        }
        return Zip(
            ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
            ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"""));
    }

    static byte[] Odt(string[] lines)
    {
        var body = new StringBuilder();
        foreach (var line in lines) body.Append("<text:p>").Append(SecurityElement.Escape(line)).Append("</text:p>");
        return Zip(
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"""),
            ("content.xml", $"""<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>{body}</office:text></office:body></office:document-content>"""));
    }

    static byte[] Zip(params (string Name, string Content)[] parts)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in parts)
            {
                // ODF wants its mimetype first and stored; the DOCX parts do not mind either way.
                using var s = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Fastest).Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
        return ms.ToArray();
    }

    static byte[] Html(string[] lines)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Resume</title></head><body>");
        foreach (var line in lines)
            html.Append(line.Length == 0 ? "<br>" : line == line.ToUpperInvariant() && line.Any(char.IsLetter) ? $"<h2>{WebUtility.HtmlEncode(line)}</h2>" : $"<p>{WebUtility.HtmlEncode(line)}</p>");
        return Encoding.UTF8.GetBytes(html.Append("</body></html>").ToString());
    }

    static byte[] Rtf(string[] lines)
    {
        var rtf = new StringBuilder(@"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}\f0\fs20 ");
        foreach (var line in lines)
        {
            foreach (var c in line)
            {
                if (c is '\\' or '{' or '}') rtf.Append('\\').Append(c);
                else if (c < 128) rtf.Append(c);
                else rtf.Append(@"\u").Append((int)c).Append('?');
            }
            rtf.Append(@"\par ");
        }
        return Encoding.ASCII.GetBytes(rtf.Append('}').ToString());
    }

    /// <summary>A one-page PDF in a standard font; the second sample puts its contact and skills lines in a left
    /// sidebar, so the reading-order code that splits columns runs too.</summary>
    static byte[] Pdf(string[] lines, bool twoColumns)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        double main = 56, sidebar = 40, y = 790, sideY = 700;
        foreach (var raw in lines)
        {
            var line = Ascii(raw);
            bool side = twoColumns && (line.Contains('@') || line.StartsWith("Kenntnisse", StringComparison.Ordinal) || line.StartsWith("SAP", StringComparison.Ordinal));
            if (side)
            {
                page.AddText(line.Length > 40 ? line[..40] : line, 8, new PdfPoint(sidebar, sideY), font);
                sideY -= 12;
                continue;
            }
            if (line.Length > 0) page.AddText(line, 10, new PdfPoint(twoColumns ? 230 : main, y), font);
            y -= line.Length == 0 ? 8 : 14;
        }
        return builder.Build();
    }

    // The standard fonts of the PDF writer draw ASCII only: accented letters lose their accents, the rest becomes '?'.
    static string Ascii(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Replace('–', '-').Replace('—', '-').Replace('•', '-').Replace('·', '|').Replace('ß', 's').Normalize(NormalizationForm.FormD))
        {
            if (c < 128) sb.Append(c);
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark) sb.Append('?');
        }
        return sb.ToString();
    }
}
