using System.Security.Cryptography;
using System.Text;
using AtsParser.Api.Parse;
using AtsParser.Core.Documents;
using AtsParser.Core.Extraction;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace AtsParser.Tests.Parsing;

/// <summary>Small uploads stay in memory, larger ones go to a private temp file; either way the same bytes and hash.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SpooledUploadTests : IDisposable
{
    readonly string _base;
    readonly ExtractionOptions _options;

    public SpooledUploadTests()
    {
        _base = Directory.CreateTempSubdirectory("atsparser-spool-").FullName;
        _options = new ExtractionOptions { TempRoot = _base };
    }

    // One instance, one root (each options instance makes its own).
    string Root() => _options.TempDirectory;

    static byte[] Bytes(int n, int seed) { var b = new byte[n]; new Random(seed).NextBytes(b); return b; }

    static string[] FilesIn(string root) => Directory.Exists(root) ? Directory.GetFiles(root, "upload-*") : [];

    /// <summary>A request body that arrives in small pieces, as a network stream does.</summary>
    sealed class Trickle(byte[] data, int piece) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], ct);
    }

    [Fact]
    public async Task A_file_within_the_allowance_stays_in_memory_and_leaves_no_temp_file()
    {
        var root = Root();
        var data = Bytes(700_000, 1);

        await using (var upload = await SpooledUpload.WriteAsync(root, new Trickle(data, 10_000), "cv.pdf", "application/pdf", 10_000_000, CancellationToken.None, keepInMemory: 1 << 20))
        {
            upload.InMemory.Should().BeTrue();
            upload.Path.Should().BeNull();
            FilesIn(root).Should().BeEmpty("nothing was written to disk");
            upload.Length.Should().Be(data.Length);
            upload.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(data)));
            (await upload.LoadAsync(CancellationToken.None)).Bytes.Should().Equal(data);
            using var read = new MemoryStream();
            await using (var s = upload.OpenRead()) await s.CopyToAsync(read);
            read.ToArray().Should().Equal(data);
        }
    }

    [Fact]
    public async Task A_file_past_the_allowance_goes_whole_to_a_0600_temp_file_that_dispose_removes()
    {
        var root = Root();
        var data = Bytes(300_000, 2);

        var upload = await SpooledUpload.WriteAsync(root, new Trickle(data, 7_000), "cv.docx", null, 10_000_000, CancellationToken.None, keepInMemory: 100_000);

        upload.InMemory.Should().BeFalse();
        upload.Path.Should().NotBeNull();
        File.GetUnixFileMode(upload.Path!).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllBytes(upload.Path!).Should().Equal(data, "the bytes held before the switch come first");
        upload.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(data)));
        (await upload.LoadAsync(CancellationToken.None)).Bytes.Should().Equal(data);
        await upload.DisposeAsync();
        FilesIn(root).Should().BeEmpty();
    }

    [Fact]
    public async Task Past_the_process_wide_budget_small_files_go_to_disk_and_dispose_gives_the_budget_back()
    {
        var root = Root();
        var before = SpooledUpload.HeldInMemory;
        var data = Bytes(1 << 20, 4);
        int fit = (int)((SpooledUpload.ProcessInMemoryBudget - before) / data.Length);
        var uploads = new List<SpooledUpload>();
        try
        {
            for (int i = 0; i < fit + 2; i++)
                uploads.Add(await SpooledUpload.WriteAsync(root, new MemoryStream(data), $"cv{i}.pdf", null, 10_000_000, CancellationToken.None, keepInMemory: 1 << 20));

            uploads.Count(u => u.InMemory).Should().Be(fit);
            uploads.Skip(fit).Should().OnlyContain(u => u.Path != null && File.Exists(u.Path));
            SpooledUpload.HeldInMemory.Should().BeLessThanOrEqualTo(SpooledUpload.ProcessInMemoryBudget);
            (await uploads[^1].LoadAsync(CancellationToken.None)).Bytes.Should().Equal(data);
        }
        finally
        {
            foreach (var u in uploads) await u.DisposeAsync();
        }
        SpooledUpload.HeldInMemory.Should().Be(before);
        FilesIn(root).Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50_000)]
    [InlineData(1 << 20)]
    public async Task A_file_over_the_size_limit_is_refused_and_leaves_nothing_behind(int keepInMemory)
    {
        var root = Root();

        await using var upload = await SpooledUpload.WriteAsync(root, new Trickle(Bytes(200_000, 3), 9_000), "big.pdf", null, 100_000, CancellationToken.None, keepInMemory);

        upload.Error!.Code.Should().Be(ErrorCodes.FileTooLarge);
        upload.InMemory.Should().BeFalse();
        upload.Path.Should().BeNull();
        FilesIn(root).Should().BeEmpty();
    }

    [Fact]
    public async Task A_bulk_request_keeps_files_in_memory_only_up_to_its_budget()
    {
        var root = Root();
        var files = Enumerable.Range(0, 6).Select(i => Bytes(900_000, 10 + i)).ToList();
        var boundary = "----spooltest";
        using var body = new MemoryStream();
        foreach (var (f, i) in files.Select((f, i) => (f, i)))
        {
            body.Write(Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cv{i}.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"));
            body.Write(f);
            body.Write("\r\n"u8);
        }
        body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        body.Position = 0;
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(Options.Create(_options)).BuildServiceProvider(),
        };
        http.Request.ContentType = $"multipart/form-data; boundary={boundary}";
        http.Request.Body = body;

        var spooled = await UploadReader.SpoolAsync(http.Request, "files", 10_000_000, 10, CancellationToken.None, UploadReader.BulkInMemory);
        try
        {
            spooled.Select(s => s.InMemory).Should().Equal([true, true, true, true, false, false], "4 × 900 KB fit the 4 MiB budget, the fifth does not");
            for (int i = 0; i < files.Count; i++)
                (await spooled[i].LoadAsync(CancellationToken.None)).Bytes.Should().Equal(files[i]);
            FilesIn(Root()).Should().HaveCount(2);
        }
        finally
        {
            foreach (var s in spooled) await s.DisposeAsync();
        }
        FilesIn(Root()).Should().BeEmpty();
    }

    public void Dispose()
    {
        try { Directory.Delete(_base, recursive: true); }
        catch (IOException) { }
    }
}
