using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Timeline.Tests.Support.Evtx;

/// <summary>
/// Writes EVTX files (MS-EVEN6 / libevtx's "Windows XML Event Log format"), deterministically: the same events
/// and options give the same bytes, with no clock read. Layout:
/// <code>
/// file header (4096 bytes): "ElfFile\0", first/last chunk number, next record id, header size 128,
///     version 3.1, header block size 4096, chunk count, flags 0, CRC-32 of bytes 0..120 at 124
/// chunks (65536 bytes each): "ElfChnk\0", first/last record number and id, header size 128, offset of the
///     last record, free space offset, CRC-32 of the records (512..free), flags, header CRC-32 (0..120 and
///     128..512), 64 common-string buckets (128..384), 32 template buckets (384..512), records from 512
/// record: "**\0\0", size, record id, written time (FILETIME = TimeCreated), Binary XML, size again
/// </code>
/// Names are stored inline the first time a chunk uses them and referenced by chunk offset afterwards;
/// template definitions likewise (see <see cref="BinXmlStyle"/>).
/// </summary>
public static class EvtxWriter
{
    public const int FileHeaderSize = 4096;
    public const int ChunkSize = 65536;

    public static byte[] Write(IReadOnlyList<WinEvent> events, EvtxWriterOptions? options = null)
    {
        options ??= new EvtxWriterOptions();
        var chunks = new List<byte[]>();
        var chunk = new ChunkWriter(options.Style);
        var id = options.FirstRecordId;
        foreach (var e in events)
        {
            if (chunk.Count >= options.MaxRecordsPerChunk || !chunk.TryAdd(e, id))
            {
                if (chunk.Count == 0) throw new InvalidOperationException($"event {id} does not fit in an empty chunk");
                chunks.Add(chunk.Finish());
                chunk = new ChunkWriter(options.Style);
                if (!chunk.TryAdd(e, id)) throw new InvalidOperationException($"event {id} does not fit in an empty chunk");
            }
            id++;
        }
        if (chunk.Count > 0) chunks.Add(chunk.Finish());

        var file = new byte[FileHeaderSize + (chunks.Count * ChunkSize)];
        var h = file.AsSpan();
        "ElfFile\0"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt64LittleEndian(h[8..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(h[16..], (ulong)Math.Max(chunks.Count - 1, 0));
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], id);
        BinaryPrimitives.WriteUInt32LittleEndian(h[32..], 128);
        BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(h[38..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(h[40..], FileHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[42..], checked((ushort)chunks.Count));
        BinaryPrimitives.WriteUInt32LittleEndian(h[120..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(h[124..], Crc32(h[..120]));
        for (var i = 0; i < chunks.Count; i++) chunks[i].CopyTo(file, FileHeaderSize + (i * ChunkSize));
        return file;
    }

    public static void WriteFile(string path, IReadOnlyList<WinEvent> events, EvtxWriterOptions? options = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, Write(events, options));
    }

    /// <summary>CRC-32 as EVTX uses it (RFC 1952: reflected 0xEDB88320, initial and final inversion).</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The 16-bit name hash Windows stores beside each name (multiplier 65599 over UTF-16 code units).</summary>
    public static ushort NameHash(string name)
    {
        uint hash = 0;
        foreach (var c in name) hash = unchecked((hash * 65599) + c);
        return (ushort)hash;
    }

    /// <summary>One chunk being filled. A record that does not fit is rolled back and reported with false.</summary>
    private sealed class ChunkWriter(BinXmlStyle style)
    {
        private const int RecordsStart = 512;
        private readonly byte[] _buf = new byte[ChunkSize];
        private int _pos = RecordsStart;
        private Dictionary<string, int> _names = new(StringComparer.Ordinal);
        private Dictionary<Guid, int> _templates = [];
        private int[] _stringBuckets = new int[64];
        private int[] _templateBuckets = new int[32];
        private ulong _first, _last;
        private int _lastOffset;

        public int Count { get; private set; }

        public bool TryAdd(WinEvent e, ulong id)
        {
            var saved = (_pos, new Dictionary<string, int>(_names, StringComparer.Ordinal), new Dictionary<Guid, int>(_templates),
                (int[])_stringBuckets.Clone(), (int[])_templateBuckets.Clone());
            try
            {
                var start = _pos;
                Bytes("**\0\0"u8);
                var sizeAt = _pos;
                U32(0);
                U64(id);
                U64((ulong)BinXmlTree.ToFileTime(e.TimeCreated));
                FragmentHeader();
                if (style == BinXmlStyle.Templates) TemplateInstance(e, id);
                else Element(BinXmlTree.InlineBody(e, id));
                U8(0x00); // end of fragment
                while ((_pos + 4 - start) % 8 != 0) U8(0);
                var size = _pos + 4 - start;
                U32((uint)size);
                BinaryPrimitives.WriteUInt32LittleEndian(_buf.AsSpan(sizeAt), (uint)size);
                if (Count == 0) _first = id;
                _last = id;
                _lastOffset = start;
                Count++;
                return true;
            }
            catch (ChunkFullException)
            {
                Array.Clear(_buf, saved.Item1, _buf.Length - saved.Item1);
                (_pos, _names, _templates, _stringBuckets, _templateBuckets) = saved;
                return false;
            }
        }

        public byte[] Finish()
        {
            var c = _buf.AsSpan();
            "ElfChnk\0"u8.CopyTo(c);
            BinaryPrimitives.WriteUInt64LittleEndian(c[8..], _first);
            BinaryPrimitives.WriteUInt64LittleEndian(c[16..], _last);
            BinaryPrimitives.WriteUInt64LittleEndian(c[24..], _first);
            BinaryPrimitives.WriteUInt64LittleEndian(c[32..], _last);
            BinaryPrimitives.WriteUInt32LittleEndian(c[40..], 128);
            BinaryPrimitives.WriteUInt32LittleEndian(c[44..], (uint)_lastOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(c[48..], (uint)_pos);
            BinaryPrimitives.WriteUInt32LittleEndian(c[52..], Crc32(c[RecordsStart.._pos]));
            for (var i = 0; i < 64; i++) BinaryPrimitives.WriteUInt32LittleEndian(c[(128 + (4 * i))..], (uint)_stringBuckets[i]);
            for (var i = 0; i < 32; i++) BinaryPrimitives.WriteUInt32LittleEndian(c[(384 + (4 * i))..], (uint)_templateBuckets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(c[120..], 0);
            var header = new byte[120 + 384];
            c[..120].CopyTo(header);
            c[128..RecordsStart].CopyTo(header.AsSpan(120));
            BinaryPrimitives.WriteUInt32LittleEndian(c[124..], Crc32(header));
            return _buf;
        }

        private void FragmentHeader() => Bytes([0x0F, 0x01, 0x01, 0x00]);

        /// <summary>
        /// <c>0x0C, 1, template id, definition offset, [definition], value count, (size, type, 0) per value, values</c>.
        /// The definition (<c>next offset, GUID, data size, fragment</c>) follows the instance header the first
        /// time the chunk uses it; later instances point back to it.
        /// </summary>
        private void TemplateInstance(WinEvent e, ulong id)
        {
            var names = e.Data.Select(d => d.Key).ToList();
            var guid = TemplateGuid(e, names);
            var templateId = BinaryPrimitives.ReadUInt32LittleEndian(guid.ToByteArray());
            U8(0x0C);
            U8(0x01);
            U32(templateId);
            if (_templates.TryGetValue(guid, out var known))
            {
                U32((uint)known);
            }
            else
            {
                var defOffset = _pos + 4;
                U32((uint)defOffset);
                var bucket = (int)(templateId % 32);
                U32((uint)_templateBuckets[bucket]);
                Bytes(guid.ToByteArray());
                var sizeAt = _pos;
                U32(0);
                var bodyStart = _pos;
                FragmentHeader();
                Element(BinXmlTree.TemplateBody(names));
                U8(0x00);
                BinaryPrimitives.WriteUInt32LittleEndian(_buf.AsSpan(sizeAt), (uint)(_pos - bodyStart));
                _templates[guid] = defOffset;
                _templateBuckets[bucket] = defOffset;
            }
            var values = BinXmlTree.TemplateValues(e, id);
            U32((uint)values.Length);
            foreach (var v in values)
            {
                U16(checked((ushort)v.Bytes.Length));
                U8(v.Type);
                U8(0);
            }
            foreach (var v in values) Bytes(v.Bytes);
        }

        /// <summary>A GUID derived from the template's shape (provider, event id and data names): deterministic.</summary>
        private static Guid TemplateGuid(WinEvent e, List<string> names)
        {
            var key = $"{e.Provider}\n{e.EventId}\n{e.Version}\n{string.Join("\n", names)}";
            return new Guid(MD5.HashData(Encoding.UTF8.GetBytes(key)));
        }

        /// <summary>
        /// <c>0x01|0x41, dependency id 0xFFFF, data size, name, [attribute list size, attributes], 0x02 content 0x04 | 0x03</c>.
        /// The data size counts the bytes after it up to the end of the element.
        /// </summary>
        private void Element(BinXmlElement element)
        {
            var hasAttributes = element.Attributes.Count > 0;
            U8((byte)(hasAttributes ? 0x41 : 0x01));
            U16(0xFFFF);
            var sizeAt = _pos;
            U32(0);
            Name(element.Name);
            if (hasAttributes)
            {
                var listAt = _pos;
                U32(0);
                for (var i = 0; i < element.Attributes.Count; i++)
                {
                    var a = element.Attributes[i];
                    U8((byte)(i + 1 < element.Attributes.Count ? 0x46 : 0x06));
                    Name(a.Name);
                    Piece(a.Value);
                }
                BinaryPrimitives.WriteUInt32LittleEndian(_buf.AsSpan(listAt), (uint)(_pos - listAt - 4));
            }
            if (element.Children.Count == 0)
            {
                U8(0x03);
            }
            else
            {
                U8(0x02);
                foreach (var child in element.Children)
                {
                    if (child is BinXmlElement nested) Element(nested);
                    else Piece((BinXmlPiece)child);
                }
                U8(0x04);
            }
            BinaryPrimitives.WriteUInt32LittleEndian(_buf.AsSpan(sizeAt), (uint)(_pos - sizeAt - 4));
        }

        private void Piece(BinXmlPiece piece)
        {
            switch (piece)
            {
                case TextPiece t:
                    U8(0x05);
                    U8(BinXmlTree.String);
                    U16(checked((ushort)t.Text.Length));
                    Bytes(Encoding.Unicode.GetBytes(t.Text));
                    break;
                case SubstitutionPiece s:
                    U8((byte)(s.Optional ? 0x0E : 0x0D));
                    U16(s.Index);
                    U8(s.Type);
                    break;
            }
        }

        /// <summary>A name offset; the name itself (<c>next offset, hash, length, UTF-16, NUL</c>) follows the first time.</summary>
        private void Name(string name)
        {
            if (_names.TryGetValue(name, out var offset))
            {
                U32((uint)offset);
                return;
            }
            offset = _pos + 4;
            U32((uint)offset);
            var hash = NameHash(name);
            var bucket = hash % 64;
            U32((uint)_stringBuckets[bucket]);
            U16(hash);
            U16(checked((ushort)name.Length));
            Bytes(Encoding.Unicode.GetBytes(name));
            U16(0);
            _names[name] = offset;
            _stringBuckets[bucket] = offset;
        }

        private Span<byte> Take(int n)
        {
            if (_pos + n > _buf.Length) throw new ChunkFullException();
            var span = _buf.AsSpan(_pos, n);
            _pos += n;
            return span;
        }

        private void U8(byte v) => Take(1)[0] = v;

        private void U16(ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), v);

        private void U32(uint v) => BinaryPrimitives.WriteUInt32LittleEndian(Take(4), v);

        private void U64(ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(Take(8), v);

        private void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));
    }

    private sealed class ChunkFullException : Exception;
}
