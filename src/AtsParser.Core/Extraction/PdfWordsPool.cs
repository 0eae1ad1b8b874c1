using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using AtsParser.Core.Extraction.Extractors;
using Microsoft.Extensions.Options;

namespace AtsParser.Core.Extraction;

/// <summary>
/// Warm `pdfwords` workers (native/pdfwords): each is one long-lived process linked to poppler that answers the word
/// boxes `pdftotext -bbox-layout` prints, in a compact binary form (<see cref="PdfWordsReply"/>), one PDF after another
/// over its stdin/stdout. A pdftotext process costs ~7 ms of
/// fork, exec, linking and poppler start-up plus ~2 ms of our CPU per PDF; a worker pays that once. Poppler still runs
/// outside the service: a PDF that crashes or hangs it costs that worker (killed, restarted on the next call), and the
/// chain asks pdftotext. One request at a time per worker; at most PDF_WORKERS of them (the registry's cap).
/// </summary>
public sealed class PdfWordsPool(ToolRegistry tools, IOptions<ExtractionOptions> options) : IDisposable
{
    public const string Tool = "pdfwords";

    /// <summary>A worker is replaced after this many documents, so whatever poppler keeps between them stays bounded.</summary>
    public const int RecycleAfter = 2000;

    /// <summary>
    /// Content: the word boxes of a protocol-2 worker's compact reply. Text: the message of a failure, or a protocol-1
    /// worker's XHTML (a binary built before protocol 2: read as pdftotext's output is read, never as compact data).
    /// </summary>
    public sealed record Reply(int Status, int Pages, string Text, PdfWordsContent? Content = null)
    {
        public const int Ok = 0, Damaged = 1, Encrypted = 2;
    }

    readonly ConcurrentBag<Worker> _idle = [];
    int _started;

    /// <summary>Workers started since start-up (restarts after a crash, hang or recycling included).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>The idle workers' process ids (CPU accounting in the bench).</summary>
    public IReadOnlyList<int> ProcessIds => _idle.Select(w => w.ProcessId).ToList();

    public async Task<Reply> ReadAsync(ReadOnlyMemory<byte> pdf, int lastPage, CancellationToken ct)
    {
        var o = options.Value;
        using var slot = await tools.AcquireAsync(Tool, ct);
        var worker = _idle.TryTake(out var w) ? w : Start();
        bool reusable = false;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(o.PdfTimeoutSeconds));
        try
        {
            var reply = await worker.AskAsync(pdf, lastPage, o.MaxExtractedChars * 40, limit.Token);
            reusable = worker.Uses < RecycleAfter;
            return reply;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ToolTimeoutException(Tool, TimeSpan.FromSeconds(o.PdfTimeoutSeconds));
        }
        finally
        {
            if (reusable) _idle.Add(worker);
            else worker.Dispose();
        }
    }

    Worker Start()
    {
        Interlocked.Increment(ref _started);
        try
        {
            return new Worker(tools.PathOf(Tool));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Found at start-up but not startable now (removed, not executable): pdftotext reads the PDF instead.
            throw new ExtractorDeclinedException($"the {Tool} worker could not be started: {e.Message}");
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var w)) w.Dispose();
    }

    sealed class Worker : IDisposable
    {
        readonly Process _process;
        readonly Stream _in, _out;
        readonly byte[] _header = new byte[12];

        public int Uses { get; private set; }
        public int ProcessId => _process.Id;

        public Worker(string path)
        {
            var info = new ProcessStartInfo(path)
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            _process = Process.Start(info) ?? throw new ToolFailedException(Tool, $"{Tool} could not be started");
            // poppler is told to be quiet; whatever it says anyway is drained so the pipe never fills and blocks it.
            _process.ErrorDataReceived += static (_, _) => { };
            _process.BeginErrorReadLine();
            _in = _process.StandardInput.BaseStream;
            _out = _process.StandardOutput.BaseStream;
        }

        public async Task<Reply> AskAsync(ReadOnlyMemory<byte> pdf, int lastPage, int maxReplyBytes, CancellationToken ct)
        {
            Uses++;
            BinaryPrimitives.WriteInt32LittleEndian(_header, pdf.Length);
            BinaryPrimitives.WriteInt32LittleEndian(_header.AsSpan(4), lastPage);
            try
            {
                await _in.WriteAsync(_header.AsMemory(0, 8), ct);
                await _in.WriteAsync(pdf, ct);
                await _in.FlushAsync(ct);
                await _out.ReadExactlyAsync(_header, ct);
                int status = BinaryPrimitives.ReadInt32LittleEndian(_header);
                int pages = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(4));
                int length = BinaryPrimitives.ReadInt32LittleEndian(_header.AsSpan(8));
                if (length < 0 || length > maxReplyBytes)
                    throw new ExtractorDeclinedException($"{Tool} answered {length} bytes, more than the {maxReplyBytes} allowed");
                // A page of word boxes is tens of KB: a pooled buffer keeps it off the large-object heap.
                var body = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    await _out.ReadExactlyAsync(body.AsMemory(0, length), ct);
                    var span = body.AsSpan(0, length);
                    if (status != Reply.Ok || !PdfWordsReply.IsCompact(span)) return new Reply(status, pages, Encoding.UTF8.GetString(span));
                    var content = PdfWordsReply.Read(span) ?? throw new ExtractorDeclinedException($"{Tool} answered a malformed reply");
                    return new Reply(status, pages, "", content);
                }
                finally { System.Buffers.ArrayPool<byte>.Shared.Return(body); }
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
            {
                // The worker died under this document (poppler crashed on it) or closed its pipes.
                throw new ExtractorDeclinedException($"the {Tool} worker stopped on this document ({e.GetType().Name})");
            }
        }

        public void Dispose()
        {
            try
            {
                // The rule for every tool process: the whole tree (pdfwords starts none today; a wrapper script might).
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _process.Dispose();
        }
    }
}
