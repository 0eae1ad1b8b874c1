// pdfwords: a long-lived worker that does what `pdftotext -bbox-layout` does, for one PDF after another.
// Each pdftotext process costs a fork/exec, dynamic linking and poppler's start-up (~7 ms on an idle core) for
// ~1-2 ms of real work on a resume; this worker pays that once. It links the same poppler as pdftotext and walks
// the same TextOutputDev flows, blocks, lines and words (pdftotext.cc, printDocBBox), so the word boxes are the same.
//
// Protocol on stdin/stdout, little-endian int32s:
//   request:  length, last page (pages past it are not read), then `length` bytes of PDF
//   response: status, page count, length, then `length` bytes: with status 0 the word boxes in the compact form
//             below, otherwise a message in UTF-8
//   status:   0 ok, 1 damaged (poppler's error code in the text), 2 encrypted, 3 bad request
// Compact form (protocol 2; protocol 1 answered -bbox-layout's XHTML, which the service still reads):
//   the 4 bytes "\0PW2", then records, each a tag byte and its fields: 'P' page (width, height), 'F' flow,
//   'B' block (box), 'L' line (box), 'W' word (box, int32 byte count, UTF-8 text), 'K' URI link annotation
//   (int32 page, box, int32 byte count, uri: after its page, in the words' coordinates, top-left origin of the media
//   box), 'E' end. A box is xMin, yMin, xMax, yMax, every number a little-endian double: the value pdftotext's "%f"
//   prints, read back (rounded to 6 decimals), so the service's reading order sees the numbers it saw in the XHTML.
// A crash or a hang costs one request: the service kills and restarts the worker and asks pdftotext instead.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>
#include <unistd.h>

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

// The whole reply in one write(2) (a resume's reply fits a pipe's 64 KB): through stdio it went out in 4 KB pieces, and
// the service's async read woke once for each.
static void respond(int32_t status, int32_t pages, const std::string &body)
{
    static std::string reply;
    int32_t header[3] = {status, pages, static_cast<int32_t>(body.size())};
    reply.assign(reinterpret_cast<const char *>(header), sizeof header);
    reply += body;
    const char *p = reply.data();
    size_t n = reply.size();
    while (n > 0) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) exit(1); // the service is gone
        p += w;
        n -= static_cast<size_t>(w);
    }
}

// What reading back pdftotext's "%f" gives: x rounded to 6 decimals (half to even on the exact binary value, as
// glibc prints it), then to the nearest double. Exact integer arithmetic; values too large for it (never a page
// coordinate) go through printf and strtod, which round the same way.
static double sixDecimals(double x)
{
    int exp;
    double frac = std::frexp(std::fabs(x), &exp);
    if (!std::isfinite(x) || frac == 0) return x;
    // |x| = m * 2^e with m a 53-bit integer.
    auto m = static_cast<uint64_t>(std::ldexp(frac, 53));
    int e = exp - 53;
    if (e >= 0) return x; // an integer already
    unsigned __int128 scaled = static_cast<unsigned __int128>(m) * 1000000u, n;
    int shift = -e;
    if (shift >= 100) n = 0;
    else {
        n = scaled >> shift;
        unsigned __int128 rest = scaled - (n << shift), half = static_cast<unsigned __int128>(1) << (shift - 1);
        if (rest > half || (rest == half && (n & 1))) ++n;
    }
    if (n >= (static_cast<unsigned __int128>(1) << 53)) {
        char b[400];
        snprintf(b, sizeof b, "%f", x);
        return strtod(b, nullptr);
    }
    return std::copysign(static_cast<double>(static_cast<uint64_t>(n)) / 1e6, x);
}

static void put(std::string &out, const void *p, size_t n)
{
    out.append(static_cast<const char *>(p), n);
}

static void putInt(std::string &out, int32_t v)
{
    put(out, &v, 4);
}

static void putNumber(std::string &out, double v)
{
    v = sixDecimals(v);
    put(out, &v, 8);
}

static void putBox(std::string &out, char tag, double xMin, double yMin, double xMax, double yMax)
{
    out += tag;
    putNumber(out, xMin);
    putNumber(out, yMin);
    putNumber(out, xMax);
    putNumber(out, yMax);
}

// Text up to its first NUL, as pdftotext's XML writer stops there.
static void putText(std::string &out, const char *s)
{
    size_t n = strlen(s);
    putInt(out, static_cast<int32_t>(n));
    put(out, s, n);
}

// TextWord::getText returns an owned GooString* in poppler 22, a unique_ptr in later versions.
template<typename T>
static void putWordText(std::string &out, T text)
{
    putText(out, text->c_str());
    if constexpr (std::is_pointer_v<T>) delete text;
}

// pdftotext.cc's printLine: TextLine has no box accessor, so the line's box is the words' (0 meaning unset, as there).
static void putLine(std::string &out, std::string &words, const TextLine *line)
{
    double x0, y0, x1, y1, lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
    words.clear();
    for (const TextWord *word = line->getWords(); word; word = word->getNext()) {
        word->getBBox(&x0, &y0, &x1, &y1);
        if (lx0 == 0 || lx0 > x0) lx0 = x0;
        if (ly0 == 0 || ly0 > y0) ly0 = y0;
        if (lx1 < x1) lx1 = x1;
        if (ly1 < y1) ly1 = y1;
        putBox(words, 'W', x0, y0, x1, y1);
        putWordText(words, word->getText());
    }
    putBox(out, 'L', lx0, ly0, lx1, ly1);
    out += words;
}

// The page's URI links; boxes turned from PDF space (bottom-up) into the words' space, as pdftotext's media box.
static void putLinks(std::string &out, PDFDoc *doc, int page)
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
        out += 'K';
        putInt(out, page);
        putNumber(out, std::min(x1, x2) - box->x1);
        putNumber(out, box->y2 - std::max(y1, y2));
        putNumber(out, std::max(x1, x2) - box->x1);
        putNumber(out, box->y2 - std::min(y1, y2));
        putText(out, uri.c_str());
    }
}

static void quiet(ErrorCategory, Goffset, const char *) { }

int main(int argc, char **argv)
{
    if (argc > 1) {
        // -v (or anything): the version line the service logs at start-up.
        printf("pdfwords 2 (poppler version %s)\n", POPPLER_VERSION);
        return strcmp(argv[1], "-v") == 0 ? 0 : 2;
    }
    globalParams = std::make_unique<GlobalParams>();
    globalParams->setTextEncoding("UTF-8");
    globalParams->setErrQuiet(true);
    setErrorCallback(quiet);
    std::vector<char> buf;
    std::string out, words;
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
        out.append("\0PW2", 4);
        for (int page = 1; page <= last; ++page) {
            out += 'P';
            putNumber(out, doc->getPageMediaWidth(page));
            putNumber(out, doc->getPageMediaHeight(page));
            doc->displayPage(&text, page, 72, 72, 0, true, false, false);
            double x0, y0, x1, y1;
            for (const TextFlow *flow = text.getFlows(); flow; flow = flow->getNext()) {
                out += 'F';
                for (const TextBlock *blk = flow->getBlocks(); blk; blk = blk->getNext()) {
                    blk->getBBox(&x0, &y0, &x1, &y1);
                    putBox(out, 'B', x0, y0, x1, y1);
                    for (const TextLine *line = blk->getLines(); line; line = line->getNext()) putLine(out, words, line);
                }
            }
            putLinks(out, doc.get(), page);
        }
        out += 'E';
        respond(0, pages, out);
    }
}
