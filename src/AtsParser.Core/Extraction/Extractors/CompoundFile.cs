using System.Buffers.Binary;
using System.Text;

namespace AtsParser.Core.Extraction.Extractors;

/// <summary>
/// A bounded reader of OLE compound files (MS-CFB), the container of Word 97-2003 documents: the header, the FAT
/// (with its DIFAT chain), the mini FAT and the directory, then one named stream's bytes. Every sector chain is
/// walked at most once per sector of the file, so a loop or an out-of-range sector ends the read with
/// <see cref="InvalidDataException"/> instead of spinning; no stream may be larger than the file itself.
/// </summary>
public sealed class CompoundFile
{
    const ulong Signature = 0xE11AB1A1E011CFD0;
    const uint EndOfChain = 0xFFFFFFFE, FreeSector = 0xFFFFFFFF, MaxRegular = 0xFFFFFFFA;

    readonly byte[] _file;
    readonly int _sectorSize;
    readonly int _miniSectorSize;
    readonly uint _miniCutoff;
    readonly List<uint> _fat = [];
    readonly List<uint> _miniFat = [];
    readonly List<(string Name, int Type, uint Start, long Size)> _entries = [];
    byte[]? _miniStream;

    CompoundFile(byte[] file)
    {
        _file = file;
        int shift = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x1E));
        int miniShift = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(0x20));
        if (shift is not (9 or 12) || miniShift != 6) throw Bad("sector sizes");
        _sectorSize = 1 << shift;
        _miniSectorSize = 1 << miniShift;
        _miniCutoff = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x38));
        ReadFat();
        foreach (var s in Chain(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x3C))))
            for (int k = 0; k < _sectorSize; k += 4) _miniFat.Add(BinaryPrimitives.ReadUInt32LittleEndian(Sector(s)[k..]));
        foreach (var s in Chain(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(0x30))))
        {
            var sector = Sector(s);
            for (int e = 0; e + 128 <= _sectorSize; e += 128)
            {
                var entry = sector.Slice(e, 128);
                int nameBytes = Math.Clamp((int)BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]), 0, 64);
                var name = Encoding.Unicode.GetString(entry[..Math.Max(0, nameBytes - 2)]);
                int type = entry[0x42];
                uint start = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]);
                long size = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x78..]);
                _entries.Add((name, type, start, size));
            }
        }
        if (_entries.Count == 0 || _entries[0].Type != 5) throw Bad("no root entry");
    }

    /// <summary>True when the bytes start with the compound-file signature and hold at least a header.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.Length >= 512 && BinaryPrimitives.ReadUInt64LittleEndian(bytes) == Signature;

    public static CompoundFile Open(byte[] bytes)
    {
        if (!IsCompoundFile(bytes)) throw Bad("not a compound file");
        try { return new CompoundFile(bytes); }
        catch (ArgumentOutOfRangeException) { throw Bad("a structure points outside the file"); }
    }

    /// <summary>The bytes of the stream with this name (anywhere in the directory), or null when there is none.</summary>
    public byte[]? Stream(string name)
    {
        try
        {
            foreach (var (n, type, start, size) in _entries)
            {
                if (type != 2 || !n.Equals(name, StringComparison.Ordinal)) continue;
                if (size > _file.Length) throw Bad($"stream {name} is larger than the file");
                return size < _miniCutoff ? MiniStreamBytes(start, (int)size) : Bytes(start, (int)size);
            }
            return null;
        }
        catch (ArgumentOutOfRangeException) { throw Bad($"stream {name} points outside the file"); }
    }

    void ReadFat()
    {
        int fatSectors = (int)BinaryPrimitives.ReadUInt32LittleEndian(_file.AsSpan(0x2C));
        if (fatSectors < 0 || (long)fatSectors * _sectorSize > _file.Length) throw Bad("FAT size");
        var fatList = new List<uint>();
        for (int i = 0; i < 109 && fatList.Count < fatSectors; i++) fatList.Add(BinaryPrimitives.ReadUInt32LittleEndian(_file.AsSpan(0x4C + 4 * i)));
        uint difat = BinaryPrimitives.ReadUInt32LittleEndian(_file.AsSpan(0x44));
        int hops = 0;
        while (fatList.Count < fatSectors && difat < MaxRegular)
        {
            if (++hops > _file.Length / _sectorSize) throw Bad("DIFAT loop");
            var sector = Sector(difat);
            int perSector = _sectorSize / 4 - 1;
            for (int k = 0; k < perSector && fatList.Count < fatSectors; k++) fatList.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * k)..]));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(_sectorSize - 4)..]);
        }
        foreach (var s in fatList)
        {
            var sector = Sector(s);
            for (int k = 0; k < _sectorSize; k += 4) _fat.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[k..]));
        }
    }

    ReadOnlySpan<byte> Sector(uint index)
    {
        long at = ((long)index + 1) * _sectorSize;
        if (index >= MaxRegular || at + _sectorSize > _file.Length) throw Bad("sector outside the file");
        return _file.AsSpan((int)at, _sectorSize);
    }

    IEnumerable<uint> Chain(uint start)
    {
        int max = _file.Length / _sectorSize + 1, hops = 0;
        for (uint s = start; s != EndOfChain && s != FreeSector; s = s < _fat.Count ? _fat[(int)s] : throw Bad("chain leaves the FAT"))
        {
            if (s >= MaxRegular || ++hops > max) throw Bad("sector chain loops");
            yield return s;
        }
    }

    byte[] Bytes(uint start, int size)
    {
        var result = new byte[size];
        int done = 0;
        foreach (var s in Chain(start))
        {
            if (done >= size) break;
            int n = Math.Min(_sectorSize, size - done);
            Sector(s)[..n].CopyTo(result.AsSpan(done));
            done += n;
        }
        if (done < size) throw Bad("stream shorter than its size");
        return result;
    }

    byte[] MiniStreamBytes(uint start, int size)
    {
        var root = _entries[0];
        _miniStream ??= Bytes(root.Start, (int)Math.Min(root.Size, _file.Length));
        var result = new byte[size];
        int done = 0, hops = 0;
        for (uint s = start; done < size && s != EndOfChain; s = s < _miniFat.Count ? _miniFat[(int)s] : throw Bad("mini chain leaves the mini FAT"))
        {
            if (++hops > _miniStream.Length / _miniSectorSize + 1) throw Bad("mini sector chain loops");
            long at = (long)s * _miniSectorSize;
            int n = Math.Min(_miniSectorSize, size - done);
            if (at + n > _miniStream.Length) throw Bad("mini sector outside the mini stream");
            _miniStream.AsSpan((int)at, n).CopyTo(result.AsSpan(done));
            done += n;
        }
        if (done < size) throw Bad("stream shorter than its size");
        return result;
    }

    static InvalidDataException Bad(string what) => new($"The compound file is damaged ({what}).");
}
