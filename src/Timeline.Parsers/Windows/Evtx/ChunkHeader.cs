using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace Timeline.Parsers.Windows.Evtx;

/// <summary>
/// The 512-byte header of a 64 KiB chunk:
/// <code>
/// 0   8  "ElfChnk\0"                  40  4  header size (128)
/// 8   8  first event record number    44  4  offset of the last record (chunk-relative)
/// 16  8  last event record number     48  4  free space offset: end of the records
/// 24  8  first event record id        52  4  CRC-32 of the records, bytes 512..free space offset
/// 32  8  last event record id         120 4  flags        124 4  CRC-32 of bytes 0..120 and 128..512
/// 128 256  64 common-string offsets (hash buckets of the chunk's names)
/// 384 128  32 template offsets (hash buckets of the chunk's template definitions)
/// </code>
/// Records start at 512. Names and template definitions are stored once, inside the first record
/// that uses them, and referenced by chunk-relative offset afterwards: a chunk decodes on its own.
/// </summary>
internal readonly record struct ChunkHeader(
    ulong FirstRecordId, ulong LastRecordId, int LastRecordOffset, int FreeSpaceOffset,
    bool HeaderChecksumValid, bool RecordsChecksumValid)
{
    public const int Size = 65536;
    public const int RecordsStart = 512;
    public static ReadOnlySpan<byte> Signature => "ElfChnk\0"u8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HasSignature(ReadOnlySpan<byte> chunk) => chunk.StartsWith(Signature);

    /// <summary>Reads the header of a chunk (which may be cut short by the end of the file).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ChunkHeader Read(ReadOnlySpan<byte> chunk)
    {
        var free = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]), int.MaxValue);
        var headerCrc = Crc32.Append(Crc32.Compute(chunk[..120]), chunk[128..RecordsStart]);
        var headerValid = headerCrc == BinaryPrimitives.ReadUInt32LittleEndian(chunk[124..]);
        var recordsValid = free >= RecordsStart && free <= chunk.Length
            && Crc32.Compute(chunk[RecordsStart..free]) == BinaryPrimitives.ReadUInt32LittleEndian(chunk[52..]);
        return new ChunkHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(chunk[24..]),
            BinaryPrimitives.ReadUInt64LittleEndian(chunk[32..]),
            (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(chunk[44..]), int.MaxValue),
            free,
            headerValid,
            recordsValid);
    }
}
