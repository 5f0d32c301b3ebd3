using System.Buffers.Binary;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The 4096-byte file header. Only the first 128 bytes carry data:
/// <code>
/// 0   8  "ElfFile\0"              32  4  header size (128)
/// 8   8  first chunk number       36  2  minor version (1; 2 on Windows 10 2004+)
/// 16  8  last chunk number        38  2  major version (3)
/// 24  8  next record identifier   40  2  header block size (4096) = offset of chunk 0
///                                 42  2  number of chunks
/// 120 4  flags (1 = dirty, 2 = full)      124 4  CRC-32 of bytes 0..120
/// </code>
/// A "dirty" header was not flushed when the log was last written: its chunk count and next record
/// id can lag behind the chunks really in the file, so the reader never trusts the count alone.
/// </summary>
internal sealed record EvtxFileHeader(
    ulong FirstChunk, ulong LastChunk, ulong NextRecordId, ushort MinorVersion, ushort MajorVersion,
    int HeaderBlockSize, int ChunkCount, uint Flags, bool ChecksumValid)
{
    public const int Size = 4096;
    public static ReadOnlySpan<byte> Signature => "ElfFile\0"u8;

    public bool Dirty => (Flags & 1) != 0;

    /// <summary>Reads the header; null when the signature is missing or fewer than 128 bytes exist.</summary>
    public static EvtxFileHeader? Read(ReadOnlySpan<byte> head)
    {
        if (head.Length < 128 || !head.StartsWith(Signature)) return null;
        var blockSize = BinaryPrimitives.ReadUInt16LittleEndian(head[40..]);
        return new EvtxFileHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(head[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(head[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(head[24..]),
            BinaryPrimitives.ReadUInt16LittleEndian(head[36..]),
            BinaryPrimitives.ReadUInt16LittleEndian(head[38..]),
            blockSize,
            BinaryPrimitives.ReadUInt16LittleEndian(head[42..]),
            BinaryPrimitives.ReadUInt32LittleEndian(head[120..]),
            Crc32.Compute(head[..120]) == BinaryPrimitives.ReadUInt32LittleEndian(head[124..]));
    }
}
