// pdfwords: a long-lived worker that does what `pdftotext -bbox-layout` does, for one PDF after another.
// Each pdftotext process costs a fork/exec, dynamic linking and poppler's start-up (~7 ms on an idle core) for
// ~1-2 ms of real work on a resume; this worker pays that once. It links the same poppler as pdftotext and walks
// the same TextOutputDev flows, blocks, lines and words (pdftotext.cc, printDocBBox), so the word boxes are the same.
//
// Protocol on stdin/stdout, little-endian int32s:
//   request:  length, last page (pages past it are not read), then `length` bytes of PDF
//   response: status, page count, length, then `length` bytes of UTF-8: the <doc> part of -bbox-layout's XHTML, and
//             after each page its URI link annotations, <link page= xMin= yMin= xMax= yMax=>uri</link>, in the
//             words' coordinates (top-left origin of the media box), so the service needs no second PDF reader for them
//   status:   0 ok, 1 damaged (poppler's error code in the text), 2 encrypted, 3 bad request
// A crash or a hang costs one request: the service kills and restarts the worker and asks pdftotext instead.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include <Annot.h>
#include <ErrorCodes.h>
#include <Error.h>
#include <GlobalParams.h>
#include <Link.h>
#include <Page.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>
#include <poppler-config.h>

static bool readAll(void *buf, size_t n)
{
    return n == 0 || fread(buf, 1, n, stdin) == n;
}

static void writeInt(int32_t v)
{
    fwrite(&v, 4, 1, stdout);
}

static void respond(int32_t status, int32_t pages, const std::string &body)
{
    writeInt(status);
    writeInt(pages);
    writeInt(static_cast<int32_t>(body.size()));
    fwrite(body.data(), 1, body.size(), stdout);
    fflush(stdout);
}

// pdftotext's myXmlTokenReplace.
static void appendXml(std::string &out, const char *s)
{
    for (; *s; ++s) {
        switch (*s) {
        case '&': out += "&amp;"; break;
        case '\'': out += "&apos;"; break;
        case '"': out += "&quot;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += *s;
        }
    }
}

static void appendBox(std::string &out, const char *tag, double xMin, double yMin, double xMax, double yMax)
{
    char b[256];
    snprintf(b, sizeof b, "<%s xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">", tag, xMin, yMin, xMax, yMax);
    out += b;
}

// TextWord::getText returns an owned GooString* in poppler 22, a unique_ptr in later versions.
template<typename T>
static void appendWordText(std::string &out, T text)
{
    appendXml(out, text->c_str());
    if constexpr (std::is_pointer_v<T>) delete text;
}

// pdftotext.cc's printLine: TextLine has no box accessor, so the line's box is the words' (0 meaning unset, as there).
static void appendLine(std::string &out, const TextLine *line)
{
    double x0, y0, x1, y1, lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
    std::string words;
    for (const TextWord *word = line->getWords(); word; word = word->getNext()) {
        word->getBBox(&x0, &y0, &x1, &y1);
        if (lx0 == 0 || lx0 > x0) lx0 = x0;
        if (ly0 == 0 || ly0 > y0) ly0 = y0;
        if (lx1 < x1) lx1 = x1;
        if (ly1 < y1) ly1 = y1;
        appendBox(words, "word", x0, y0, x1, y1);
        appendWordText(words, word->getText());
        words += "</word>\n";
    }
    appendBox(out, "line", lx0, ly0, lx1, ly1);
    out += "\n";
    out += words;
    out += "</line>\n";
}

// The page's URI links; boxes turned from PDF space (bottom-up) into the words' space, as pdftotext's media box.
static void appendLinks(std::string &out, PDFDoc *doc, int page)
{
    Page *p = doc->getPage(page);
    if (!p) return;
    const PDFRectangle *box = p->getMediaBox();
    std::unique_ptr<Links> links = doc->getLinks(page);
    if (!links) return;
    for (const AnnotLink *link : links->getLinks()) {
        const LinkAction *action = link->getAction();
        if (!action || action->getKind() != actionURI) continue;
        const std::string &uri = static_cast<const LinkURI *>(action)->getURI();
        if (uri.empty()) continue;
        double x1, y1, x2, y2;
        link->getRect(&x1, &y1, &x2, &y2);
        char b[256];
        snprintf(b, sizeof b, "<link page=\"%d\" xMin=\"%f\" yMin=\"%f\" xMax=\"%f\" yMax=\"%f\">", page,
                 std::min(x1, x2) - box->x1, box->y2 - std::max(y1, y2), std::max(x1, x2) - box->x1, box->y2 - std::min(y1, y2));
        out += b;
        appendXml(out, uri.c_str());
        out += "</link>\n";
    }
}

static void quiet(ErrorCategory, Goffset, const char *) { }

int main(int argc, char **argv)
{
    if (argc > 1) {
        // -v (or anything): the version line the service logs at start-up.
        printf("pdfwords 1 (poppler version %s)\n", POPPLER_VERSION);
        return strcmp(argv[1], "-v") == 0 ? 0 : 2;
    }
    globalParams = std::make_unique<GlobalParams>();
    globalParams->setTextEncoding("UTF-8");
    globalParams->setErrQuiet(true);
    setErrorCallback(quiet);
    std::vector<char> buf;
    std::string out;
    for (;;) {
        int32_t header[2];
        if (!readAll(header, sizeof header)) return 0;
        int32_t length = header[0], lastPage = header[1];
        if (length < 0 || length > (1 << 30) || lastPage < 1) { respond(3, 0, "bad request"); return 1; }
        buf.resize(static_cast<size_t>(length));
        if (!readAll(buf.data(), buf.size())) return 1;
        out.clear();
        // PDFDoc owns and deletes the stream; the bytes stay in buf until the next request.
        auto doc = std::make_unique<PDFDoc>(new MemStream(buf.data(), 0, length, Object(objNull)));
        if (!doc->isOk()) {
            int code = doc->getErrorCode();
            respond(code == errEncrypted ? 2 : 1, 0, "poppler error " + std::to_string(code));
            continue;
        }
        // Opened, so either not encrypted or with an empty user password (owner password only): pdftotext reads those too.
        int pages = doc->getNumPages();
        int last = pages < lastPage ? pages : lastPage;
        TextOutputDev text(nullptr, false, 0, false, false, false);
        if (!text.isOk()) { respond(3, pages, "text output failed"); continue; }
        out += "<doc>\n";
        for (int page = 1; page <= last; ++page) {
            char b[128];
            snprintf(b, sizeof b, "<page width=\"%f\" height=\"%f\">\n", doc->getPageMediaWidth(page), doc->getPageMediaHeight(page));
            out += b;
            doc->displayPage(&text, page, 72, 72, 0, true, false, false);
            double x0, y0, x1, y1;
            for (const TextFlow *flow = text.getFlows(); flow; flow = flow->getNext()) {
                out += "<flow>\n";
                for (const TextBlock *blk = flow->getBlocks(); blk; blk = blk->getNext()) {
                    blk->getBBox(&x0, &y0, &x1, &y1);
                    appendBox(out, "block", x0, y0, x1, y1);
                    out += "\n";
                    for (const TextLine *line = blk->getLines(); line; line = line->getNext()) appendLine(out, line);
                    out += "</block>\n";
                }
                out += "</flow>\n";
            }
            out += "</page>\n";
            appendLinks(out, doc.get(), page);
        }
        out += "</doc>\n";
        respond(0, pages, out);
    }
}
